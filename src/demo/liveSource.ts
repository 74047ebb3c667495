// Demo mode: the Human Resources and Social Security Bureau serves social_insurance live from its own subgraph,
// started beside the hub and registered at start (only when the registration would change), with fallback to published.
import type { EntityManager } from '@mikro-orm/postgresql';
import { LiveSource, LiveSourceCredential } from '../../entities/LiveSource.js';
import { loadCatalog } from '../catalog/catalog.js';
import { typeNameOf } from '../catalog/naming.js';
import { withLiveSourceOrigin, type Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import { LIVE_SOURCES_CHANNEL } from '../live/registry.js';
import type { Logger } from '../log.js';
import { inspectSource, saveLiveSource, type RegisterLiveSourceInput } from '../services/liveSources.js';
import { generateDemoRecords } from './catalog.js';
import { recordsSubgraphSchema, serveSubgraph, type SubgraphServer } from './liveSubgraph.js';
import { DEMO_ORGANIZATION_COUNT, DEMO_PERSON_COUNT } from './seed.js';
import { generateOrganizations, generatePersons } from './subjects.js';

export const DEMO_LIVE_TYPE = 'social_insurance';
const REGISTERED_BY = 'demo-seed';

function isSameRegistration(row: LiveSource, input: RegisterLiveSourceInput): boolean {
  return (
    row.url === input.url &&
    row.entityTypeName === input.entityTypeName &&
    row.keyField === input.keyField &&
    row.timeoutMs === input.timeoutMs &&
    row.credential === input.credential &&
    row.isFallbackToPublished === input.isFallbackToPublished
  );
}

async function register(em: EntityManager, input: RegisterLiveSourceInput, providerCode: string): Promise<boolean> {
  const existing = await em.findOne(LiveSource, { resourceTypeCode: input.resourceType });
  if (existing && isSameRegistration(existing, input)) return false;
  await saveLiveSource(
    em,
    {
      resourceTypeCode: input.resourceType,
      providerCode,
      url: input.url,
      entityTypeName: input.entityTypeName,
      keyField: input.keyField,
      timeoutMs: input.timeoutMs ?? 2_000,
      credential: input.credential,
      tokenEndpoint: null,
      clientId: null,
      secretJwe: null,
      isFallbackToPublished: input.isFallbackToPublished ?? true,
      registeredBy: REGISTERED_BY,
    },
    new Date(),
  );
  await em.execute('SELECT pg_notify(?, ?)', [LIVE_SOURCES_CHANNEL, '']);
  return true;
}

/** The demo subgraph, and the department whose service it is. */
export interface DemoLiveSource extends SubgraphServer {
  providerCode: string;
}

/**
 * Starts the demo subgraph (on the hub's port + 1, or any free port when the hub's is 0) with the same records the
 * seed published, and registers it as the live source of social_insurance, at an origin allowed for its provider
 * (HRSS) alone. Null when the catalog has no such type.
 */
export async function startDemoLiveSource(orm: Orm, config: Config, logger: Logger): Promise<DemoLiveSource | null> {
  const em = orm.em.fork();
  const entry = (await loadCatalog(em)).get(DEMO_LIVE_TYPE);
  if (!entry) {
    logger.warn({ resourceType: DEMO_LIVE_TYPE }, 'no such resource type in the catalog; the demo live source is not started');
    return null;
  }
  const persons = generatePersons(DEMO_PERSON_COUNT);
  const organizations = generateOrganizations(DEMO_ORGANIZATION_COUNT);
  const records = new Map(generateDemoRecords(DEMO_LIVE_TYPE, persons, organizations).map((r) => [r.subjectId, r.values]));
  const entityTypeName = typeNameOf(entry.code);
  const subgraph = await serveSubgraph(recordsSubgraphSchema(entry, entityTypeName, records), { host: config.host, port: config.port === 0 ? 0 : config.port + 1 });
  try {
    const input: RegisterLiveSourceInput = {
      resourceType: entry.code,
      url: subgraph.url,
      entityTypeName,
      keyField: 'subjectId',
      timeoutMs: 2_000,
      credential: LiveSourceCredential.NONE,
      isFallbackToPublished: true,
    };
    await inspectSource(entry, input, withLiveSourceOrigin(config.liveSourceOrigins, entry.providerCode, subgraph.url));
    const isChanged = await register(em, input, entry.providerCode);
    // Logged as `subgraph`, not `url`: tools and tests find the hub's own address by the `url` of 'sharehub is serving'.
    logger.info({ resourceType: entry.code, subgraph: subgraph.url, registered: isChanged ? 'now' : 'already' }, 'demo live source serving');
    return { url: subgraph.url, close: () => subgraph.close(), providerCode: entry.providerCode };
  } catch (error) {
    await subgraph.close();
    throw error;
  }
}
