// Bench `records1000` (issue 4): 1,000 subjects in one request through the hub against a bare jose + one pg SELECT ... ANY.
// The claim is about time (hub ≤ 2× the baseline's); the report's ratio is throughput, so the target is its inverse, 1/2.
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { medianLatencies } from './latency.js';
import { measurePair } from './pairedLoad.js';
import { startServerProcess } from './processes.js';
import { FIXTURE_RECORDS, QUERIED_SUBJECTS, recordFixture } from './recordFixture.js';
import { recordsRequest } from './recordRequests.js';
import { startBenchHub } from './setup.js';

/** The hub's pool size (the ORM default in src/db/orm.ts): the baseline gets as many connections. */
const POOL_MAX = 20;
/** Hub time ≤ 2 × baseline time, as a throughput ratio at equal concurrency. */
const MAX_TIME_RATIO = 2;
/** Each request carries 1,000 ids and answers 1,000 records: a few connections keep both sides saturated without queueing seconds. */
const MAX_CONNECTIONS = 8;
/** Requests one at a time per side, after the load runs, for the unloaded median. */
const LATENCY_SAMPLES = 30;

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const fixture = await recordFixture(database, say);
  const subjectIds = fixture.subjectIds.slice(0, QUERIED_SUBJECTS);
  const token = await database.issuer.signClientToken(fixture.consumerClientId, 3_600);
  const hub = await startBenchHub(database);
  try {
    const baseline = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'recordBaseline', poolMax: POOL_MAX, fixture });
    try {
      const baselineRequest = recordsRequest(baseline.url, token, fixture, subjectIds);
      const hubRequest = recordsRequest(hub.url, token, fixture, subjectIds);
      const report = await measurePair(
        {
          name: 'records1000',
          baseline: { label: 'baseline', request: baselineRequest, cpuSeconds: () => baseline.cpuSeconds() },
          subject: { label: 'hub', request: hubRequest, cpuSeconds: () => hub.cpuSeconds() },
          target: 1 / MAX_TIME_RATIO,
          plan: { ...plan, connections: Math.min(plan.connections, MAX_CONNECTIONS) },
        },
        { rounds, say, database },
      );
      const [baselineMs, hubMs] = await medianLatencies(baselineRequest, hubRequest, LATENCY_SAMPLES);
      say(
        `  records1000 one at a time (median of ${LATENCY_SAMPLES}): baseline ${baselineMs.toFixed(1)} ms, hub ${hubMs.toFixed(1)} ms, ` +
          `hub/baseline ${(hubMs / baselineMs).toFixed(2)} (target ≤ ${MAX_TIME_RATIO})`,
      );
      return report;
    } finally {
      await baseline.close();
    }
  } finally {
    await hub.close();
  }
}

export const records1000Bench: Bench = {
  name: 'records1000',
  description:
    `benchHouseholds(subjectIds:) of ${QUERIED_SUBJECTS} subjects among ${FIXTURE_RECORDS.toLocaleString('en')} records, ${MAX_CONNECTIONS} connections: ` +
    `hub vs node:http + jose jwtVerify + one pg SELECT ... ANY; target hub time ≤ ${MAX_TIME_RATIO}× baseline time, shown as throughput ratio ≥ 1/${MAX_TIME_RATIO}`,
  run,
};
