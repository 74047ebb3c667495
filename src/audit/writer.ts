// The audit writer: commits events in groups (many requests' events in one statement) and resolves each
// caller only once its events are durable, so no response leaves before its audit event is written.
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Span } from '@opentelemetry/api';
import type { Pool } from 'pg';
import type { Logger } from '../log.js';
import { GENESIS_HASH, linkHash } from './chain.js';
import type { AuditEventInput } from './event.js';
import { eventOfOutbox } from './outbox.js';
import { outsideRequest, traceAuditCommit, traceAuditWait } from '../tracing/spans.js';

interface Waiter {
  events: AuditEventInput[];
  /** Whether the outbox must be linked first (the request's changes put their events there). */
  withOutbox: boolean;
  resolve(): void;
  reject(error: Error): void;
  /** The request's span waiting for these events (traces link it and the batch that commits them). */
  wait: Span;
}

/**
 * One statement per batch, in autocommit (durable when it answers): sharehub_audit_append takes the chain's lock,
 * checks the head is still the event the batch was linked to, inserts the batch (one JSON parameter, in chain order,
 * one recorded_at so it lands in one monthly partition) and returns the new head.
 */
const APPEND_SQL = 'SELECT last_seq, last_hash FROM sharehub_audit_append($1, $2::jsonb, $3)';
/** The same with outbox rows linked first: they are deleted in the statement that inserts their events (or SH409). */
const APPEND_OUTBOX_SQL = 'SELECT last_seq, last_hash FROM sharehub_audit_append_outbox($1, $2::jsonb, $3, $4::bigint[])';
/** Outbox rows linked per statement (more wait only after an outage; they follow in further statements). */
const OUTBOX_CHUNK = 500;
const READ_OUTBOX_SQL = `SELECT id::text AS id, event FROM audit_outbox ORDER BY id LIMIT ${OUTBOX_CHUNK}`;
/** The last live event; else, when every month was archived, the end of the last archive; else nothing (the chain's start). */
const READ_HEAD_SQL = `SELECT seq, hash, recorded_at FROM (
  (SELECT 0 AS rank, e.seq::text AS seq, e.hash, e.recorded_at FROM audit_event e ORDER BY e.seq DESC LIMIT 1)
  UNION ALL (SELECT 1, a.end_seq::text, a.end_hash, a.archived_at FROM audit_archive a ORDER BY a.end_seq DESC LIMIT 1)) AS head
ORDER BY rank LIMIT 1`;

/** The SQLSTATE sharehub_audit_append raises when the chain's head is not the one expected. */
const HEAD_MOVED = 'SH409';
/** How often a batch is linked again after another instance moved the head, before it fails. */
const MAX_ATTEMPTS = 5;

function toRow(e: AuditEventInput, prevHash: string, hash: string): Record<string, unknown> {
  return {
    prev_hash: prevHash,
    hash,
    occurred_at: e.occurredAt.toISOString(),
    request_id: e.requestId,
    principal_kind: e.principalKind,
    client_id: e.clientId,
    department_code: e.departmentCode,
    holder_hash: e.holderHash,
    purpose: e.purpose,
    case_number: e.caseNumber,
    action: e.action,
    operation_name: e.operationName,
    operation_hash: e.operationHash,
    outcome: e.outcome,
    error_codes: e.errorCodes,
    resource_types: e.resourceTypes,
    subject_hashes: e.subjectHashes,
    fields_returned: e.fieldsReturned,
    fields_masked: e.fieldsMasked,
    fields_denied: e.fieldsDenied,
    details: e.details,
  };
}

/** PostgreSQL's answer to a row whose recorded_at has no partition (check_violation, "no partition of relation ..."). */
function isMissingPartition(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23514' && /no partition of relation/.test(e.message ?? '');
}

export interface AuditWriterOptions {
  pool: Pool;
  logger: Logger;
  maxBatch: number;
  /** Key of the chain's HMAC links. */
  chainKey: Uint8Array;
  /** The time a batch is recorded at (never before the head's: a clock stepping back cannot reorder the months). */
  clock: () => Date;
  /** Told of the new head after every batch (signed checkpoints). */
  onHead?: (seq: string, hash: string) => void;
  /** Bench-only: acknowledge without writing. */
  disabled?: boolean;
}

interface Head {
  seq: string;
  hash: string;
  recordedAt: Date;
}

export class AuditWriter {
  /** The head this writer last committed; null when unknown (at start, after an error). */
  private head: Head | null = null;
  private queue: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  private batchListeners: Array<(events: number, seconds: number, isCommitted: boolean) => void> = [];

  /** The chain key imported once (an HMAC keyed by a KeyObject skips the key's preparation per event). */
  private readonly chainKey: KeyObject;

  constructor(private readonly options: AuditWriterOptions) {
    this.chainKey = createSecretKey(options.chainKey);
  }

  /** Requests waiting for their events to be committed. */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** Told of every group commit: its size, how long it took, and whether it was committed (metrics). */
  observeBatches(listener: (events: number, seconds: number, isCommitted: boolean) => void): void {
    this.batchListeners.push(listener);
  }

  /**
   * Resolves when the events are durable; rejects when they could not be written. With `withOutbox`, the events in
   * the outbox committed so far are linked into the chain first (a request's changes put theirs there).
   */
  write(events: AuditEventInput[], options: { withOutbox?: boolean } = {}): Promise<void> {
    const withOutbox = options.withOutbox ?? false;
    if ((events.length === 0 && !withOutbox) || this.options.disabled) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('audit writer is closed'));
    return traceAuditWait(
      events.length,
      (wait) =>
        new Promise<void>((resolve, reject) => {
          this.queue.push({ events, withOutbox, resolve, reject, wait });
          // The loop serves every request queued meanwhile, not only the one that started it.
          if (!this.flushing) this.flushing = outsideRequest(() => this.drain());
        }),
    );
  }

  /** Links every committed outbox event into the chain (at start, and periodically: those of a crashed instance). */
  linkOutbox(): Promise<void> {
    return this.write([], { withOutbox: true });
  }

  /** Waits for everything queued so far to be written (used at shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
  }

  /** Writes batches until the queue is empty; requests arriving during a write join the next batch. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        const events = batch.flatMap((w) => w.events);
        const withOutbox = batch.some((w) => w.withOutbox);
        const started = performance.now();
        try {
          const head = await traceAuditCommit(
            batch.map((w) => w.wait),
            events.map((e) => e.requestId),
            events.length,
            () => this.commit(events, withOutbox),
          );
          for (const l of this.batchListeners) l(events.length, (performance.now() - started) / 1000, true);
          for (const w of batch) w.resolve();
          if (head) this.options.onHead?.(head.seq, head.hash);
        } catch (error) {
          for (const l of this.batchListeners) l(events.length, (performance.now() - started) / 1000, false);
          this.options.logger.error({ err: { message: (error as Error).message }, events: batch.length }, 'audit write failed');
          for (const w of batch) w.reject(error as Error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Links the events to the chain head and appends them. A month without a partition yet (the hub makes them ahead; a
   * clock far ahead could outrun that) gets one, and the batch is retried once.
   */
  private async commit(events: AuditEventInput[], withOutbox: boolean): Promise<{ seq: string; hash: string } | undefined> {
    try {
      return await this.commitOnce(events, withOutbox);
    } catch (error) {
      if (!isMissingPartition(error)) throw error;
      await this.options.pool.query('SELECT sharehub_audit_partition($1)', [this.options.clock()]);
      return await this.commitOnce(events, withOutbox);
    }
  }

  /**
   * Links the batch after the head this writer last wrote, if known (one round trip), else after the head read now
   * (two). When another instance moved the head meanwhile, nothing was written: the head is read again and the batch
   * linked again. With the outbox, its committed events are linked first, in id order, and deleted in the same
   * statement: when another writer linked them meanwhile, nothing was written, and the outbox is read again too.
   */
  private async commitOnce(events: AuditEventInput[], withOutbox: boolean): Promise<{ seq: string; hash: string } | undefined> {
    let last: { seq: string; hash: string } | undefined;
    for (let isLastRound = false; !isLastRound; ) {
      let head = this.head;
      this.head = null;
      for (let attempt = 1; ; attempt += 1) {
        head ??= await this.readHead();
        const outbox = withOutbox ? (await this.options.pool.query<{ id: string; event: Record<string, unknown> }>(READ_OUTBOX_SQL)).rows : [];
        isLastRound = outbox.length < OUTBOX_CHUNK;
        const linked = [...outbox.map((o) => eventOfOutbox(o.event)), ...(isLastRound ? events : [])];
        if (linked.length === 0) {
          this.head = head;
          break;
        }
        const { rows, recordedAt } = this.rowsAfter(linked, head);
        try {
          const result = outbox.length
            ? await this.options.pool.query<{ last_seq: string; last_hash: string }>(APPEND_OUTBOX_SQL, [head.seq, JSON.stringify(rows), recordedAt, outbox.map((o) => o.id)])
            : await this.options.pool.query<{ last_seq: string; last_hash: string }>(APPEND_SQL, [head.seq, JSON.stringify(rows), recordedAt]);
          const row = result.rows[0];
          if (row) {
            this.head = { seq: row.last_seq, hash: row.last_hash, recordedAt };
            last = { seq: row.last_seq, hash: row.last_hash };
          }
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== HEAD_MOVED || attempt === MAX_ATTEMPTS) throw error;
          head = null;
        }
      }
    }
    return last;
  }

  private async readHead(): Promise<Head> {
    const row = (await this.options.pool.query<{ seq: string; hash: string; recorded_at: Date }>(READ_HEAD_SQL)).rows[0];
    return row ? { seq: row.seq, hash: row.hash, recordedAt: row.recorded_at } : { seq: '0', hash: GENESIS_HASH, recordedAt: new Date(0) };
  }

  /** The batch's rows linked after `head`, and the time they are recorded at (never before the head's). */
  private rowsAfter(events: AuditEventInput[], head: Head): { rows: Array<Record<string, unknown>>; recordedAt: Date } {
    const now = this.options.clock();
    const recordedAt = head.recordedAt > now ? head.recordedAt : now;
    let prev = head.hash;
    const rows = events.map((e, n) => {
      const hash = linkHash(this.chainKey, prev, e);
      const row = { ...toRow(e, prev, hash), n };
      prev = hash;
      return row;
    });
    return { rows, recordedAt };
  }

  private takeBatch(): Waiter[] {
    let count = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || count + this.queue[n]!.events.length <= this.options.maxBatch)) {
      count += this.queue[n]!.events.length;
      n += 1;
    }
    return this.queue.splice(0, n);
  }
}
