// `sharehub audit verify [--from <seq>]`: recompute the chain, check every checkpoint; exit 1 naming the first break.
import type { Pool } from 'pg';
import { AUDIT_KEY_OWNER } from '../audit/checkpoints.js';
import { verifyAuditChain } from '../audit/verify.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';

export async function verifyAudit(config: Config, options: { from?: string }): Promise<number> {
  let from: bigint | undefined;
  if (options.from !== undefined) {
    if (!/^\d{1,19}$/.test(options.from)) throw new Error('--from must be a sequence number');
    from = BigInt(options.from);
  }
  const secrets = await resolveSecrets(config);
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 2 });
  try {
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const client = await pool.connect();
    try {
      // One snapshot for the whole check, so events written meanwhile cannot confuse it.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await verifyAuditChain(client, secrets.masterKey, await keys.publicKeysOf(AUDIT_KEY_OWNER), from);
      await client.query('COMMIT');
      if (result.firstProblem) {
        process.stdout.write(`audit chain BROKEN at event ${result.firstProblem.seq}: ${result.firstProblem.problem}\n`);
        process.stdout.write(`checked ${result.events} events and ${result.checkpoints} checkpoints\n`);
        return 1;
      }
      const last = result.lastCheckpoint ? `last checkpoint at event ${result.lastCheckpoint.seq} (${result.lastCheckpoint.createdAt})` : 'no checkpoint yet';
      process.stdout.write(`audit chain OK: ${result.events} events, ${result.checkpoints} signed checkpoints verified; ${last}\n`);
      return 0;
    } finally {
      client.release();
    }
  } finally {
    await db.close();
  }
}

function parseTime(value: string | undefined, name: string): Date | null {
  if (value === undefined) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`${name} must be an ISO 8601 time, e.g. 2026-11-01T00:00:00Z`);
  return d;
}

/** Writes one line, waiting when stdout's buffer is full (constant memory whatever the export's size). */
function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  return out.write(line + '\n') ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

/** `sharehub audit export --from --to`: events as NDJSON on stdout, in chain order, page by page. */
export async function exportAudit(config: Config, options: { from?: string; to?: string }, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const from = parseTime(options.from, '--from');
  const to = parseTime(options.to, '--to');
  if (from && to && from.getTime() > to.getTime()) throw new Error('--from is after --to');
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, { poolMax: 2 });
  const { terminalProgress } = await import('../demo/progress.js');
  const progress = terminalProgress(createLogger('info'));
  try {
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const range = 'WHERE ($1::timestamptz IS NULL OR e.occurred_at >= $1) AND ($2::timestamptz IS NULL OR e.occurred_at < $2)';
    const total = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_event e ${range}`, [from, to])).rows[0]?.n ?? 0);
    progress.start('audit export', total);
    let after = '0';
    let written = 0;
    for (;;) {
      const page = await pool.query<Record<string, unknown> & { seq: string }>(
        `SELECT e.*, e.seq::text AS seq FROM audit_event e ${range} AND e.seq > $3 ORDER BY e.seq LIMIT 5000`,
        [from, to, after],
      );
      for (const row of page.rows) await writeLine(out, JSON.stringify(row));
      written += page.rows.length;
      progress.advance(page.rows.length);
      if (page.rows.length < 5000) break;
      after = page.rows.at(-1)!.seq;
    }
    progress.stop();
    process.stderr.write(`exported ${written} audit events\n`);
    return 0;
  } finally {
    await db.close();
  }
}
