// Bench `viewer` (issue 3): an authenticated viewer query through the hub against a bare jose + pg server.
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import type { LoadRequest } from './load.js';
import { measurePair } from './pairedLoad.js';
import { startBenchHub } from './setup.js';
import { startServerProcess } from './processes.js';

const QUERY = '{ viewer { client { id name } department { code name } roles } }';
const CLIENT_ID = 'psb-system';
/** The hub's pool size (the ORM default in src/db/orm.ts): the baseline gets as many connections. */
const POOL_MAX = 20;
const TARGET = 0.95;

function viewerRequest(baseUrl: string, token: string): LoadRequest {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  };
}

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  // Long enough for every run; the same token for every request, as a department system would reuse it.
  const token = await database.issuer.signClientToken(CLIENT_ID, 3_600);
  const hub = await startBenchHub(database);
  try {
    const baseline = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'viewerBaseline', poolMax: POOL_MAX });
    try {
      return await measurePair(
        { name: 'viewer', baseline: { label: 'baseline', request: viewerRequest(baseline.url, token), cpuSeconds: () => baseline.cpuSeconds() }, subject: { label: 'hub', request: viewerRequest(hub.url, token), cpuSeconds: () => hub.cpuSeconds() }, target: TARGET, plan },
        { rounds, say, database },
      );
    } finally {
      await baseline.close();
    }
  } finally {
    await hub.close();
  }
}

export const viewerBench: Bench = {
  name: 'viewer',
  description: `${QUERY} as ${CLIENT_ID}: hub (audit on) vs node:http + jose jwtVerify + pg SELECT`,
  run,
};
