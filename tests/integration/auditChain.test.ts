// The audit log is tamper-evident: every event is linked into a keyed hash chain with signed checkpoints;
// `sharehub audit verify` recomputes it and names the first event that was altered, removed, inserted or moved.
import { compactVerify, createLocalJWKSet } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_KEY_OWNER } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify.js';
import { loadConfig } from '../../src/config.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { runCli } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { createOwnDatabase } from '../support/ownDatabase.js';

let url: string;
let t: TestHub;
let masterKey: Uint8Array;
let auditKeys: Array<Record<string, unknown>>;

beforeAll(async () => {
  url = await createOwnDatabase('chain');
  t = await startTestHub({ DATABASE_URL: url, SHAREHUB_AUDIT_CHECKPOINT_EVERY: '5' });
  const client = await t.as('psb-system');
  for (let i = 0; i < 23; i += 1) await client.query('{ viewer { roles } }');
  await fetch(`${t.url}/graphql`, { method: 'POST' }); // a refusal is an event too
  await t.hub.checkpointer.checkpointHead();
  masterKey = (await resolveSecrets(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir') }))).masterKey;
  auditKeys = await t.hub.keys.publicKeysOf(AUDIT_KEY_OWNER);
});
afterAll(async () => {
  await t?.close();
});

const cli = (args: string[]) => runCli(args, { SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: inject('dataDir') });

/** Tampers inside a transaction (as a database owner would, with the append-only trigger off), verifies, rolls back. */
async function verifyAfter(tamper: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await client.query(tamper);
    return await verifyAuditChain(client, masterKey, auditKeys);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('the audit chain', () => {
  it('verifies with the CLI: count and last checkpoint, exit 0', async () => {
    const { code, out } = await cli(['audit', 'verify']);
    expect(out).toMatch(/audit chain OK: 24 events, \d+ signed checkpoints verified; last checkpoint at event 24/);
    expect(code).toBe(0);
  });

  it('checkpoints are JWS signed by a key published at /.well-known/jwks.json', async () => {
    const jwks = (await (await fetch(`${t.url}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, unknown>> };
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query('SELECT seq::text AS seq, head_hash, jws FROM audit_checkpoint ORDER BY seq DESC LIMIT 1');
    const { payload } = await compactVerify(rows[0].jws, createLocalJWKSet(jwks as never));
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ seq: rows[0].seq, headHash: rows[0].head_hash });
  });

  it("the hub's connection cannot change or delete an event", async () => {
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    await expect(pool.query(`UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_event WHERE seq = 3')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('names an event whose field was changed', async () => {
    const result = await verifyAfter(`UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 7`);
    expect(result.firstProblem).toEqual({ seq: '7', problem: expect.stringContaining('altered') });
  });

  it('names the event after one that was deleted', async () => {
    const result = await verifyAfter('DELETE FROM audit_event WHERE seq = 12');
    expect(result.firstProblem).toEqual({ seq: '13', problem: expect.stringContaining('does not follow event 11') });
  });

  it('names an event that was inserted', async () => {
    const result = await verifyAfter(`INSERT INTO audit_event (seq, recorded_at, occurred_at, request_id, principal_kind, action, outcome, error_codes, resource_types, subject_hashes, fields_returned, fields_masked, fields_denied, prev_hash, hash)
      SELECT 1000, recorded_at, occurred_at, 'forged', principal_kind, action, 'SUCCESS', '{}', '{}', '{}', '{}', '{}', '{}', (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), repeat('a', 64) FROM audit_event WHERE seq = 1`);
    expect(result.firstProblem).toEqual({ seq: '1000', problem: expect.stringContaining('altered') });
  });

  it('names the first of two events that were swapped', async () => {
    const swap = (a: number, b: number) => `UPDATE audit_event x SET request_id = y.request_id, occurred_at = y.occurred_at, prev_hash = y.prev_hash, hash = y.hash
      FROM audit_event y WHERE (x.seq, y.seq) IN ((${a}, ${b}), (${b}, ${a}))`;
    const result = await verifyAfter(swap(15, 16));
    expect(result.firstProblem?.seq).toBe('15');
  });

  it('names a removed tail through the checkpoint that covered it', async () => {
    const result = await verifyAfter('DELETE FROM audit_event WHERE seq >= 19');
    expect(result.firstProblem?.problem).toContain('removed from the end');
  });

  it('exports the events as NDJSON in chain order, each line with its link', async () => {
    const { code, out, stdout } = await cli(['audit', 'export', '--from', '2000-01-01T00:00:00Z']);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(24);
    const events = lines.map((l) => JSON.parse(l) as { seq: string; occurredAt: string; requestId: string; fieldsReturned: string[]; prevHash: string; hash: string });
    expect(events.map((e) => Number(e.seq))).toEqual([...events.map((e) => Number(e.seq))].sort((a, b) => a - b));
    for (let i = 1; i < events.length; i += 1) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    // The API's field names and ISO 8601 times, not the table's columns and PostgreSQL's text format.
    for (const e of events) {
      expect(e.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['requestId', 'fieldsReturned', 'prevHash']));
      expect(Object.keys(e).some((k) => k.includes('_'))).toBe(false);
    }
    expect(out).toContain('exported 24 audit events');
  });

  it('export refuses a time range backwards', async () => {
    const { code, out } = await cli(['audit', 'export', '--from', '2026-02-01T00:00:00Z', '--to', '2026-01-01T00:00:00Z']);
    expect(code).toBe(1);
    expect(out).toContain('--from is after --to');
  });

  it('the CLI exits 1 naming the first broken event', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await client.query(`UPDATE audit_event SET purpose = 'tampered' WHERE seq = 9`);
    await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    await client.end();
    const { code, out } = await cli(['audit', 'verify']);
    expect(out).toContain('BROKEN at event 9');
    expect(code).toBe(1);
  });
});

describe('the chain as auditors see it in the API (auditChain)', () => {
  const CHAIN = `{ auditChain { headSeq lastCheckpoint { seq headHash createdAt kid jws } lastVerification { verifiedAt isIntact events checkpoints fromSeq lastCheckpointSeq firstBrokenSeq problem } } }`;

  it('every run of `audit verify` is recorded: the good one, then the broken one with the event it named', async () => {
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const runs = (await pool.query('SELECT is_intact, events, first_broken_seq::text AS first_broken_seq FROM audit_verification ORDER BY id')).rows;
    expect(runs[0]).toEqual({ is_intact: true, events: 24, first_broken_seq: null });
    expect(runs.at(-1)).toMatchObject({ is_intact: false, first_broken_seq: '9' });
  });

  it('an auditor reads the last checkpoint (its JWS verifies with the published keys) and the last verification', async () => {
    const res = await (await t.as('auditor')).query<{ auditChain: any }>(CHAIN);
    expect(res.errors).toBeUndefined();
    const chain = res.data!.auditChain;
    expect(chain.lastVerification).toMatchObject({ isIntact: false, firstBrokenSeq: '9', fromSeq: '0' });
    expect(chain.lastVerification.problem).toEqual(expect.any(String));
    const jwks = (await (await fetch(`${t.url}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, unknown>> };
    const { payload, protectedHeader } = await compactVerify(chain.lastCheckpoint.jws, createLocalJWKSet(jwks as never));
    expect(protectedHeader.kid).toBe(chain.lastCheckpoint.kid);
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ seq: chain.lastCheckpoint.seq, headHash: chain.lastCheckpoint.headHash });
    expect(BigInt(chain.headSeq)).toBeGreaterThanOrEqual(BigInt(chain.lastCheckpoint.seq));
  });

  it('is for auditors only', async () => {
    for (const who of ['psb-admin', 'psb-system']) {
      const res = await (await t.as(who)).query(CHAIN);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
  });
});
