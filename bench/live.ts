// Bench `live` (issue 7): 100 subjects of a live resource type through the hub vs the same `_entities` call made
// directly to the provider's subgraph (in its own process); both answers are checked to carry the same records.
import { isDeepStrictEqual } from 'node:util';
import { listQueryNameOf } from '../src/catalog/naming.js';
import { DEMO_RESOURCE_TYPES } from '../src/demo/catalog.js';
import { entitiesQuery } from '../src/live/protocol.js';
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { compareAlternately } from './compare.js';
import { measureLoad, type LoadRequest } from './load.js';
import { LIVE_BENCH_ENTITY, LIVE_BENCH_TYPE } from './liveSubgraph.js';
import { startBenchHub } from './setup.js';
import { startServerProcess } from './processes.js';

const SUBJECTS = 100;
/** Through the hub at least 0.8 of the direct throughput (issue 15). */
const TARGET = 0.8;
const PURPOSE = 'bench-live';

interface Subgraph {
  url: string;
  subjectIds: string[];
  close(): Promise<void>;
}

/** The provider's subgraph in its own process, as a department's own server would be. */
async function startSubgraph(database: BenchOptions['database']): Promise<Subgraph> {
  const server = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'liveSubgraph' });
  const { subjectIds } = server.extra as { subjectIds: string[] };
  return { url: server.url, subjectIds, close: () => server.close() };
}

function post(url: string, token: string | null, query: string, variables: Record<string, unknown>): LoadRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}`, 'x-sharehub-purpose': PURPOSE } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}

async function answerOf(request: LoadRequest): Promise<unknown> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null });
  const body = (await res.json()) as { errors?: unknown };
  if (res.status !== 200 || body.errors !== undefined) throw new Error(`live: ${request.url} answered ${res.status}: ${JSON.stringify(body).slice(0, 600)}`);
  return body;
}

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const definition = DEMO_RESOURCE_TYPES.find((d) => d.code === LIVE_BENCH_TYPE);
  if (!definition) throw new Error(`live: no demo resource type ${LIVE_BENCH_TYPE}`);
  const subgraph = await startSubgraph(database);
  try {
    // The subgraph stands for HRSS's own service: its origin is listed for HRSS (the provider of the type).
    const hub = await startBenchHub(database, { SHAREHUB_LIVE_SOURCE_ORIGINS: JSON.stringify({ [definition.providerCode]: [new URL(subgraph.url).origin] }) });
    try {
      const admin = await database.issuer.signClientToken('hrss-admin', 3_600);
      const registered = await answerOf(
        post(`${hub.url}/graphql`, admin, 'mutation R($input: RegisterLiveSourceInput!) { registerLiveSource(input: $input) { liveSource { version } } }', {
          input: { resourceType: LIVE_BENCH_TYPE, url: subgraph.url, entityTypeName: LIVE_BENCH_ENTITY, keyField: 'subjectId' },
        }),
      );
      say(`  registered ${LIVE_BENCH_TYPE} live at ${subgraph.url}: ${JSON.stringify(registered)}`);
      const ids = subgraph.subjectIds.slice(0, SUBJECTS);
      const fields = definition.fields.map((f) => f.name);
      // The provider reads its own type in full, so the hub asks for every field: the same call as the direct one.
      const direct = post(subgraph.url, null, entitiesQuery(LIVE_BENCH_ENTITY, 'subjectId', fields), {
        representations: ids.map((id) => ({ __typename: LIVE_BENCH_ENTITY, subjectId: id })),
      });
      const token = await database.issuer.signClientToken('hrss-system', 3_600);
      // Aliased `_entities`, so the hub's answer has the very shape of the subgraph's and the two can be compared.
      const viaHub = post(`${hub.url}/graphql`, token, `query L($ids: [ID!]!) { _entities: ${listQueryNameOf(LIVE_BENCH_TYPE)}(subjectIds: $ids) { subjectId ${fields.join(' ')} } }`, { ids });
      const [a, b] = await Promise.all([answerOf(direct), answerOf(viaHub)]);
      if (!isDeepStrictEqual(a, b)) throw new Error('live: the hub and the subgraph answer differently');
      const result = await compareAlternately(
        { label: 'subgraph', measure: () => measureLoad(direct, plan) },
        { label: 'hub', measure: () => measureLoad(viaHub, plan) },
        rounds,
        (label, round, figure) => say(`  live ${label.padEnd(9)} run ${round}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors + figure.timeouts}`),
      );
      return { name: 'live', baseline: { label: 'subgraph', figure: result.baseline }, subject: { label: 'hub', figure: result.subject }, ratio: result.ratio, roundRatios: result.roundRatios, target: TARGET };
    } finally {
      await hub.close();
    }
  } finally {
    await subgraph.close();
  }
}

export const liveBench: Bench = {
  name: 'live',
  description: `${SUBJECTS} subjects of ${LIVE_BENCH_TYPE} as hrss-system (provider, audit on): hub with the type served live vs the same _entities call straight to the subgraph (its own process)`,
  run,
};
