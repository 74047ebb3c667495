// `sharehub audit verify [--from <seq>] [--archive <file>]`, `audit archive`, `audit export`: the audit log's tools.
// verify recomputes the chain and checks every checkpoint, exiting 1 naming the first break.
import path from 'node:path';
import type { Pool } from 'pg';
import { archiveAuditMonths, retentionCutoff, sha256Of, verifyArchiveFile } from '../audit/archive.js';
import { exportLineOf, type AuditEventRow } from '../audit/chain.js';
import { AUDIT_KEY_OWNER } from '../audit/checkpoints.js';
import { verifyAuditChain, type VerifyResult } from '../audit/verify.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';

/** The database, the key store and one pooled connection for a CLI command; closed after `work`. */
async function withAuditDatabase<T>(config: Config, work: (ctx: { pool: Pool; keys: KeyStore; masterKey: Uint8Array }) => Promise<T>): Promise<T> {
  const secrets = await resolveSecrets(config);
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 3 });
  try {
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    return await work({ pool, keys, masterKey: secrets.masterKey });
  } finally {
    await db.close();
  }
}

function reportProblem(result: VerifyResult, what: string): number {
  process.stdout.write(`${what} BROKEN at event ${result.firstProblem!.seq}: ${result.firstProblem!.problem}\n`);
  process.stdout.write(`checked ${result.events} events and ${result.checkpoints} checkpoints\n`);
  return 1;
}

function lastCheckpointText(result: VerifyResult): string {
  return result.lastCheckpoint ? `last checkpoint at event ${result.lastCheckpoint.seq} (${result.lastCheckpoint.createdAt})` : 'no checkpoint yet';
}

/** Keeps the run's outcome, for auditors to see in the console (auditChain.lastVerification). */
async function recordVerification(pool: Pool, result: VerifyResult, from: bigint): Promise<void> {
  await pool.query(
    `INSERT INTO audit_verification (verified_at, is_intact, events, checkpoints, from_seq, last_checkpoint_seq, first_broken_seq, problem)
     VALUES (now(), $1, $2, $3, $4, $5, $6, $7)`,
    [
      result.firstProblem === null,
      result.events,
      result.checkpoints,
      from.toString(),
      result.lastCheckpoint?.seq ?? null,
      result.firstProblem?.seq ?? null,
      result.firstProblem?.problem ?? null,
    ],
  );
}

export async function verifyAudit(config: Config, options: { from?: string; archive?: string }): Promise<number> {
  let from: bigint | undefined;
  if (options.from !== undefined) {
    if (!/^\d{1,19}$/.test(options.from)) throw new Error('--from must be a sequence number');
    from = BigInt(options.from);
  }
  if (options.archive !== undefined && from !== undefined) throw new Error('--archive checks a whole file; it takes no --from');
  return withAuditDatabase(config, async ({ pool, keys, masterKey }) => {
    const auditKeys = await keys.publicKeysOf(AUDIT_KEY_OWNER);
    if (options.archive !== undefined) return verifyArchive(pool, options.archive, masterKey, auditKeys);
    const client = await pool.connect();
    try {
      // One snapshot for the whole check, so events written meanwhile cannot confuse it.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await verifyAuditChain(client, masterKey, auditKeys, from);
      await client.query('COMMIT');
      await recordVerification(pool, result, from ?? 0n);
      if (result.firstProblem) return reportProblem(result, 'audit chain');
      const anchored = result.anchor.archivedMonth ? `; starts after the archive of ${result.anchor.archivedMonth} (checkpoint at event ${result.anchor.seq})` : '';
      process.stdout.write(`audit chain OK: ${result.events} events, ${result.checkpoints} signed checkpoints verified; ${lastCheckpointText(result)}${anchored}\n`);
      return 0;
    } finally {
      client.release();
    }
  });
}

/** Verifies an archive file and that it is the file the database recorded when its month was archived. */
async function verifyArchive(pool: Pool, file: string, masterKey: Uint8Array, auditKeys: Array<Record<string, unknown>>): Promise<number> {
  const result = await verifyArchiveFile(file, masterKey, auditKeys);
  if (result.firstProblem) return reportProblem(result, `archive ${path.basename(file)}`);
  const recorded = (await pool.query<{ file_sha256: string; end_seq: string }>('SELECT file_sha256, end_seq::text AS end_seq FROM audit_archive WHERE month = $1', [result.month])).rows[0];
  const sha256 = await sha256Of(file);
  if (recorded && (recorded.file_sha256 !== sha256 || recorded.end_seq !== result.endSeq)) {
    process.stdout.write(`archive ${path.basename(file)} verifies on its own but is not the file recorded for ${result.month} (SHA-256 ${recorded.file_sha256})\n`);
    return 1;
  }
  const record = recorded ? 'the file the database recorded' : 'no record of it in this database';
  process.stdout.write(`archive ${path.basename(file)} OK: ${result.month}, ${result.events} events after the checkpoint at ${result.anchor.seq} through event ${result.endSeq}, ${result.checkpoints} signed checkpoints verified; ${record}\n`);
  return 0;
}

/** `sharehub audit archive [--before YYYY-MM]`: archives the months before the first one kept (default: the retention setting). */
export async function archiveAudit(config: Config, options: { before?: string }): Promise<number> {
  let before: Date;
  if (options.before !== undefined) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(options.before);
    if (!m) throw new Error('--before must be a month, e.g. 2026-01 (the first month kept in the database)');
    before = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  } else if (config.audit.retentionMonths !== null) {
    before = retentionCutoff(new Date(), config.audit.retentionMonths);
  } else {
    throw new Error('nothing to archive by: give --before <YYYY-MM> or set SHAREHUB_AUDIT_RETENTION_MONTHS');
  }
  const { terminalProgress } = await import('../demo/progress.js');
  const logger = createLogger('info');
  return withAuditDatabase(config, async ({ pool, keys, masterKey }) => {
    const options = { pool, keys, masterKey, dir: config.audit.archiveDir, logger, clock: () => new Date(), progress: terminalProgress(logger) };
    const { archived, busy } = await archiveAuditMonths(options, before);
    if (busy) {
      process.stdout.write('another archiver (a running hub) holds the archive lock; nothing done\n');
      return 1;
    }
    for (const a of archived) process.stdout.write(`archived ${a.month}: ${a.events} events through event ${a.endSeq} -> ${path.join(config.audit.archiveDir, a.fileName)} (${a.bytes} bytes)\n`);
    if (archived.length === 0) process.stdout.write(`no month before ${before.toISOString().slice(0, 7)} left to archive\n`);
    return 0;
  });
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
      const page = await pool.query<AuditEventRow>(
        `SELECT e.*, e.seq::text AS seq FROM audit_event e ${range} AND e.seq > $3 ORDER BY e.seq LIMIT 5000`,
        [from, to, after],
      );
      for (const row of page.rows) await writeLine(out, exportLineOf(row));
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
