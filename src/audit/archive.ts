// Retention: months of the audit log older than the retention setting move out of the database into gzip NDJSON
// files, one per month, cut at signed checkpoints so each file still verifies on its own, and only then are dropped.
//
// A file, line by line: a header (month, the anchor checkpoint it starts from), then every event in chain order with
// each checkpoint right after the event it pins, the checkpoint at its last event, and an end line (count, last link).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Pool, PoolClient } from 'pg';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import type { Progress } from '../demo/progress.js';
import { GENESIS_HASH, type AuditEventRow } from './chain.js';
import { AUDIT_KEY_OWNER, storeCheckpoint } from './checkpoints.js';
import { lastArchiveEnd, listPartitions, monthStart, type AuditPartition } from './partitions.js';
import { anchorProblem, auditKeySet, CHECKPOINT_COLUMNS, ChainVerifier, type CheckpointRow, type VerifyResult } from './verify.js';

const ARCHIVE_FORMAT = 'sharehub-audit-archive';
const PAGE = 5_000;

interface HeaderLine {
  kind: 'header';
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  month: string;
  partition: string;
  /** The signed checkpoint the month's first event follows (null at the chain's start: seq 0, the genesis hash). */
  anchor: { seq: string; hash: string; checkpoint: CheckpointRow | null };
}

interface EndLine {
  kind: 'end';
  events: number;
  endSeq: string;
  endHash: string;
}

type ArchiveLine = HeaderLine | ({ kind: 'event' } & AuditEventRow) | ({ kind: 'checkpoint' } & CheckpointRow) | EndLine;

export interface ArchivedMonth {
  month: string;
  fileName: string;
  events: number;
  endSeq: string;
  bytes: number;
}

export interface ArchiveOptions {
  pool: Pool;
  keys: KeyStore;
  masterKey: Uint8Array;
  dir: string;
  logger: Logger;
  clock: () => Date;
  progress?: Progress;
}

export class ArchiveError extends Error {}

/** The first month kept online when `retentionMonths` full months are kept besides the current one. */
export function retentionCutoff(now: Date, retentionMonths: number): Date {
  return monthStart(now, -retentionMonths);
}

function archiveFileName(month: string): string {
  return `audit-${month}.ndjson.gz`;
}

/**
 * Writes one line to a stream, waiting when its buffer is full (constant memory whatever the month's size); fails
 * instead of waiting forever when the stream closes first (the file could not be written: disk full, permissions).
 */
function writeLine(out: Writable, line: ArchiveLine): Promise<void> {
  if (out.write(JSON.stringify(line) + '\n')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new ArchiveError('the archive file could not be written'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

/** SHA-256 of a file, hex, read as a stream. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Anchor {
  seq: string;
  hash: string;
  checkpoint: CheckpointRow | null;
}

async function currentAnchor(client: PoolClient): Promise<Anchor> {
  const end = await lastArchiveEnd(client);
  if (!end) return { seq: '0', hash: GENESIS_HASH, checkpoint: null };
  const checkpoint = (await client.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint c WHERE c.seq = $1`, [end.seq])).rows[0] ?? null;
  return { seq: end.seq, hash: end.hash, checkpoint };
}

/**
 * Archives one month: writes its file while verifying the chain through it, signs the checkpoint at its last event if
 * there is none, and in one transaction records the archive and drops the partition. Nothing is dropped unless the
 * file is complete on disk and the month verified.
 */
async function archiveMonth(options: ArchiveOptions, client: PoolClient, partition: AuditPartition, anchor: Anchor): Promise<ArchivedMonth> {
  const { pool, dir } = options;
  const table = `"${partition.name}"`;
  const stats = (await client.query<{ n: string; last: string | null }>(`SELECT count(*)::text AS n, max(seq)::text AS last FROM ${table}`)).rows[0]!;
  const events = Number(stats.n);
  if (stats.last !== null) {
    const later = await client.query(`SELECT 1 FROM audit_event WHERE seq <= $1 AND recorded_at >= $2 LIMIT 1`, [stats.last, partition.to]);
    if (later.rowCount) throw new ArchiveError(`${partition.month} is not a closed run of the chain: a later month holds events before its last`);
  }
  const checkpoints = (
    await client.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint c WHERE c.seq > $1 AND c.seq <= $2 ORDER BY c.seq`, [anchor.seq, stats.last ?? anchor.seq])
  ).rows;

  const keys = auditKeySet(await options.keys.publicKeysOf(AUDIT_KEY_OWNER));
  const unanchored = await anchorProblem(keys, anchor, anchor.checkpoint);
  if (unanchored) throw new ArchiveError(`${partition.month} was not archived: ${unanchored}`);
  const verifier = new ChainVerifier(options.masterKey, keys, anchor);
  await mkdir(dir, { recursive: true });
  const fileName = archiveFileName(partition.month);
  const finalPath = path.join(dir, fileName);
  const tmpPath = path.join(dir, `.${fileName}.partial`);
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(tmpPath));
  options.progress?.start(`audit archive ${partition.month}`, events);
  try {
    await writeLine(gzip, { kind: 'header', format: ARCHIVE_FORMAT, version: 1, month: partition.month, partition: partition.name, anchor });
    let next = 0;
    let cursor = anchor.seq;
    let endHash = anchor.hash;
    for (;;) {
      const page = await client.query<AuditEventRow>(`SELECT e.*, e.seq::text AS seq FROM ${table} e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [cursor, PAGE]);
      for (const row of page.rows) {
        verifier.event(row);
        await writeLine(gzip, { kind: 'event', ...row });
        while (next < checkpoints.length && BigInt(checkpoints[next]!.seq) <= BigInt(row.seq)) {
          const cp = checkpoints[next]!;
          await verifier.checkpoint(cp);
          await writeLine(gzip, { kind: 'checkpoint', ...cp });
          next += 1;
        }
        endHash = row.hash;
      }
      options.progress?.advance(page.rows.length);
      if (page.rows.length < PAGE) break;
      cursor = page.rows.at(-1)!.seq;
    }
    const problem = verifier.result.firstProblem;
    if (problem) throw new ArchiveError(`${partition.month} was not archived: the chain is broken at event ${problem.seq}: ${problem.problem}`);
    if (verifier.result.events !== events) throw new ArchiveError(`${partition.month} was not archived: it changed while being read`);
    const endSeq = stats.last ?? anchor.seq;
    // The cut must be at a signed checkpoint: sign the head at the month's last event (just verified) if none is there.
    if (stats.last !== null && verifier.result.lastCheckpoint?.seq !== stats.last) {
      await storeCheckpoint(pool, options.keys, { seq: stats.last, headHash: endHash, createdAt: options.clock().toISOString() });
      const cp = (await pool.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint c WHERE c.seq = $1`, [stats.last])).rows[0]!;
      await verifier.checkpoint(cp);
      await writeLine(gzip, { kind: 'checkpoint', ...cp });
      if (verifier.result.firstProblem) throw new ArchiveError(`${partition.month} was not archived: ${verifier.result.firstProblem.problem}`);
    }
    await writeLine(gzip, { kind: 'end', events, endSeq, endHash });
    gzip.end();
    await written;
    await fsyncPath(tmpPath);
    await rename(tmpPath, finalPath);
    await fsyncPath(dir);
    const sha256 = await sha256Of(finalPath);
    const bytes = (await stat(finalPath)).size;

    await client.query('BEGIN');
    try {
      await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const again = (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]!;
      if (Number(again.n) !== events) throw new ArchiveError(`${partition.month} was not archived: it changed while being written`);
      await client.query(
        `INSERT INTO audit_archive (month, partition_name, events, anchor_seq, anchor_hash, end_seq, end_hash, file_name, file_sha256, file_bytes, archived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [partition.month, partition.name, events, anchor.seq, anchor.hash, endSeq, endHash, fileName, sha256, bytes, options.clock()],
      );
      await client.query(`DROP TABLE ${table}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { month: partition.month, fileName, events, endSeq, bytes };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(tmpPath, { force: true });
    throw error;
  } finally {
    options.progress?.stop();
  }
}

/**
 * Archives every month before `before` (the first month kept online), oldest first, stopping at the first that fails.
 * One archiver at a time across hub instances: when another holds the lock, returns `busy` and does nothing.
 */
export async function archiveAuditMonths(options: ArchiveOptions, before: Date): Promise<{ archived: ArchivedMonth[]; busy: boolean }> {
  const client = await options.pool.connect();
  try {
    const locked = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext('sharehub:audit_archive')) AS ok`)).rows[0]?.ok;
    if (!locked) return { archived: [], busy: true };
    try {
      const archived: ArchivedMonth[] = [];
      for (const partition of await listPartitions(options.pool)) {
        if (partition.to.getTime() > before.getTime()) break;
        const done = await archiveMonth(options, client, partition, await currentAnchor(client));
        options.logger.info({ month: done.month, events: done.events, file: done.fileName, bytes: done.bytes, endSeq: done.endSeq }, 'audit month archived');
        archived.push(done);
      }
      return { archived, busy: false };
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('sharehub:audit_archive'))`);
    }
  } finally {
    client.release();
  }
}

export interface ArchiveFileResult extends VerifyResult {
  month: string;
  endSeq: string;
}

/**
 * Verifies an archive file on its own: the anchor checkpoint's signature, every event's link from it, every
 * checkpoint inside, the signed checkpoint at its last event and the end line (a truncated file has none).
 */
export async function verifyArchiveFile(file: string, masterKey: Uint8Array, auditKeys: Array<Record<string, unknown>>): Promise<ArchiveFileResult> {
  const keys = auditKeySet(auditKeys);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let verifier: ChainVerifier | null = null;
  let month = '';
  let end: EndLine | null = null;
  const broken = (problem: string): never => {
    throw new ArchiveError(`${path.basename(file)} is not a sharehub audit archive: ${problem}`);
  };
  for await (const text of lines) {
    if (text.length === 0) continue;
    let line: ArchiveLine;
    try {
      line = JSON.parse(text) as ArchiveLine;
    } catch {
      return broken('a line is not JSON');
    }
    if (end) broken('lines follow its end line');
    if (!verifier) {
      if (line.kind !== 'header' || line.format !== ARCHIVE_FORMAT || line.version !== 1) broken('it does not start with its header');
      const header = line as HeaderLine;
      month = header.month;
      verifier = new ChainVerifier(masterKey, keys, { seq: header.anchor.seq, hash: header.anchor.hash, archivedMonth: null });
      const problem = await anchorProblem(keys, header.anchor, header.anchor.checkpoint);
      if (problem) verifier.fail(header.anchor.seq, problem);
      continue;
    }
    if (line.kind === 'event') verifier.event(line);
    else if (line.kind === 'checkpoint') await verifier.checkpoint(line);
    else if (line.kind === 'end') end = line;
    else broken(`unexpected line kind ${JSON.stringify((line as { kind?: unknown }).kind)}`);
  }
  if (!verifier) return broken('it is empty');
  if (!end) {
    verifier.fail(verifier.last ?? verifier.result.anchor.seq, 'the file ends before its end line: it was cut short');
    return { ...verifier.result, month, endSeq: verifier.last ?? verifier.result.anchor.seq };
  }
  if (end.events !== verifier.result.events) verifier.fail(end.endSeq, `the end line counts ${end.events} events, the file holds ${verifier.result.events}`);
  if (end.events > 0 && verifier.result.lastCheckpoint?.seq !== end.endSeq) verifier.fail(end.endSeq, `no signed checkpoint pins the last event ${end.endSeq}`);
  return { ...verifier.result, month, endSeq: end.endSeq };
}
