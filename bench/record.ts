// Bench `record` (issue 4): one record by subject through the hub against a bare jose + pg server, on 1,000,000 records of the type.
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { measurePair } from './pairedLoad.js';
import { startServerProcess } from './processes.js';
import { FIXTURE_RECORDS, recordFixture } from './recordFixture.js';
import { recordRequest } from './recordRequests.js';
import { startBenchHub } from './setup.js';

/** The hub's pool size (the ORM default in src/db/orm.ts): the baseline gets as many connections. */
const POOL_MAX = 20;
const TARGET = 0.75;

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const fixture = await recordFixture(database, say);
  // One fixed subject for every request: load.ts repeats one request per connection (no per-request body).
  const subjectId = fixture.subjectIds[Math.floor(fixture.subjectIds.length / 2)];
  if (subjectId === undefined) throw new Error('record: the fixture has no queried subjects');
  const token = await database.issuer.signClientToken(fixture.consumerClientId, 3_600);
  const hub = await startBenchHub(database);
  try {
    const baseline = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'recordBaseline', poolMax: POOL_MAX, fixture });
    try {
      const report = await measurePair(
        {
          name: 'record',
          baseline: { label: 'baseline', request: recordRequest(baseline.url, token, fixture, subjectId), cpuSeconds: () => baseline.cpuSeconds() },
          subject: { label: 'hub', request: recordRequest(hub.url, token, fixture, subjectId), cpuSeconds: () => hub.cpuSeconds() },
          target: TARGET,
          plan,
        },
        { rounds, say, database },
      );
      return { ...report, hubPeakRssMb: hub.peakRssMb() };
    } finally {
      await baseline.close();
    }
  } finally {
    await hub.close();
  }
}

export const recordBench: Bench = {
  name: 'record',
  description:
    `benchHousehold(subjectId:) of one fixed subject among ${FIXTURE_RECORDS.toLocaleString('en')} records, as hrss-system with a purpose: ` +
    'hub (UNCONDITIONAL grant, audit on) vs node:http + jose jwtVerify + one pg SELECT of the row',
  run,
};
