// Shared records: reading them through the access plan (only allowed fields fetched, masked before they
// leave this module, every read noted for audit) and publishing them (validated, versioned, all or nothing).
import { recordChange } from '../audit/changes.js';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_ARRAY, textArray } from '../db/sql.js';
import { fieldsToFetch, givesAnything, uniformPlan, type ResourcePlan } from '../authz/plan.js';
import { deniedByPlan, releaseValues, tallyReleases, type Released } from '../authz/release.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { RecordValues } from '../catalog/definition.js';
import { normalizeRecord, recordProblems } from '../catalog/values.js';
import { detectSubjectKind, normalizeSubjectId, subjectIdProblem } from '../certs/identifiers.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { SourceUnavailableError } from '../live/errors.js';
import { readLiveRows } from '../live/records.js';
import { grantFingerprintOf, StaleGrantsError } from './grantCache.js';
import type { NamedStatement } from '../db/statements.js';
import { Role } from '../../entities/Client.js';
import type { RequestContext } from '../server/context.js';

export const MAX_SUBJECTS = 1_000;
export const MAX_RECORDS_PER_UPSERT = 1_000;

/** A record as it leaves the service layer: masked, with the denied fields named (never present). */
export interface RecordView {
  subjectId: string;
  version: number;
  updatedAt: Date;
  values: RecordValues;
  /** Fields whose values in `values` are masked. */
  masked: ReadonlySet<string>;
  denied: ReadonlySet<string>;
}

export interface StoredRow {
  subject_id: string;
  version: number;
  changed_at: Date;
  data: Record<string, string | number | boolean | null>;
}

/** Validates and normalizes subject ids; a bad one is named by its list index. */
export function checkSubjectIds(ids: readonly string[], argument: string): string[] {
  if (ids.length > MAX_SUBJECTS) throw new BadUserInputError(`${argument}: at most ${MAX_SUBJECTS} subject ids per request, got ${ids.length}.`, { argument });
  return ids.map((raw, index) => {
    const id = normalizeSubjectId(raw);
    const problem = subjectIdProblem(id);
    if (problem) throw new BadUserInputError(`${argument}[${index}] is ${problem}.`, { argument, index });
    return id;
  });
}

/**
 * One loader per resource type per request: every subject asked for in the operation, one SELECT.
 * `scope` separates loaders built on different plans in one request (e.g. an application's own purpose).
 */
export function recordLoader(ctx: RequestContext, entry: CatalogEntry, plan: ResourcePlan, scope = 'operation', grantFingerprint?: string): DataLoader<string, StoredRow | null> {
  const key = `records:${scope}:${entry.code}`;
  const existing = ctx.loaders.custom.get(key) as DataLoader<string, StoredRow | null> | undefined;
  if (existing) return existing;
  const fetch = fieldsToFetch(plan);
  const published = async (ids: readonly string[]) => {
    const rows = grantFingerprint === undefined ? await ctx.em.execute<StoredRow[]>(READ_SQL, [textArray(fetch), entry.code, textArray(ids)]) : await readChecked(ctx, entry.code, fetch, ids, grantFingerprint);
    const bySubject = new Map(rows.map((r) => [r.subject_id, r]));
    return ids.map((id) => bySubject.get(id) ?? null);
  };
  // A type with a live source is read from it (one `_entities` call); the registry is in memory, so this costs no statement.
  const loader = new DataLoader<string, StoredRow | null>(async (ids) => {
    const source = ctx.hub.liveSources.sourceOf(entry.code);
    // Planned on grants in memory for a published type that has gone live since: no statement checks them; plan again.
    if (source && grantFingerprint !== undefined) throw staleGrants(ctx, ctx.principal.kind === 'CLIENT' ? ctx.principal.department.code : '', entry.code);
    return source ? readLiveRows({ ctx, entry, source, fields: fetch, ids, published }) : published(ids);
  });
  ctx.loaders.custom.set(key, loader as DataLoader<string, unknown>);
  return loader;
}

const READ_SQL = `SELECT subject_id, version, changed_at,
         COALESCE((SELECT jsonb_object_agg(k, r.data -> k) FROM unnest(${TEXT_ARRAY}) AS k), '{}'::jsonb) AS data
  FROM record r WHERE resource_type_code = ? AND subject_id = ANY(${TEXT_ARRAY})`;

/**
 * The read of a plan made from grants in memory: the same SELECT, gated in the same statement on the consumer's grants
 * still having the fingerprint the plan was made from. Always one row with the fingerprint; records only when it matches.
 * A named statement with parameters: PostgreSQL parses it once per connection, and plans it once too as long as its
 * generic plan is not estimated dearer than a plan for the values at hand. With `subject_id = ANY($5)` it always was
 * (a custom plan sees one id, the generic one guesses ten), so every read was planned again: three quarters of the
 * statement's CPU in PostgreSQL. The ids go through `array(SELECT unnest($5))`, which no plan looks into, so both
 * estimate alike and the generic plan (the same index scan) is kept after PostgreSQL's five trial custom plans.
 */
const CHECKED_READ: NamedStatement = {
  name: 'sharehub.records.checked_read',
  text: `SELECT fp.fingerprint, r.subject_id, r.version, r.changed_at, r.data
  FROM ${grantFingerprintOf('$1', '$2')} AS fp(fingerprint)
  LEFT JOIN LATERAL (SELECT subject_id, version, changed_at,
         COALESCE((SELECT jsonb_object_agg(k, r.data -> k) FROM unnest($3::text[]) AS k), '{}'::jsonb) AS data
    FROM record r WHERE fp.fingerprint = $4 AND resource_type_code = $2 AND subject_id = ANY(array(SELECT unnest($5::text[])))) r ON true`,
};

/** The records, or StaleGrantsError (nothing fetched) when the consumer's grants on the type changed since the plan. */
async function readChecked(ctx: RequestContext, code: string, fetch: string[], ids: readonly string[], fingerprint: string): Promise<StoredRow[]> {
  const consumer = ctx.principal.kind === 'CLIENT' ? ctx.principal.department.code : '';
  const rows = await ctx.hub.statements<StoredRow & { fingerprint: string | null }>(CHECKED_READ, [consumer, code, fetch, fingerprint, ids]);
  if (rows[0]?.fingerprint !== fingerprint) throw staleGrants(ctx, consumer, code);
  return rows.filter((r) => r.subject_id !== null);
}

/** Marks the request to be planned again on fresh grants, and drops the cached ones. */
function staleGrants(ctx: RequestContext, consumer: string, code: string): StaleGrantsError {
  ctx.hub.grantCache.forget(consumer, code);
  ctx.grantState.isStale = true;
  return new StaleGrantsError(code);
}

function viewOf(row: StoredRow, released: Released): RecordView {
  return { subjectId: row.subject_id, version: row.version, updatedAt: new Date(row.changed_at), values: released.values, masked: released.masked, denied: released.withheld };
}

/**
 * The read's part of the audit event: subjects, grants cited, and the selected fields no grant gives at all. What each
 * record returned, masked or withheld is noted where its fields resolve (src/schema/catalogSchema.ts).
 */
function noteRead(ctx: RequestContext, entry: CatalogEntry, plan: ResourcePlan, subjectIds: string[], released: Released[], outOfScope: number) {
  const tally = tallyReleases(plan, entry.code, released);
  const details = (ctx.audit.details.grants as Record<string, string> | undefined) ?? {};
  const count = (key: string) => (ctx.audit.details[key] as number | undefined) ?? 0;
  ctx.audit.noteRead({
    resourceType: entry.code,
    subjectHashes: subjectIds.map(ctx.hub.hashSubject),
    fieldsDenied: deniedByPlan(plan, entry.code),
    details: {
      grants: { ...details, ...tally.grants },
      ...(plan.isProvider ? { providerReadsOwnData: true } : {}),
      recordsServed: count('recordsServed') + released.length,
      ...(outOfScope || count('outOfScope') ? { outOfScope: count('outOfScope') + outOfScope } : {}),
    },
  });
}

/**
 * Records of `subjectIds` in the order asked: a view, null (no record, or one no grant covers: the two look the same),
 * or an error value (live source down). Every value leaves through the enforcement point.
 */
export async function readRecords(ctx: RequestContext, code: string, subjectIds: readonly string[], argument = 'subjectIds'): Promise<Array<RecordView | SourceUnavailableError | null>> {
  const entry = ctx.hub.catalog.get(code);
  if (!entry) throw new NotFoundError(`No resource type ${code}.`);
  const ids = checkSubjectIds(subjectIds, argument);
  const plan = ctx.plan.resources.get(code) ?? uniformPlan(entry, 'DENIED');
  const fingerprint = ctx.plan.grantFingerprints?.get(code);
  // Nothing of the type may be read for this purpose: not even whether the subjects have a record (their version and
  // update time) is told, and nothing is read. The attempt is audited with the subjects asked about.
  if (!givesAnything(plan)) {
    // A refusal planned on grants in memory is checked against the stored ones first (one statement, no records).
    if (fingerprint !== undefined) await readChecked(ctx, code, [], [], fingerprint);
    noteRead(ctx, entry, plan, ids, [], 0);
    throw new ForbiddenError(`No grant lets your department read ${code} for this purpose; request access (requestAccess) to the fields you need.`);
  }
  const rows = await recordLoader(ctx, entry, plan, 'operation', fingerprint).loadMany(ids);
  const key = ctx.maskingKey();
  const served: Released[] = [];
  let outOfScope = 0;
  const out = rows.map((row) => {
    if (row instanceof SourceUnavailableError) return row;
    if (row instanceof Error) throw row;
    if (!row) return null;
    const released = releaseValues(plan, entry.fields, row.data, key);
    if (!released.isVisible) {
      outOfScope += 1;
      return null;
    }
    served.push(released);
    return viewOf(row, released);
  });
  noteRead(ctx, entry, plan, ids, served, outOfScope);
  return out;
}

export async function readRecord(ctx: RequestContext, code: string, subjectId: string): Promise<RecordView | null> {
  const [one] = await readRecords(ctx, code, [subjectId], 'subjectId');
  if (one instanceof Error) throw one;
  return one ?? null;
}

// ---- publishing ----

export interface RecordInput {
  subjectId: string;
  fields: Record<string, unknown>;
}

export interface UpsertResult {
  /** Records that got a new version. */
  written: Array<{ subjectId: string; version: number }>;
  /** Records whose values were the same as their current version. */
  unchanged: number;
}

export function contentHash(values: RecordValues): string {
  return createHash('sha256').update(canonicalize(values) ?? '').digest('hex');
}

/** Validates a batch; every problem names the record index and the field. */
export function validateBatch(entry: CatalogEntry, records: readonly RecordInput[], firstIndex = 0): Array<{ subjectId: string; data: RecordValues }> {
  const problems: Array<{ index: number; field: string; problem: string }> = [];
  const seen = new Map<string, number>();
  const out = records.map((r, i) => {
    const index = firstIndex + i;
    const id = normalizeSubjectId(String(r.subjectId ?? ''));
    const kind = detectSubjectKind(id);
    if (!kind) problems.push({ index, field: 'subjectId', problem: subjectIdProblem(id) ?? 'is not valid' });
    else if (kind !== entry.subjectKind) problems.push({ index, field: 'subjectId', problem: `${entry.code} is about ${entry.subjectKind.toLowerCase()}s; this identifies a ${kind.toLowerCase()}` });
    const earlier = seen.get(id);
    if (earlier !== undefined) problems.push({ index, field: 'subjectId', problem: `repeats the subject of record ${earlier}` });
    seen.set(id, index);
    for (const p of recordProblems(entry, r.fields)) problems.push({ index, field: p.field, problem: p.problem });
    return { subjectId: id, data: problems.length ? {} : normalizeRecord(entry, r.fields) };
  });
  if (problems.length) {
    const first = problems[0]!;
    throw new BadUserInputError(`records[${first.index}].${first.field} ${first.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}; nothing was written.`, {
      problems: problems.slice(0, 100).map((p) => ({ index: p.index, field: p.field, problem: p.problem })),
    });
  }
  return out;
}

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(subject_id text, data jsonb, content_hash text)
), upserted AS (
  INSERT INTO record (resource_type_code, subject_id, version, data, content_hash, changed_by, changed_at)
  SELECT ?, subject_id, 1, data, content_hash, ?, ? FROM input
  ON CONFLICT (resource_type_code, subject_id) DO UPDATE
    SET version = record.version + 1, data = excluded.data, content_hash = excluded.content_hash,
        changed_by = excluded.changed_by, changed_at = excluded.changed_at
    WHERE record.content_hash <> excluded.content_hash
  RETURNING subject_id, version, data
), history AS (
  INSERT INTO record_version (resource_type_code, subject_id, version, data, changed_by, changed_at)
  SELECT ?, subject_id, version, data, ?, ? FROM upserted
  RETURNING subject_id, version
)
SELECT subject_id, version FROM history`;

/** Writes validated records in one statement (so in one transaction): new versions where values changed. */
export async function writeRecords(em: EntityManager, code: string, rows: Array<{ subjectId: string; data: RecordValues }>, changedBy: string, now: Date): Promise<UpsertResult> {
  const payload = JSON.stringify(rows.map((r) => ({ subject_id: r.subjectId, data: r.data, content_hash: contentHash(r.data) })));
  const written = await em.execute<Array<{ subject_id: string; version: number }>>(UPSERT_SQL, [payload, code, changedBy, now, code, changedBy, now]);
  return { written: written.map((w) => ({ subjectId: w.subject_id, version: w.version })), unchanged: rows.length - written.length };
}

/** `upsertRecords`: only the provider's systems and data administrators publish; all or nothing. */
export async function upsertRecords(ctx: RequestContext, code: string, records: RecordInput[]): Promise<UpsertResult> {
  const entry = ctx.hub.catalog.get(code);
  if (!entry) throw new NotFoundError(`No resource type ${code}.`);
  const { principal } = ctx;
  if (principal.kind !== 'CLIENT' || principal.department.code !== entry.providerCode || !(principal.roles.includes(Role.SYSTEM) || principal.roles.includes(Role.DATA_ADMIN))) {
    throw new ForbiddenError(`Only the provider of ${code} publishes its records.`);
  }
  if (records.length === 0) throw new BadUserInputError('records: give at least one record.');
  if (records.length > MAX_RECORDS_PER_UPSERT) throw new BadUserInputError(`records: at most ${MAX_RECORDS_PER_UPSERT} per call, got ${records.length}.`);
  const rows = validateBatch(entry, records);
  return ctx.em.transactional(async (em) => {
    const result = await writeRecords(em, code, rows, principal.clientId, ctx.now);
    await recordChange(ctx, em, {
      action: 'records.upsert',
      resourceTypes: [code],
      subjectHashes: result.written.map((w) => ctx.hub.hashSubject(w.subjectId)),
      details: { written: result.written.length, unchanged: result.unchanged },
    });
    return result;
  });
}
