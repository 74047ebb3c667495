// Bench `live`: the provider's subgraph, serving the demo social_insurance records in its own process (serverProcess.ts),
// as a department's own server would be.
import { DEMO_RESOURCE_TYPES, generateDemoRecords } from '../src/demo/catalog.js';
import { recordsSubgraphSchema, serveSubgraph } from '../src/demo/liveSubgraph.js';
import { DEMO_ORGANIZATION_COUNT, DEMO_PERSON_COUNT } from '../src/demo/seed.js';
import { generateOrganizations, generatePersons } from '../src/demo/subjects.js';

export const LIVE_BENCH_TYPE = 'social_insurance';
export const LIVE_BENCH_ENTITY = 'SocialInsurance';

export async function startLiveSubgraph(): Promise<{ url: string; subjectIds: string[]; close(): Promise<void> }> {
  const definition = DEMO_RESOURCE_TYPES.find((d) => d.code === LIVE_BENCH_TYPE);
  if (!definition) throw new Error(`no demo resource type ${LIVE_BENCH_TYPE}`);
  const records = generateDemoRecords(LIVE_BENCH_TYPE, generatePersons(DEMO_PERSON_COUNT), generateOrganizations(DEMO_ORGANIZATION_COUNT));
  const server = await serveSubgraph(recordsSubgraphSchema(definition, LIVE_BENCH_ENTITY, new Map(records.map((r) => [r.subjectId, r.values]))));
  return { url: server.url, subjectIds: records.map((r) => r.subjectId), close: () => server.close() };
}
