// The audit writer: commits events in groups (many requests' events in one statement) and resolves each
// caller only once its events are durable, so no response leaves before its audit event is written.
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../log.js';
import { GENESIS_HASH, linkHash } from './chain.js';
import type { AuditEventInput } from './event.js';

interface Waiter {
  events: AuditEventInput[];
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Opens the batch's transaction, takes the one lock of the chain across every hub instance (links are made one
 * batch at a time, in one order) and reads the head: three statements in one round trip (simple protocol, no parameters).
 */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('sharehub:audit_chain'))`;
const BEGIN_AND_READ_HEAD = `BEGIN; ${CHAIN_LOCK}; SELECT e.seq::text AS seq, e.hash, e.recorded_at FROM audit_event e ORDER BY e.seq DESC LIMIT 1`;

/** The SQLSTATE sharehub_audit_head_is raises when the chain's head is not the one expected. */
const HEAD_MOVED = 'SH409';

/**
 * One statement for any batch size: the batch travels as one JSON parameter, in chain order; the whole batch shares
 * one recorded_at ($2), so it lands in one monthly partition.
 */
const INSERT_SQL = `
INSERT INTO audit_event (occurred_at, request_id, principal_kind, client_id, department_code, holder_hash, purpose,
  case_number, action, operation_name, operation_hash, outcome, error_codes, resource_types, subject_hashes,
  fields_returned, fields_masked, fields_denied, details, prev_hash, hash, recorded_at)
SELECT occurred_at, request_id, principal_kind, client_id, department_code, holder_hash, purpose,
  case_number, action, operation_name, operation_hash, outcome, error_codes, resource_types, subject_hashes,
  fields_returned, fields_masked, fields_denied, details, prev_hash, hash, $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS e(occurred_at timestamptz, request_id text, principal_kind text, client_id text,
  department_code text, holder_hash text, purpose text, case_number text, action text, operation_name text,
  operation_hash text, outcome text, error_codes text[], resource_types text[], subject_hashes text[],
  fields_returned text[], fields_masked text[], fields_denied text[], details jsonb, prev_hash text, hash text, n bigint)
ORDER BY n
RETURNING seq::text, hash`;

/**
 * The whole transaction as one simple-protocol query (which takes no parameters: the values go in as escaped
 * literals). Results: BEGIN, lock, head check, INSERT ... RETURNING, COMMIT.
 */
function oneRoundTrip(client: PoolClient, expectedSeq: string, rows: Array<Record<string, unknown>>, recordedAt: Date): string {
  if (!/^\d+$/.test(expectedSeq)) throw new Error('audit head: not a sequence number');
  // Replacer functions, so a `$&` or `$'` inside the data is not read as a replacement pattern.
  const insert = INSERT_SQL.replace('$1::jsonb', () => `${client.escapeLiteral(JSON.stringify(rows))}::jsonb`).replace(
    '$2::timestamptz',
    () => `${client.escapeLiteral(recordedAt.toISOString())}::timestamptz`,
  );
  return `BEGIN; ${CHAIN_LOCK}; SELECT sharehub_audit_head_is(${expectedSeq}); ${insert}; COMMIT`;
}

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

  constructor(private readonly options: AuditWriterOptions) {}

  /** Resolves when the events are durable; rejects when they could not be written. */
  write(events: AuditEventInput[]): Promise<void> {
    if (events.length === 0 || this.options.disabled) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('audit writer is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.flushing) this.flushing = this.drain();
    });
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
        try {
          const head = await this.commit(batch.flatMap((w) => w.events));
          for (const w of batch) w.resolve();
          if (head) this.options.onHead?.(head.seq, head.hash);
        } catch (error) {
          this.options.logger.error({ err: { message: (error as Error).message }, events: batch.length }, 'audit write failed');
          for (const w of batch) w.reject(error as Error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Links the events to the chain head and inserts them, in one transaction under the chain lock. A month without a
   * partition yet (the hub makes them ahead; a clock far ahead could outrun that) gets one, and the batch is retried once.
   */
  private async commit(events: AuditEventInput[]): Promise<{ seq: string; hash: string } | undefined> {
    try {
      return await this.commitOnce(events);
    } catch (error) {
      if (!isMissingPartition(error)) throw error;
      await this.options.pool.query('SELECT sharehub_audit_partition($1)', [this.options.clock()]);
      return await this.commitOnce(events);
    }
  }

  /**
   * With the head this writer last wrote known, the whole transaction is one round trip: lock, check that the head is
   * still that one (another instance may have written since), insert, commit. Otherwise, or when the head moved, the
   * head is read first (two round trips more).
   */
  private async commitOnce(events: AuditEventInput[]): Promise<{ seq: string; hash: string } | undefined> {
    const client = await this.options.pool.connect();
    let failed = false;
    try {
      const known = this.head;
      this.head = null;
      if (known) {
        const { rows, recordedAt } = this.rowsAfter(events, known);
        try {
          const results = (await client.query(oneRoundTrip(client, known.seq, rows, recordedAt))) as unknown as Array<{ rows: Array<{ seq: string; hash: string }> }>;
          const inserted = results[3]?.rows.at(-1);
          if (inserted) this.head = { seq: inserted.seq, hash: inserted.hash, recordedAt };
          return inserted;
        } catch (error) {
          await client.query('ROLLBACK');
          if ((error as { code?: string }).code !== HEAD_MOVED) throw error;
        }
      }
      // pg answers a multi-statement query with one result per statement; its typings only know the single case.
      const results = (await client.query(BEGIN_AND_READ_HEAD)) as unknown as Array<{ rows: Array<{ seq: string; hash: string; recorded_at: Date }> }>;
      const row = results[2]?.rows[0];
      const head: Head = row ? { seq: row.seq, hash: row.hash, recordedAt: row.recorded_at } : { seq: '0', hash: GENESIS_HASH, recordedAt: new Date(0) };
      const { rows, recordedAt } = this.rowsAfter(events, head);
      const inserted = (await client.query<{ seq: string; hash: string }>(INSERT_SQL, [JSON.stringify(rows), recordedAt.toISOString()])).rows.at(-1);
      await client.query('COMMIT');
      if (inserted) this.head = { seq: inserted.seq, hash: inserted.hash, recordedAt };
      return inserted;
    } catch (error) {
      failed = true;
      this.head = null;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed mid-transaction is dropped, not reused.
      client.release(failed);
    }
  }

  /** The batch's rows linked after `head`, and the time they are recorded at (never before the head's). */
  private rowsAfter(events: AuditEventInput[], head: Head): { rows: Array<Record<string, unknown>>; recordedAt: Date } {
    const now = this.options.clock();
    const recordedAt = head.recordedAt > now ? head.recordedAt : now;
    let prev = head.hash;
    const rows = events.map((e, n) => {
      const hash = linkHash(this.options.chainKey, prev, e);
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
