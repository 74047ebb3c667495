// Bulk import of records from NDJSON lines: batches checked line by line, each written all or nothing, each audited.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditOutcome } from '../../entities/AuditEvent.js';
import { baseAuditEvent } from '../audit/base.js';
import { insertOutboxEvents } from '../audit/outbox.js';
import type { AuditEventInput } from '../audit/event.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { RecordValues } from '../catalog/definition.js';
import { BadUserInputError } from '../errors.js';
import { validateBatch, writeRecords, type RecordInput } from './records.js';

/** `changedBy` of every record version an import writes. */
export const IMPORT_CHANGED_BY = 'cli:import';
export const IMPORT_ACTION = 'records.import';
/** A batch is held in memory whole (twice while the previous one is written): this bounds it. */
export const MAX_IMPORT_BATCH = 10_000;
/** Problems of a refused batch named in its audit event (line and field only: no values in the audit log). */
const AUDITED_PROBLEMS = 20;

/** What is wrong with one line, by its 1-based line number in the file and the field at fault. */
export interface LineProblem {
  line: number;
  field: string;
  problem: string;
}

/** One non-blank line of the file: the record it holds, or why it holds none. */
export type ImportLine = { line: number; record: RecordInput } | { line: number; problems: LineProblem[] };

/** Consecutive non-blank lines, written or refused together. */
export interface LineBatch {
  firstLine: number;
  lastLine: number;
  lines: ImportLine[];
}

type CheckedBatch = LineBatch & ({ rows: Array<{ subjectId: string; data: RecordValues }> } | { problems: LineProblem[] });

export interface BatchReport {
  firstLine: number;
  lastLine: number;
  records: number;
  isWritten: boolean;
  /** Records that got a new version (0 when refused). */
  written: number;
  /** Records equal to their current version, left as they are. */
  unchanged: number;
  /** Every problem found, in line order; empty when written. validateBatch names at most 100 per batch. */
  problems: LineProblem[];
}

export interface ImportSummary {
  records: number;
  batchesWritten: number;
  batchesRefused: number;
  written: number;
  unchanged: number;
  /** Records of refused batches: none of them was written. */
  refusedRecords: number;
}

export interface ImportDeps {
  em: EntityManager;
  /**
   * Resolves once the events are durable and, with `withOutbox`, the outbox linked into the chain (AuditWriter.write):
   * a written batch's event goes into the outbox in the batch's transaction, a refused batch's straight to the chain.
   */
  audit: (events: AuditEventInput[], options?: { withOutbox?: boolean }) => Promise<void>;
  hashSubject: SubjectHasher;
  clock: () => Date;
  /** One id for every event of this import, so an auditor finds the whole run. */
  requestId: string;
  /** The file's name as the audit log records it (no directory). */
  fileName: string;
}

const LINE_KEYS = new Set(['subjectId', 'fields']);
const LINE_SHAPE = 'must be a JSON object {"subjectId": "...", "fields": {...}}';

/** Parses one line; its shape is checked here, its values by validateBatch. */
export function parseImportLine(text: string, line: number): ImportLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, problems: [{ line, field: '(line)', problem: `is not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, problems: [{ line, field: '(line)', problem: LINE_SHAPE }] };
  const object = value as Record<string, unknown>;
  const problems: LineProblem[] = Object.keys(object)
    .filter((key) => !LINE_KEYS.has(key))
    .map((key) => ({ line, field: key, problem: 'is not a key of an import line (subjectId, fields)' }));
  if (typeof object.subjectId !== 'string') problems.push({ line, field: 'subjectId', problem: 'must be a string' });
  if (problems.length) return { line, problems };
  return { line, record: { subjectId: object.subjectId as string, fields: object.fields as Record<string, unknown> } };
}

/** Groups the lines into batches of `size` records; blank lines are skipped but keep their numbers. */
export async function* readBatches(lines: AsyncIterable<string>, size: number): AsyncGenerator<LineBatch> {
  let number = 0;
  let batch: ImportLine[] = [];
  for await (const raw of lines) {
    number += 1;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    batch.push(parseImportLine(text, number));
    if (batch.length === size) {
      yield { firstLine: batch[0]!.line, lastLine: number, lines: batch };
      batch = [];
    }
  }
  if (batch.length) yield { firstLine: batch[0]!.line, lastLine: batch.at(-1)!.line, lines: batch };
}

/** validateBatch's problems (by record index) as line problems. */
function problemsOf(error: BadUserInputError, records: ReadonlyArray<{ line: number }>): LineProblem[] {
  const listed = error.extensions.problems;
  if (!Array.isArray(listed)) return [{ line: records[0]?.line ?? 0, field: '(batch)', problem: error.message }];
  return (listed as Array<{ index: number; field: string; problem: string }>).map((p) => ({ line: records[p.index]?.line ?? 0, field: p.field, problem: p.problem }));
}

/** The whole batch is checked, so one run names every bad line of it (validateBatch lists up to 100). */
export function checkBatch(entry: CatalogEntry, batch: LineBatch): CheckedBatch {
  const problems: LineProblem[] = [];
  const parsed: Array<{ line: number; record: RecordInput }> = [];
  for (const l of batch.lines) {
    if ('problems' in l) problems.push(...l.problems);
    else parsed.push(l);
  }
  try {
    const rows = validateBatch(entry, parsed.map((p) => p.record));
    if (!problems.length) return { ...batch, rows };
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    problems.push(...problemsOf(error, parsed));
  }
  return { ...batch, problems: problems.sort((a, b) => a.line - b.line) };
}

/** Writes a checked batch (one transaction with its event, so all or nothing) or refuses it; either way one audit event. */
async function commitBatch(entry: CatalogEntry, batch: CheckedBatch, deps: ImportDeps): Promise<BatchReport> {
  const now = deps.clock();
  const event: AuditEventInput = {
    ...baseAuditEvent({ requestId: deps.requestId, now, principal: null, purpose: null, caseNumber: null }, deps.hashSubject),
    action: IMPORT_ACTION,
    // The import runs on the hub's machine on behalf of the resource type's provider.
    departmentCode: entry.providerCode,
    resourceTypes: [entry.code],
  };
  const where = { file: deps.fileName, firstLine: batch.firstLine, lastLine: batch.lastLine };
  const records = batch.lines.length;
  if ('problems' in batch) {
    await deps.audit([
      {
        ...event,
        outcome: AuditOutcome.REFUSED,
        errorCodes: ['BAD_USER_INPUT'],
        details: { ...where, records, problems: batch.problems.slice(0, AUDITED_PROBLEMS).map((p) => ({ line: p.line, field: p.field })) },
      },
    ]);
    return { firstLine: batch.firstLine, lastLine: batch.lastLine, records, isWritten: false, written: 0, unchanged: 0, problems: batch.problems };
  }
  const result = await deps.em.transactional(async (em) => {
    const result = await writeRecords(em, entry.code, batch.rows, IMPORT_CHANGED_BY, now);
    await insertOutboxEvents(em, [
      {
        ...event,
        subjectHashes: result.written.map((w) => deps.hashSubject(w.subjectId)),
        details: { ...where, written: result.written.length, unchanged: result.unchanged },
      },
    ]);
    return result;
  });
  await deps.audit([], { withOutbox: true });
  return { firstLine: batch.firstLine, lastLine: batch.lastLine, records, isWritten: true, written: result.written.length, unchanged: result.unchanged, problems: [] };
}

function tally(summary: ImportSummary, report: BatchReport): void {
  summary.records += report.records;
  summary.written += report.written;
  summary.unchanged += report.unchanged;
  if (report.isWritten) summary.batchesWritten += 1;
  else {
    summary.batchesRefused += 1;
    summary.refusedRecords += report.records;
  }
}

/**
 * Imports the lines batch by batch. A refused batch is reported and skipped; a failure to write (database,
 * audit log) stops the import, with every earlier batch written. While one batch is written the next is
 * read and checked: at most two batches are in memory, whatever the size of the file.
 */
export async function importRecords(
  entry: CatalogEntry,
  lines: AsyncIterable<string>,
  batchSize: number,
  deps: ImportDeps,
  onBatch: (report: BatchReport) => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = { records: 0, batchesWritten: 0, batchesRefused: 0, written: 0, unchanged: 0, refusedRecords: 0 };
  let previous: Promise<void> = Promise.resolve();
  for await (const batch of readBatches(lines, batchSize)) {
    const checked = checkBatch(entry, batch);
    await previous;
    previous = commitBatch(entry, checked, deps).then(
      (report) => {
        tally(summary, report);
        onBatch(report);
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`import stopped at lines ${batch.firstLine}-${batch.lastLine} (${reason}); every batch before line ${batch.firstLine} was written or refused as reported`, { cause: error });
      },
    );
    // Awaited on the next turn; until then this keeps a failure from counting as an unhandled rejection.
    previous.catch(() => undefined);
  }
  await previous;
  return summary;
}
