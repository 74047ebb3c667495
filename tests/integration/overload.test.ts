// The hub under pressure at its edge, over HTTP: clients that go away mid-request, a bound on requests in flight,
// per-client rate limits (fairness under a flood: fairness.test.ts).
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { householdLike, publish, PUBLISH, uniqueCode } from '../support/catalog.js';
import { registerClient } from '../support/clients.js';
import { LogCapture, startTestHub, type TestHub } from '../support/hub.js';
import { lockCatalogEntry } from '../support/locks.js';

const POLL = { interval: 50, timeout: 10_000 };
/** pino's numeric levels. */
const INFO = 30;
const WARN = 40;

describe('a client that goes away', () => {
  const log = new LogCapture();
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ LOG_LEVEL: 'info' }, { log });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a request aborted by its client while its body is being read is logged at info, not as an error', async () => {
    const requestId = `aborted-${randomUUID()}`;
    const body = JSON.stringify({ query: '{ viewer { roles } }' });
    const socket = net.connect(Number(new URL(t.url).port), '127.0.0.1');
    await once(socket, 'connect');
    // The headers promise 100 bytes more than the body that follows; the client then goes away.
    const head = [
      'POST /graphql HTTP/1.1',
      'host: 127.0.0.1',
      'content-type: application/json',
      `authorization: Bearer ${await t.token('psb-system')}`,
      `x-request-id: ${requestId}`,
      `content-length: ${Buffer.byteLength(body) + 100}`,
    ].join('\r\n');
    await new Promise<void>((resolve, reject) => socket.write(`${head}\r\n\r\n${body}`, (error) => (error ? reject(error) : resolve())));
    socket.destroy();

    await vi.waitFor(() => expect(log.lines.filter((l) => l.requestId === requestId).map((l) => l.msg)).toContain('request aborted by the client'), POLL);
    const lines = log.lines.filter((l) => l.requestId === requestId);
    expect(lines.map((l) => ({ level: l.level, msg: l.msg }))).toEqual([{ level: INFO, msg: 'request aborted by the client' }]);
    // Nothing about this request, or any request, at warn or above (the shared database's live sources from other test
    // files may make the registry warn about their origins: that is not this test's concern).
    expect(log.lines.filter((l) => l.level >= WARN && (l.requestId !== undefined || /request/i.test(String(l.msg)))).map((l) => l.msg)).toEqual([]);
  });
});

async function refusalsOf(t: TestHub, requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (
    await pool.query<{ action: string; outcome: string; error_codes: string[]; client_id: string | null; details: Record<string, unknown> }>(
      'SELECT action, outcome, error_codes, client_id, details FROM audit_event WHERE request_id = $1',
      [requestId],
    )
  ).rows;
}

describe('a bound on requests in flight', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ SHAREHUB_MAX_IN_FLIGHT: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('beyond SHAREHUB_MAX_IN_FLIGHT the hub answers 503 OVERLOADED with Retry-After at once, audited as a refusal', async () => {
    const admin = await t.as('psb-admin');
    const code = uniqueCode('in_flight');
    await publish(admin, householdLike(code));
    const lock = await lockCatalogEntry(code);
    let holders: Array<ReturnType<typeof admin.query>> = [];
    try {
      // Two changes of the locked entry wait inside the hub: the bound is reached.
      holders = [1, 2].map((n) => admin.query(PUBLISH, { input: { ...householdLike(code), description: `In flight ${n}.` } }));
      await vi.waitFor(async () => expect(await lock.waiting()).toBe(2), POLL);

      const requestId = `overloaded-${randomUUID()}`;
      const refused = await (await t.as('psb-system')).with({ 'x-request-id': requestId }).query('{ viewer { roles } }');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['OVERLOADED']);
      await vi.waitFor(
        async () =>
          expect(await refusalsOf(t, requestId)).toEqual([
            { action: 'request.refused', outcome: 'REFUSED', error_codes: ['OVERLOADED'], client_id: null, details: { status: 503, limit: 2 } },
          ]),
        POLL,
      );
      // Probes are not GraphQL requests: they answer while the bound is reached.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await lock.release();
    }
    const done = await Promise.all(holders);
    expect(done.map((r) => r.status)).toEqual([200, 200]);
    // The slots are free again once those responses are finished.
    await vi.waitFor(async () => expect((await (await t.as('psb-system')).query('{ viewer { roles } }')).status).toBe(200), POLL);
  });
});


describe('per-client rate limits', () => {
  let t: TestHub;
  beforeAll(async () => {
    // One token every 100 s: nothing refills while the test runs.
    t = await startTestHub({ SHAREHUB_RATE_LIMIT_PER_SECOND: '0.01', SHAREHUB_RATE_LIMIT_BURST: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function sendAs(client: Awaited<ReturnType<TestHub['as']>>, times: number) {
    const answers = [];
    for (let i = 0; i < times; i += 1) answers.push(await client.with({ 'x-request-id': `rate-${randomUUID()}` }).query('{ viewer { roles } }'));
    return answers;
  }

  it('beyond its burst a client gets 429 RATE_LIMITED with Retry-After, audited as a refusal naming it; others are not affected', async () => {
    const flooder = await t.as('psb-system');
    const answers = await sendAs(flooder, 4);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    const limited = answers[3]!;
    expect(limited.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(limited.data).toBeUndefined();
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 100).toBe(true);
    const requestId = limited.headers.get('x-request-id')!;
    await vi.waitFor(
      async () =>
        expect(await refusalsOf(t, requestId)).toEqual([
          { action: 'request.refused', outcome: 'REFUSED', error_codes: ['RATE_LIMITED'], client_id: 'psb-system', details: { status: 429, perSecond: 0.01, burst: 3 } },
        ]),
      POLL,
    );
    // Another client has a bucket of its own.
    expect((await sendAs(await t.as('amr-system'), 1)).map((a) => a.status)).toEqual([200]);
  });

  it("a client's own limits in the client registry override the defaults", async () => {
    const generous = await registerClient(t, 'hrss-system', { perSecond: null, burst: 6 });
    expect((await sendAs(await t.as(generous), 7)).map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const strict = await registerClient(t, 'housing-system', { perSecond: 0.01, burst: 1 });
    const answers = await sendAs(await t.as(strict), 2);
    expect(answers.map((a) => a.status)).toEqual([200, 429]);
    await vi.waitFor(async () => expect((await refusalsOf(t, answers[1]!.headers.get('x-request-id')!))[0]?.client_id).toBe(strict), POLL);
  });
});
