// Recomputes the audit chain from the first event (or from a signed checkpoint) and checks every checkpoint's
// signature and head; names the first event that does not match.
import { compactVerify, createLocalJWKSet } from 'jose';
import type { ClientBase } from 'pg';
import { chainKeyOf, eventOfRow, GENESIS_HASH, linkHash, type AuditEventRow } from './chain.js';
import { CHECKPOINT_TYP, type CheckpointPayload } from './checkpoints.js';

export interface VerifyProblem {
  seq: string;
  problem: string;
}

export interface VerifyResult {
  events: number;
  checkpoints: number;
  lastCheckpoint: { seq: string; createdAt: string } | null;
  firstProblem: VerifyProblem | null;
}

interface CheckpointRow {
  seq: string;
  head_hash: string;
  kid: string;
  jws: string;
}

const PAGE = 5_000;

async function checkSignature(jws: string, keys: ReturnType<typeof createLocalJWKSet>, row: CheckpointRow): Promise<string | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(jws, keys, { algorithms: ['ES256', 'EdDSA'] });
    if (protectedHeader.typ !== CHECKPOINT_TYP) return 'is not an audit checkpoint';
    const claims = JSON.parse(new TextDecoder().decode(payload)) as CheckpointPayload;
    if (claims.seq !== row.seq || claims.headHash !== row.head_hash) return 'was altered: its signed content differs from its row';
    return null;
  } catch {
    return 'has a signature that does not verify with the published audit keys';
  }
}

/**
 * Verifies the chain with `client` (one connection, so it can run inside a caller's transaction).
 * `from`: start at the last checkpoint before this sequence, trusting that checkpoint once its signature verifies.
 */
export async function verifyAuditChain(client: ClientBase, masterKey: Uint8Array, auditKeys: Array<Record<string, unknown>>, from?: bigint): Promise<VerifyResult> {
  const chainKey = chainKeyOf(masterKey);
  const jwks = createLocalJWKSet({ keys: auditKeys as never });
  const checkpoints = (await client.query<CheckpointRow>('SELECT c.seq::text AS seq, head_hash, kid, jws, created_at FROM audit_checkpoint c ORDER BY c.seq')).rows as Array<CheckpointRow & { created_at: Date }>;
  const result: VerifyResult = { events: 0, checkpoints: 0, lastCheckpoint: null, firstProblem: null };
  const fail = (seq: string, problem: string) => {
    result.firstProblem ??= { seq, problem };
  };

  let prev = GENESIS_HASH;
  let after = 0n;
  let nextCheckpoint = 0;
  if (from !== undefined) {
    const anchor = [...checkpoints].reverse().find((c) => BigInt(c.seq) < from);
    if (anchor) {
      const problem = await checkSignature(anchor.jws, jwks, anchor);
      if (problem) {
        fail(anchor.seq, `the checkpoint at ${anchor.seq} ${problem}`);
        return result;
      }
      prev = anchor.head_hash;
      after = BigInt(anchor.seq);
      nextCheckpoint = checkpoints.indexOf(anchor) + 1;
    }
  }

  let lastSeq: string | null = null;
  for (;;) {
    const page = await client.query<AuditEventRow>('SELECT e.*, e.seq::text AS seq FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2', [after.toString(), PAGE]);
    for (const row of page.rows) {
      result.events += 1;
      // Checkpoints whose sequence was passed without an event at it name events that were removed.
      while (nextCheckpoint < checkpoints.length && BigInt(checkpoints[nextCheckpoint]!.seq) < BigInt(row.seq)) {
        const cp = checkpoints[nextCheckpoint]!;
        fail(row.seq, `the checkpoint at ${cp.seq} names an event that is missing`);
        nextCheckpoint += 1;
      }
      if (row.prev_hash !== prev) fail(row.seq, `event ${row.seq} does not follow ${lastSeq === null ? 'the start of the chain' : `event ${lastSeq}`}: an event before it was removed, inserted or moved`);
      const expected = linkHash(chainKey, prev, eventOfRow(row));
      if (row.hash !== expected) fail(row.seq, `event ${row.seq} was altered: its content does not match its link`);
      // Continue from the stored link, so one altered event is named once and the rest still checks.
      prev = row.hash;
      lastSeq = row.seq;
      const cp = checkpoints[nextCheckpoint];
      if (cp && cp.seq === row.seq) {
        const problem = (await checkSignature(cp.jws, jwks, cp)) ?? (cp.head_hash !== expected ? 'does not match the recomputed chain head' : null);
        if (problem) fail(cp.seq, `the checkpoint at ${cp.seq} ${problem}`);
        result.checkpoints += 1;
        result.lastCheckpoint = { seq: cp.seq, createdAt: new Date(cp.created_at).toISOString() };
        nextCheckpoint += 1;
      }
    }
    if (page.rows.length < PAGE) break;
    after = BigInt(page.rows.at(-1)!.seq);
  }
  for (; nextCheckpoint < checkpoints.length; nextCheckpoint += 1) {
    fail(checkpoints[nextCheckpoint]!.seq, `the checkpoint at ${checkpoints[nextCheckpoint]!.seq} names events after the last one: events were removed from the end`);
  }
  return result;
}
