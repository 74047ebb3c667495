// Signed checkpoints of the audit chain: every N events or T seconds, the head (sequence and link hash)
// is signed with the hub's audit key (JWS). A checkpoint pins everything before it.
import canonicalize from 'canonicalize';
import { CompactSign } from 'jose';
import type { Pool } from 'pg';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';

export const AUDIT_KEY_OWNER = 'hub:audit';
export const CHECKPOINT_TYP = 'sharehub-audit-checkpoint+jws';

export interface CheckpointPayload {
  seq: string;
  headHash: string;
  createdAt: string;
}

export async function signCheckpoint(keys: KeyStore, payload: CheckpointPayload): Promise<{ kid: string; jws: string }> {
  const key = await keys.activeKey(AUDIT_KEY_OWNER);
  const jws = await new CompactSign(new TextEncoder().encode(canonicalize(payload)!))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CHECKPOINT_TYP })
    .sign(key.privateKey);
  return { kid: key.kid, jws };
}

/** Signs a checkpoint and stores it; one already stored at that sequence (another instance's) is kept. */
export async function storeCheckpoint(pool: Pool, keys: KeyStore, payload: CheckpointPayload): Promise<void> {
  const { kid, jws } = await signCheckpoint(keys, payload);
  await pool.query('INSERT INTO audit_checkpoint (seq, head_hash, created_at, kid, jws) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING', [
    payload.seq,
    payload.headHash,
    payload.createdAt,
    kid,
    jws,
  ]);
}

export class Checkpointer {
  private lastSeq = 0n;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { pool: Pool; keys: KeyStore; every: number; seconds: number; logger: Logger; clock: () => Date },
  ) {}

  async start(): Promise<void> {
    const last = await this.options.pool.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM audit_checkpoint');
    this.lastSeq = BigInt(last.rows[0]?.seq ?? 0);
    this.timer = setInterval(() => void this.checkpointHead(), this.options.seconds * 1000);
    this.timer.unref();
  }

  /** Told by the writer after each committed batch: checkpoint when N events have passed. */
  noteHead(seq: string, hash: string): void {
    if (BigInt(seq) - this.lastSeq >= BigInt(this.options.every)) this.enqueue(seq, hash);
  }

  /** Checkpoints the current head if it moved since the last checkpoint (the T-seconds rule, and at shutdown). */
  async checkpointHead(): Promise<void> {
    try {
      const head = await this.options.pool.query<{ seq: string; hash: string }>('SELECT e.seq::text AS seq, e.hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1');
      const row = head.rows[0];
      if (row && BigInt(row.seq) > this.lastSeq) this.enqueue(row.seq, row.hash);
      await this.writing;
    } catch (error) {
      this.options.logger.warn({ err: { message: (error as Error).message } }, 'audit checkpoint skipped');
    }
  }

  private enqueue(seq: string, hash: string): void {
    if (BigInt(seq) <= this.lastSeq) return;
    this.lastSeq = BigInt(seq);
    this.writing = this.writing.then(async () => {
      try {
        await storeCheckpoint(this.options.pool, this.options.keys, { seq, headHash: hash, createdAt: this.options.clock().toISOString() });
      } catch (error) {
        this.options.logger.warn({ err: { message: (error as Error).message }, seq }, 'audit checkpoint failed; the next one covers it');
      }
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checkpointHead();
  }
}
