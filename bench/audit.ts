// Bench `audit` (issue 6): what audit writes cost. The same record read through two hubs on one database, audit off and on.
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { measurePair } from './pairedLoad.js';
import { recordFixture } from './recordFixture.js';
import { recordRequest } from './recordRequests.js';
import { startBenchHub } from './setup.js';

const TARGET = 0.95;

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const fixture = await recordFixture(database, say);
  // A read of shared data, so the audit event is a full one (fields returned, grant cited, subject hashed).
  const subjectId = fixture.subjectIds[0];
  if (subjectId === undefined) throw new Error('audit: the fixture has no queried subjects');
  const token = await database.issuer.signClientToken(fixture.consumerClientId, 3_600);
  const withoutAudit = await startBenchHub(database, { SHAREHUB_AUDIT_DISABLED_FOR_BENCH: '1' });
  try {
    const withAudit = await startBenchHub(database);
    try {
      return await measurePair(
        {
          name: 'audit',
          baseline: { label: 'audit off', request: recordRequest(withoutAudit.url, token, fixture, subjectId), cpuSeconds: () => withoutAudit.cpuSeconds() },
          subject: { label: 'audit on', request: recordRequest(withAudit.url, token, fixture, subjectId), cpuSeconds: () => withAudit.cpuSeconds() },
          target: TARGET,
          plan,
        },
        { rounds, say, database },
      );
    } finally {
      await withAudit.close();
    }
  } finally {
    await withoutAudit.close();
  }
}

export const auditBench: Bench = {
  name: 'audit',
  description: 'benchHousehold(subjectId:) as hrss-system through two hubs on one database: audit on (default) vs SHAREHUB_AUDIT_DISABLED_FOR_BENCH=1',
  run,
};
