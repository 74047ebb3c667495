// `sharehub import --type --file [--batch]`: streams an NDJSON file of records into a resource type, batch by batch.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Pool } from 'pg';
import { startAuditLog } from '../audit/auditLog.js';
import { subjectHasher } from '../audit/subjectHash.js';
import { loadCatalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { terminalProgress } from '../demo/progress.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';
import { importRecords, MAX_IMPORT_BATCH, type BatchReport, type ImportDeps, type ImportSummary } from '../services/recordImport.js';

export interface ImportOptions {
  type: string;
  file: string;
  batch: string;
}

/** Exit code when the import ran to the end but refused at least one batch (1 is for an import that could not run). */
export const EXIT_BATCH_REFUSED = 2;
/** Problems printed per refused batch; the rest are counted. */
const PRINTED_PROBLEMS = 20;
/** Refused line ranges repeated in the summary; the rest are counted. */
const SUMMARY_RANGES = 10;

export function parseBatchSize(text: string): number {
  const size = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(size) || size < 1 || size > MAX_IMPORT_BATCH) throw new Error(`--batch must be a number of records from 1 to ${MAX_IMPORT_BATCH}, not "${text}"`);
  return size;
}

async function checkFile(file: string, given: string): Promise<void> {
  const stat = await fs.promises.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`--file ${given}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!stat.isFile()) throw new Error(`--file ${given}: not a regular file`);
}

/**
 * The file's line count, for the progress bar's total and ETA: one quick pass counting newline bytes
 * (a large file is in the page cache afterwards, so the import's own read is not slowed by it).
 */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return last === 0x0a ? lines : lines + 1;
}

/**
 * Writes a line above the progress bar. On a terminal: clear the bar's line, write, then save the cursor
 * (DECSC) at the start of the new line, where the bar redraws: cli-progress restores the cursor saved at
 * its start when it stops, which would otherwise put the summary over these lines.
 */
function report(stream: NodeJS.WriteStream, text: string): void {
  stream.write(stream.isTTY ? `\r\x1b[2K${text}\n\x1b7` : `${text}\n`);
}

function reportRefused(batch: BatchReport): void {
  report(process.stderr, `lines ${batch.firstLine}-${batch.lastLine}: batch refused, none of its ${batch.records} records written:`);
  for (const p of batch.problems.slice(0, PRINTED_PROBLEMS)) report(process.stderr, `  line ${p.line}: ${p.field} ${p.problem}`);
  if (batch.problems.length > PRINTED_PROBLEMS) report(process.stderr, `  ... and ${batch.problems.length - PRINTED_PROBLEMS} more problems in this batch`);
}

function summaryText(code: string, fileName: string, s: ImportSummary, refused: string[], seconds: number): string {
  const batches = (n: number) => `${n} batch${n === 1 ? '' : 'es'}`;
  const rate = seconds > 0 ? Math.round(s.records / seconds) : s.records;
  const lines = [
    `import ${fileName} into ${code}: ${s.records} records in ${batches(s.batchesWritten + s.batchesRefused)}, ${seconds.toFixed(1)} s (${rate} records/s)`,
    `  written:  ${batches(s.batchesWritten)}; ${s.written} new versions, ${s.unchanged} records unchanged`,
  ];
  if (s.batchesRefused) {
    const more = s.batchesRefused > refused.length ? `, and ${s.batchesRefused - refused.length} more` : '';
    lines.push(`  refused:  ${batches(s.batchesRefused)} (${s.refusedRecords} records, none written): lines ${refused.join(', ')}${more}`);
    lines.push('  fix the lines named above and run the same import again: records already written are left unchanged');
  }
  return lines.join('\n') + '\n';
}

/** Runs the import; returns the exit code: 0 all written, 2 some batch refused. Throws when it cannot run. */
export async function importFile(config: Config, options: ImportOptions): Promise<number> {
  const batchSize = parseBatchSize(options.batch);
  const file = path.resolve(options.file);
  await checkFile(file, options.file);
  const secrets = await resolveSecrets(config);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 3 });
  try {
    const entry = (await loadCatalog(db.orm.em)).get(options.type);
    if (!entry) throw new Error(`--type ${options.type}: no such resource type in the catalog (publish it first, or check the code)`);
    const totalLines = await countLines(file);

    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const clock = () => new Date();
    const auditLog = await startAuditLog({ pool, databaseUrl: db.url, keys: new KeyStore(db.orm.em, secrets.masterKey), masterKey: secrets.masterKey, config, logger, clock });
    const { writer } = auditLog;
    const progress = terminalProgress(logger);
    const input = fs.createReadStream(file);
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    const refused: string[] = [];
    const fileName = path.basename(file);
    const started = Date.now();
    let shownLine = 0;
    let summary: ImportSummary;
    progress.start(`import ${entry.code}`, totalLines);
    try {
      const deps: ImportDeps = {
        em: db.orm.em.fork(),
        audit: (events, options) => writer.write(events, options),
        hashSubject: subjectHasher(secrets.subjectHashKey),
        clock,
        requestId: `import-${randomUUID()}`,
        fileName,
      };
      summary = await importRecords(entry, lines, batchSize, deps, (batch) => {
        if (!batch.isWritten) {
          reportRefused(batch);
          if (refused.length < SUMMARY_RANGES) refused.push(`${batch.firstLine}-${batch.lastLine}`);
        }
        progress.advance(batch.lastLine - shownLine);
        shownLine = batch.lastLine;
      });
      progress.advance(Math.max(0, totalLines - shownLine));
    } catch (error) {
      // Logged before the cleanup below, which may not end when the database connection was cut.
      logger.error({ err: { message: (error as Error).message } }, 'import stopped');
      throw error;
    } finally {
      progress.stop();
      lines.close();
      input.destroy();
      await auditLog.close();
    }
    process.stdout.write(summaryText(entry.code, fileName, summary, refused, (Date.now() - started) / 1000));
    return summary.batchesRefused ? EXIT_BATCH_REFUSED : 0;
  } finally {
    await db.close();
  }
}
