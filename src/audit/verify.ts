// Recomputes the audit chain from its anchor (the chain's start, the newest archive's end checkpoint, or a signed
// checkpoint asked for) and checks every checkpoint's signature and head; names the first event that does not match.
import { compactVerify, createLocalJWKSet } from 'jose';
import type { ClientBase } from 'pg';
import { chainKeyOf, eventOfRow, GENESIS_HASH, linkHash, type AuditEventRow } from './chain.js';
import { CHECKPOINT_TYP, type CheckpointPayload } from './checkpoints.js';
import { lastArchiveEnd } from './partitions.js';

export interface VerifyProblem {
  seq: string;
  problem: string;
}

export interface VerifyResult {
  events: number;
  checkpoints: number;
  lastCheckpoint: { seq: string; createdAt: string } | null;
  /** Where the check started: the chain's start (seq 0) or a signed checkpoint (an archive's end, or `--from`). */
  anchor: { seq: string; archivedMonth: string | null };
  firstProblem: VerifyProblem | null;
}

export interface CheckpointRow {
  seq: string;
  head_hash: string;
  kid: string;
  jws: string;
  created_at: Date | string;
}

/** An audit_checkpoint row (aliased `c`) as a CheckpointRow: the sequence as text. */
export const CHECKPOINT_COLUMNS = 'c.seq::text AS seq, c.head_hash, c.kid, c.jws, c.created_at';

export type AuditKeySet = ReturnType<typeof createLocalJWKSet>;

export function auditKeySet(auditKeys: Array<Record<string, unknown>>): AuditKeySet {
  return createLocalJWKSet({ keys: auditKeys as never });
}

/** Why a checkpoint's signature does not hold, or null when it does (signed by an audit key, over this row's content). */
export async function checkpointSignatureProblem(keys: AuditKeySet, row: CheckpointRow): Promise<string | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(row.jws, keys, { algorithms: ['ES256', 'EdDSA'] });
    if (protectedHeader.typ !== CHECKPOINT_TYP) return 'is not an audit checkpoint';
    const claims = JSON.parse(new TextDecoder().decode(payload)) as CheckpointPayload;
    if (claims.seq !== row.seq || claims.headHash !== row.head_hash) return 'was altered: its signed content differs from its row';
    return null;
  } catch {
    return 'has a signature that does not verify with the published audit keys';
  }
}

/**
 * Why a run of the chain cannot start at `anchor` (a checkpoint's sequence and head, or the chain's start at 0): its
 * checkpoint is missing, not signed with an audit key, or names another event or head. Null when the anchor holds.
 */
export async function anchorProblem(keys: AuditKeySet, anchor: { seq: string; hash: string }, checkpoint: CheckpointRow | null | undefined): Promise<string | null> {
  if (anchor.seq === '0') return null;
  const problem = !checkpoint
    ? 'is missing'
    : ((await checkpointSignatureProblem(keys, checkpoint)) ?? (checkpoint.seq !== anchor.seq || checkpoint.head_hash !== anchor.hash ? 'does not name the head the run starts from' : null));
  return problem && `the checkpoint at ${anchor.seq} ${problem}`;
}

/**
 * Walks a run of the chain in order: each event must follow the one before (or the anchor) and match its link;
 * each checkpoint fed right after the event at its sequence must be signed and name the recomputed head.
 */
export class ChainVerifier {
  readonly result: VerifyResult;
  private prev: string;
  private lastSeq: string | null = null;
  private lastExpected: string | null = null;
  private readonly chainKey: Buffer;

  constructor(
    masterKey: Uint8Array,
    private readonly keys: AuditKeySet,
    anchor: { seq: string; hash: string; archivedMonth?: string | null },
  ) {
    this.chainKey = chainKeyOf(masterKey);
    this.prev = anchor.hash;
    this.result = { events: 0, checkpoints: 0, lastCheckpoint: null, anchor: { seq: anchor.seq, archivedMonth: anchor.archivedMonth ?? null }, firstProblem: null };
  }

  fail(seq: string, problem: string): void {
    this.result.firstProblem ??= { seq, problem };
  }

  /** The last event's sequence, or null before the first. */
  get last(): string | null {
    return this.lastSeq;
  }

  event(row: AuditEventRow): void {
    this.result.events += 1;
    if (row.prev_hash !== this.prev) {
      const before = this.lastSeq !== null ? `event ${this.lastSeq}` : this.result.anchor.seq === '0' ? 'the start of the chain' : `the checkpoint at ${this.result.anchor.seq}`;
      this.fail(row.seq, `event ${row.seq} does not follow ${before}: an event before it was removed, inserted or moved`);
    }
    const expected = linkHash(this.chainKey, this.prev, eventOfRow(row));
    if (row.hash !== expected) this.fail(row.seq, `event ${row.seq} was altered: its content does not match its link`);
    // Continue from the stored link, so one altered event is named once and the rest still checks.
    this.prev = row.hash;
    this.lastSeq = row.seq;
    this.lastExpected = expected;
  }

  /** A checkpoint at the sequence of the event just fed. */
  async checkpoint(cp: CheckpointRow): Promise<void> {
    if (cp.seq !== this.lastSeq) {
      this.fail(cp.seq, `the checkpoint at ${cp.seq} names an event that is missing`);
      return;
    }
    const problem = (await checkpointSignatureProblem(this.keys, cp)) ?? (cp.head_hash !== this.lastExpected ? 'does not match the recomputed chain head' : null);
    if (problem) this.fail(cp.seq, `the checkpoint at ${cp.seq} ${problem}`);
    this.result.checkpoints += 1;
    this.result.lastCheckpoint = { seq: cp.seq, createdAt: new Date(cp.created_at).toISOString() };
  }
}

const PAGE = 5_000;

/**
 * Verifies the live chain with `client` (one connection, so it can run inside a caller's snapshot). It starts at the
 * newest archive's end checkpoint when months were archived, or at the last checkpoint before `from` when asked,
 * trusting that checkpoint once its signature verifies.
 */
export async function verifyAuditChain(client: ClientBase, masterKey: Uint8Array, auditKeys: Array<Record<string, unknown>>, from?: bigint): Promise<VerifyResult> {
  const keys = auditKeySet(auditKeys);
  const checkpoints = (await client.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint c ORDER BY c.seq`)).rows;
  const archived = await lastArchiveEnd(client);

  let anchor: { seq: string; hash: string; archivedMonth: string | null } = archived
    ? { seq: archived.seq, hash: archived.hash, archivedMonth: archived.month }
    : { seq: '0', hash: GENESIS_HASH, archivedMonth: null };
  let anchorCheckpoint = checkpoints.find((c) => c.seq === anchor.seq);
  if (from !== undefined) {
    const asked = checkpoints.findLast((c) => BigInt(c.seq) < from);
    if (asked && BigInt(asked.seq) > BigInt(anchor.seq)) {
      anchor = { seq: asked.seq, hash: asked.head_hash, archivedMonth: null };
      anchorCheckpoint = asked;
    }
  }
  const verifier = new ChainVerifier(masterKey, keys, anchor);
  const problem = await anchorProblem(keys, anchor, anchorCheckpoint);
  if (problem) {
    verifier.fail(anchor.seq, problem);
    return verifier.result;
  }

  const after = BigInt(anchor.seq);
  const ahead = checkpoints.filter((c) => BigInt(c.seq) > after);
  let next = 0;
  let cursor = after;
  for (;;) {
    const page = await client.query<AuditEventRow>('SELECT e.*, e.seq::text AS seq FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2', [cursor.toString(), PAGE]);
    for (const row of page.rows) {
      // Checkpoints whose sequence was passed without an event at it name events that were removed.
      while (next < ahead.length && BigInt(ahead[next]!.seq) < BigInt(row.seq)) {
        verifier.fail(row.seq, `the checkpoint at ${ahead[next]!.seq} names an event that is missing`);
        next += 1;
      }
      verifier.event(row);
      if (ahead[next]?.seq === row.seq) {
        await verifier.checkpoint(ahead[next]!);
        next += 1;
      }
    }
    if (page.rows.length < PAGE) break;
    cursor = BigInt(page.rows.at(-1)!.seq);
  }
  for (; next < ahead.length; next += 1) {
    verifier.fail(ahead[next]!.seq, `the checkpoint at ${ahead[next]!.seq} names events after the last one: events were removed from the end`);
  }
  return verifier.result;
}
