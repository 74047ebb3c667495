// Prometheus metrics on their own port (issue 17): the series after a few requests, and labels that never carry an
// ID number, a purpose or a case number.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidResidentId } from '../../src/certs/identifiers.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
const SUBJECT = '330102197512316137';
const CASE = 'CASE-METRICS-7731';
const PURPOSE = 'metrics-test-purpose';

beforeAll(async () => {
  t = await startTestHub({ SHAREHUB_METRICS_PORT: '0' });
});
afterAll(async () => {
  await t?.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(t.hub.metricsUrl!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('metrics', () => {
  it('count requests by operation, client and outcome, errors by code, audit batches, the pool and the process', async () => {
    const clerk = (await t.as('window-clerk')).with({ 'x-sharehub-purpose': PURPOSE, 'x-sharehub-case': CASE });
    await clerk.query(`query HouseholdForMetrics($id: ID!) { householdRegistration(subjectId: $id) { name address } }`, { id: SUBJECT });
    await clerk.query(`query Q${SUBJECT} { viewer { roles } }`);
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' }, body: '{"query":"{ viewer { roles } }"}' });
    const text = await scrape();
    expect(text).toMatch(/sharehub_requests_total\{operation="HouseholdForMetrics",client="window-clerk",outcome="(PARTIAL|DENIED)"\} 1/);
    expect(text).toMatch(/sharehub_requests_total\{operation="other",client="window-clerk",outcome="SUCCESS"\} 1/);
    expect(text).toMatch(/sharehub_requests_total\{operation="auth.refused",client="anonymous",outcome="REFUSED"\} 1/);
    expect(text).toMatch(/sharehub_errors_total\{code="UNAUTHENTICATED"\} 1/);
    expect(text).toMatch(/sharehub_request_duration_seconds_bucket\{le="[^"]+",operation="HouseholdForMetrics"/);
    expect(text).toMatch(/sharehub_audit_batches_total\{result="committed"\} [1-9]/);
    expect(text).toMatch(/sharehub_audit_events_total [1-9]/);
    expect(text).toContain('sharehub_audit_queue_depth');
    expect(text).toMatch(/sharehub_db_pool_connections\{state="idle"\} \d+/);
    expect(text).toContain('sharehub_process_resident_memory_bytes');
  });

  it('the heap after a full collection: the data the hub holds', async () => {
    // The test hub runs in this process: a full collection here is one in the hub.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const held = v8.getHeapStatistics().used_heap_size;
    await new Promise((r) => setTimeout(r, 50)); // the collector's report arrives on a later turn
    const live = Number(/^sharehub_heap_live_bytes (\S+)$/m.exec(await scrape())?.[1]);
    // Read on the turn the report arrives, a little after the collection: about what this process held just after it.
    expect(live).toBeGreaterThan(held * 0.5);
    expect(live).toBeLessThan(held * 2);
  });

  it('labels carry no ID number, purpose or case number', async () => {
    const text = await scrape();
    expect(text).not.toContain(SUBJECT);
    // Any run of 18 characters that is a valid resident ID number or credit code (float values are not).
    const identifiers = [...text.matchAll(/[0-9A-Z]{18}/g)].map((m) => m[0]).filter((s) => isValidResidentId(s) || isValidCreditCode(s));
    expect(identifiers).toEqual([]);
    expect(text).not.toContain(PURPOSE);
    expect(text).not.toContain(CASE);
  });

  it('are served on their own port only, not with the API', async () => {
    expect(new URL(t.hub.metricsUrl!).port).not.toBe(new URL(t.url).port);
    const api = await fetch(`${t.url}/metrics`);
    expect(api.status).not.toBe(200);
  });
});
