// The hub bounds its waits on PostgreSQL: a statement that runs too long is STATEMENT_TIMEOUT (504), a request that
// finds no free pooled connection is DATABASE_BUSY (503 with Retry-After); neither hangs, neither is an internal error.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { householdLike, publish, PUBLISH, uniqueCode } from '../support/catalog.js';
import { LogCapture, startTestHub, type TestHub } from '../support/hub.js';
import { lockCatalogEntry } from '../support/locks.js';

const POLL = { interval: 50, timeout: 15_000 };
const WARN = 40;

function republishInput(code: string, note: string) {
  return { ...householdLike(code), description: `A resource type made by a test (${note}).` };
}

async function auditOf(t: TestHub, requestId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query<{ outcome: string; error_codes: string[] }>('SELECT outcome, error_codes FROM audit_event WHERE request_id = $1', [requestId])).rows;
}

describe('statement timeout', () => {
  const log = new LogCapture();
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ SHAREHUB_STATEMENT_TIMEOUT_MS: '1000', LOG_LEVEL: 'warn' }, { log });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a statement that waits longer than SHAREHUB_STATEMENT_TIMEOUT_MS is cancelled: 504 STATEMENT_TIMEOUT, audited, nothing written', async () => {
    const admin = await t.as('psb-admin');
    const code = uniqueCode('slow_statement');
    expect((await publish(admin, householdLike(code))).version).toBe(1);

    const requestId = `statement-timeout-${randomUUID()}`;
    const lock = await lockCatalogEntry(code);
    let res;
    try {
      res = await admin.with({ 'x-request-id': requestId }).query(PUBLISH, { input: republishInput(code, 'timed out') });
    } finally {
      await lock.release();
    }
    expect(res.status).toBe(504);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['STATEMENT_TIMEOUT']);
    expect(await auditOf(t, requestId)).toEqual([{ outcome: 'ERROR', error_codes: ['STATEMENT_TIMEOUT'] }]);
    // Logged as an operational warning, not as an internal error.
    expect(log.lines.filter((l) => l.requestId === requestId).map((l) => ({ level: l.level, msg: l.msg, code: l.code }))).toEqual([
      { level: WARN, msg: 'database too slow or too busy', code: 'STATEMENT_TIMEOUT' },
    ]);

    // Nothing of the cancelled change was written; once the lock is gone the same change goes through.
    expect((await publish(admin, republishInput(code, 'after the lock'))).version).toBe(2);
  });
});

describe('pool wait timeout', () => {
  let t: TestHub;
  beforeAll(async () => {
    // Two pooled connections, so that two waiting requests hold them all.
    t = await startTestHub({ SHAREHUB_POOL_WAIT_TIMEOUT_MS: '300', SHAREHUB_STATEMENT_TIMEOUT_MS: '60000' }, { poolMax: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a request that finds every pooled connection taken is answered 503 DATABASE_BUSY with Retry-After, and the hub serves again once they are free', async () => {
    const admin = await t.as('psb-admin');
    const code = uniqueCode('busy_pool');
    await publish(admin, householdLike(code));
    const reader = (await t.as('psb-system')).with({ 'x-sharehub-purpose': 'own-records' });
    const READ = '{ householdRegistrations(subjectIds: ["330102197512316137"]) { name } }';
    expect((await reader.query(READ)).data?.householdRegistrations).toHaveLength(1);

    const lock = await lockCatalogEntry(code);
    let holders: Promise<Awaited<ReturnType<typeof admin.query>>>[] = [];
    try {
      // Two changes of the locked entry wait for it, each on one of the two pooled connections.
      holders = [1, 2].map((n) => admin.query(PUBLISH, { input: republishInput(code, `holder ${n}`) }));
      await vi.waitFor(async () => expect(await lock.waiting()).toBe(2), POLL);

      const busy = await reader.with({ 'x-request-id': `pool-busy-${randomUUID()}` }).query(READ);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(busy.data).toBeUndefined();
      expect(busy.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_BUSY']);

      // A client the hub has not seen yet cannot even be looked up: the same answer, from the edge.
      const unknown = await (await t.as('window-clerk')).query('{ viewer { roles } }');
      expect(unknown.status).toBe(503);
      expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_BUSY']);
    } finally {
      await lock.release();
    }
    // The waiting changes do not hang once the lock is gone: each is done, or (when it needed a second connection
    // while the other held the last one) refused DATABASE_BUSY with nothing written. The versions say which.
    const done = await Promise.all(holders);
    for (const r of done) {
      if (r.status === 200) expect(r.errors).toBeUndefined();
      else expect([r.status, r.errors?.map((e) => e.extensions?.code)]).toEqual([503, ['DATABASE_BUSY']]);
    }
    const written = done.filter((r) => r.status === 200).length;
    expect(written).toBeGreaterThan(0);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const versions = await pool.query<{ version: number }>('SELECT version FROM resource_type WHERE code = $1', [code]);
    expect(versions.rows).toEqual([{ version: 1 + written }]);
    expect((await reader.query(READ)).data?.householdRegistrations).toHaveLength(1);
  });
});
