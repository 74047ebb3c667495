// The audit log's monthly partitions: made ahead of time (the writer makes a missing one itself, so an event is never
// refused for want of one), listed with their months for the archiver; and where the archived months end.
import type { ClientBase, Pool } from 'pg';

/** How many months after the current one get their partition ahead of time. */
const MONTHS_AHEAD = 2;

export interface AuditPartition {
  name: string;
  /** `2026-01` (UTC). */
  month: string;
  /** First instant of the month, and of the next. */
  from: Date;
  to: Date;
}

/** The first instant of `date`'s UTC month, moved by `months`. */
export function monthStart(date: Date, months = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Makes the partitions of `now`'s month and the MONTHS_AHEAD after it (each call is idempotent). */
export async function ensurePartitions(pool: Pool, now: Date): Promise<void> {
  const months = Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => monthStart(now, i).toISOString());
  await pool.query('SELECT sharehub_audit_partition(m) FROM unnest($1::timestamptz[]) AS m', [months]);
}

/** Every partition of audit_event, oldest first. */
export async function listPartitions(pool: Pool): Promise<AuditPartition[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname`,
  );
  return rows.flatMap(({ name }) => {
    const m = /^audit_event_(\d{4})_(\d{2})$/.exec(name);
    if (!m) return [];
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return [{ name, month: monthOf(from), from, to: monthStart(from, 1) }];
  });
}

/** Where the last archive ended, the checkpoint the live chain continues from; null when no event was archived yet. */
export async function lastArchiveEnd(db: ClientBase | Pool): Promise<{ month: string; seq: string; hash: string } | null> {
  const { rows } = await db.query<{ month: string; seq: string; hash: string }>(
    'SELECT a.month, a.end_seq::text AS seq, a.end_hash AS hash FROM audit_archive a ORDER BY a.end_seq DESC, a.month DESC LIMIT 1',
  );
  const last = rows[0];
  return last && last.seq !== '0' ? last : null;
}
