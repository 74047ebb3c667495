// Resilience over HTTP: the hub outlives its PostgreSQL going away, never answers without an audit record, and drains on close.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphQLResponse } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { startOwnPostgres, type OwnPostgres } from '../support/ownPostgres.js';

// This file stops its PostgreSQL, so it has a cluster of its own rather than the run's shared one.
let own: OwnPostgres;
let t: TestHub;
beforeAll(async () => {
  own = await startOwnPostgres();
  t = await startTestHub({ DATABASE_URL: own.url });
});
afterAll(async () => {
  await t?.close();
  await own?.destroy();
});

const VIEWER = '{ viewer { client { id } roles } }';
const POLL = { interval: 100 };

function requestId(label: string): string {
  return `resilience-${label}-${randomUUID()}`;
}

async function probe(path: '/healthz' | '/readyz'): Promise<{ status: number; body: { status?: string; reason?: string } }> {
  const res = await fetch(`${t.url}${path}`);
  return { status: res.status, body: (await res.json()) as { status?: string; reason?: string } };
}

/** An answer a caller can act on: a JSON error with a code, and no data beside it. */
function expectJsonErrorWithoutData(res: GraphQLResponse, codes: string[]): void {
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(codes).toContain(res.errors?.[0]?.extensions?.code);
}

async function auditRowsOf(id: string): Promise<Array<{ client_id: string; outcome: string }>> {
  return (await own.query<{ client_id: string; outcome: string }>('SELECT client_id, outcome FROM audit_event WHERE request_id = $1', [id])).rows;
}

describe('resilience', () => {
  it('the hub survives a PostgreSQL restart and serves again once it is back', async () => {
    const client = await t.as('psb-system');
    const before = await client.query(VIEWER);
    expect(before.status).toBe(200);
    expect(before.data?.viewer.client.id).toBe('psb-system');
    expect((await probe('/healthz')).status).toBe(200);

    await own.stop();
    try {
      const down = await client.with({ 'x-request-id': requestId('pg-down') }).query(VIEWER);
      expect(down.status).toBe(503);
      expectJsonErrorWithoutData(down, ['SERVICE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);
      expect(await probe('/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database unreachable' } });
      expect(await probe('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      await own.start();
    }

    await vi.waitFor(
      async () => {
        const back = await client.query(VIEWER);
        expect(back.status).toBe(200);
        expect(back.data?.viewer.client.id).toBe('psb-system');
      },
      { ...POLL, timeout: 20_000 },
    );
    expect(await probe('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    expect((await probe('/healthz')).status).toBe(200);
  });

  it('when the audit log cannot be written, the response carries no data and AUDIT_UNAVAILABLE', async () => {
    const client = await t.as('amr-system');
    const refusedId = requestId('audit-offline');
    let refused: GraphQLResponse;
    await own.query('ALTER TABLE audit_event RENAME TO audit_event_offline');
    try {
      refused = await client.with({ 'x-request-id': refusedId }).query(VIEWER);
    } finally {
      await own.query('ALTER TABLE audit_event_offline RENAME TO audit_event');
    }
    expect(refused.status).toBe(503);
    expectJsonErrorWithoutData(refused, ['AUDIT_UNAVAILABLE']);
    expect(refused.errors).toHaveLength(1);
    expect(await auditRowsOf(refusedId)).toEqual([]);

    const servedId = requestId('audit-back');
    const served = await client.with({ 'x-request-id': servedId }).query(VIEWER);
    expect(served.status).toBe(200);
    expect(served.errors).toBeUndefined();
    expect(served.data?.viewer.client.id).toBe('amr-system');
    expect(await auditRowsOf(servedId)).toEqual([{ client_id: 'amr-system', outcome: 'SUCCESS' }]);
  });

  it('SIGTERM-style close finishes in-flight requests', async () => {
    // A hub of its own, since this test closes it.
    const closing = await startTestHub({ DATABASE_URL: own.url });
    // One client each: authentication looks each client up (and may cache or share a lookup per client id).
    const callers = ['psb-system', 'amr-system', 'civil-affairs-system', 'hrss-system', 'housing-system', 'window-clerk'];
    const requests = await Promise.all(callers.map(async (clientId) => ({ clientId, id: requestId(`in-flight-${clientId}`), client: await closing.as(clientId) })));
    const lock = await own.connect();
    let responses: GraphQLResponse[];
    try {
      // Holding the client table makes every request wait inside the hub (authentication reads it), so all
      // of them are provably in flight, each on its own pooled connection, when close() is called.
      const holder = (await lock.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE client IN ACCESS EXCLUSIVE MODE');
      const inFlight = requests.map((r) => r.client.with({ 'x-request-id': r.id }).query(VIEWER));
      await vi.waitFor(
        async () => {
          const waiting = await own.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
            [holder],
          );
          expect(waiting.rows[0]?.n).toBe(requests.length);
        },
        { ...POLL, timeout: 10_000 },
      );
      const closed = closing.hub.close();
      await lock.query('COMMIT');
      responses = await Promise.all(inFlight);
      await closed;
    } finally {
      await lock.end();
      await closing.db.close();
    }

    for (const [i, { clientId, id }] of requests.entries()) {
      const res = responses[i];
      expect(res?.status, clientId).toBe(200);
      expect(res?.errors, clientId).toBeUndefined();
      expect(res?.data?.viewer.client.id).toBe(clientId);
      expect(await auditRowsOf(id), clientId).toEqual([{ client_id: clientId, outcome: 'SUCCESS' }]);
    }
    await expect(fetch(`${closing.url}/healthz`), 'a closed hub accepts no new request').rejects.toThrow();
  });
});
