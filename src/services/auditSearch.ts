// Finding audit events: auditors search everything; a data administrator sees its own clients' events and its own
// part of reads of its department's data; a holder sees every read about itself ("who read my data"). Keyset pages.
import { Role } from '../../entities/Client.js';
import type { AuditEventRow } from '../audit/chain.js';
import { normalizeSubjectId, subjectIdProblem } from '../certs/identifiers.js';
import { BadUserInputError, ForbiddenError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import { pageSize } from './pages.js';

export interface AuditFilter {
  from?: Date | null;
  to?: Date | null;
  department?: string | null;
  client?: string | null;
  purpose?: string | null;
  resourceType?: string | null;
  certificateType?: string | null;
  subjectId?: string | null;
  outcome?: string | null;
  operation?: string | null;
}

export interface AuditPage {
  rows: AuditEventRow[];
  hasNextPage: boolean;
}

/** What kind of access to a holder's data an event is. */
export enum DataAccessKind {
  READ = 'READ',
  APPLICATION_MATERIAL = 'APPLICATION_MATERIAL',
  CORRECTION_REPORT = 'CORRECTION_REPORT',
}

/**
 * The actions that read or use a subject's shared data, each with its kind (what a holder is shown): reads of
 * records and certificates (verifications included), materials of an application prepared for them, and
 * reports that a field of their record is wrong.
 */
export const DATA_ACCESS_ACTIONS: Readonly<Record<string, DataAccessKind>> = {
  'graphql.query': DataAccessKind.READ,
  'application.material': DataAccessKind.APPLICATION_MATERIAL,
  'correction.report': DataAccessKind.CORRECTION_REPORT,
};

/**
 * A position in the list: the event's time and sequence. Pages without a time range follow the sequence alone; with
 * one, they follow (time, sequence), which the (occurred_at, seq) index serves as fast deep in the log as at its top.
 */
export function encodeAuditCursor(row: Pick<AuditEventRow, 'seq' | 'occurred_at'>): string {
  return Buffer.from(`at:${new Date(row.occurred_at).getTime()}:seq:${row.seq}`).toString('base64url');
}

interface AuditCursor {
  seq: string;
  at: Date | null;
}

function decodeAuditCursor(cursor: string | null | undefined): AuditCursor | null {
  if (!cursor) return null;
  const m = /^(?:at:(\d{1,15}):)?seq:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new BadUserInputError('after: not a cursor from this list.');
  return { seq: m[2]!, at: m[1] === undefined ? null : new Date(Number(m[1])) };
}

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.clauses.push(sql);
    this.params.push(...params);
  }
}

/** Pages in time order (a time range was given) end below `until` (exclusive), a bound on (occurred_at, seq). */
interface TimeOrder {
  until: Date | null;
}

async function page(ctx: RequestContext, where: Where, first: number | null | undefined, after: string | null | undefined, byTime: TimeOrder | null = null): Promise<AuditPage> {
  const size = pageSize(first);
  const cursor = decodeAuditCursor(after);
  if (byTime) {
    if (cursor && !cursor.at) throw new BadUserInputError('after: not a cursor from this list.');
    // One upper bound on (occurred_at, seq), the tighter of the range's end and the cursor: with two, the index scan
    // started at the range's end and walked back to the cursor (a page deep in a busy month read the whole month).
    const end = byTime.until && { at: byTime.until, seq: '0' };
    const bound = cursor?.at && (!end || cursor.at.getTime() < end.at.getTime()) ? { at: cursor.at, seq: cursor.seq } : end;
    if (bound) where.add('(e.occurred_at, e.seq) < (?::timestamptz, ?::bigint)', bound.at, bound.seq);
  } else if (cursor) {
    where.add('e.seq < ?', cursor.seq);
  }
  const order = byTime ? 'e.occurred_at DESC, e.seq DESC' : 'e.seq DESC';
  const sql = `SELECT e.*, e.seq::text AS seq FROM audit_event e ${where.clauses.length ? `WHERE ${where.clauses.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  const rows = await ctx.em.execute<AuditEventRow[]>(sql, [...where.params, size + 1]);
  return { rows: rows.slice(0, size), hasNextPage: rows.length > size };
}

/** Conditions on the event as a whole: who acted, when, why, how it ended. */
function applyEventFilter(filter: AuditFilter, where: Where): void {
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) throw new BadUserInputError('filter: `from` is after `to`.');
  if (filter.from) where.add('e.occurred_at >= ?', filter.from);
  if (filter.department) where.add('e.department_code = ?', filter.department);
  if (filter.client) where.add('e.client_id = ?', filter.client);
  if (filter.purpose) where.add('e.purpose = ?', filter.purpose);
  if (filter.outcome) where.add('e.outcome = ?', filter.outcome);
  if (filter.operation) where.add('(e.operation_name = ? OR e.action = ?)', filter.operation, filter.operation);
}

/** The types asked about (resource and certificate type) and the subject's keyed hash, checked. */
function partFilterOf(ctx: RequestContext, filter: AuditFilter): { types: string[]; subjectHash: string | null } {
  const types = [filter.resourceType, filter.certificateType].filter((t): t is string => !!t);
  if (!filter.subjectId) return { types, subjectHash: null };
  const id = normalizeSubjectId(filter.subjectId);
  const problem = subjectIdProblem(id);
  if (problem) throw new BadUserInputError(`filter.subjectId is ${problem}.`);
  return { types, subjectHash: ctx.hub.hashSubject(id) };
}

/** Conditions on what the event read, matched against all of it. */
function applyWholeFilter(part: { types: string[]; subjectHash: string | null }, where: Where): void {
  for (const type of part.types) where.add('e.resource_types @> ARRAY[?]::text[]', type);
  if (part.subjectHash) where.add('e.subject_hashes @> ARRAY[?]::text[]', part.subjectHash);
}

/** The resource and certificate types a department provides: its part of any event. */
function ownTypesOf(ctx: RequestContext, departmentCode: string): string[] {
  return [
    ...ctx.hub.catalog.all().filter((e) => e.providerCode === departmentCode).map((e) => e.code),
    ...ctx.hub.catalog.certificateTypes().filter((t) => t.issuerCode === departmentCode).map((t) => t.code),
  ];
}

/**
 * A data administrator's events: its own clients' (whole), and others' reads of its department's types, where every
 * condition on types and subjects is matched against its own part only. A subject is of that part when the event
 * read one type only (one of the department's), or when the event's `subjectsByType` lists it under one of them.
 */
function applyAdministratorScope(departmentCode: string, own: string[], part: { types: string[]; subjectHash: string | null }, where: Where): void {
  const mine = new Where();
  mine.add('e.department_code = ?', departmentCode);
  applyWholeFilter(part, mine);
  const theirs = new Where();
  theirs.add('e.department_code IS DISTINCT FROM ?', departmentCode);
  theirs.add('e.resource_types && ARRAY(SELECT jsonb_array_elements_text(?::jsonb))', JSON.stringify(own));
  for (const type of part.types) {
    if (own.includes(type)) theirs.add('e.resource_types @> ARRAY[?]::text[]', type);
    else theirs.add('FALSE');
  }
  if (part.subjectHash) {
    theirs.add(
      `((cardinality(e.resource_types) = 1 AND e.subject_hashes @> ARRAY[?]::text[]) OR EXISTS (SELECT 1 FROM jsonb_each(e.details->'subjectsByType') s
        WHERE s.key IN (SELECT jsonb_array_elements_text(?::jsonb)) AND s.value @> jsonb_build_array(?::text)))`,
      part.subjectHash,
      JSON.stringify(own),
      part.subjectHash,
    );
  }
  const branches = [mine, ...(own.length ? [theirs] : [])];
  where.add(`(${branches.map((b) => `(${b.clauses.join(' AND ')})`).join(' OR ')})`, ...branches.flatMap((b) => b.params));
}

const isOfTypes = (own: ReadonlySet<string>) => (qualified: string) => own.has(qualified.slice(0, qualified.indexOf('.')));

/**
 * What a data administrator is shown of another department's event that read its types among others: those types,
 * their fields, their subjects and grants; of the details only what is per type (filtered), nothing else.
 */
export function departmentPartOf(row: AuditEventRow, own: ReadonlySet<string>): AuditEventRow {
  if (row.resource_types.every((t) => own.has(t))) return row;
  const ofOwn = isOfTypes(own);
  const details = row.details ?? {};
  const byType = (details.subjectsByType ?? {}) as Record<string, string[]>;
  const grants = (details.grants ?? {}) as Record<string, string>;
  const liveSources = (details.liveSources ?? []) as Array<{ resourceType?: string }>;
  const subjectsByType = Object.fromEntries(Object.entries(byType).filter(([type]) => own.has(type)));
  const partDetails: Record<string, unknown> = {
    ...(details.grants ? { grants: Object.fromEntries(Object.entries(grants).filter(([field]) => ofOwn(field))) } : {}),
    ...(details.liveSources ? { liveSources: liveSources.filter((n) => own.has(n.resourceType ?? '')) } : {}),
    ...(details.subjectsByType ? { subjectsByType } : {}),
  };
  return {
    ...row,
    resource_types: row.resource_types.filter((t) => own.has(t)),
    subject_hashes: [...new Set(Object.values(subjectsByType).flat())],
    fields_returned: row.fields_returned.filter(ofOwn),
    fields_masked: row.fields_masked.filter(ofOwn),
    fields_denied: row.fields_denied.filter(ofOwn),
    details: Object.keys(partDetails).length ? partDetails : null,
  };
}

/** Auditors: everything. Data administrators: their clients' events, and their own part of reads of their department's data. */
export async function searchAuditEvents(ctx: RequestContext, filter: AuditFilter, first?: number | null, after?: string | null): Promise<AuditPage> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !(p.roles.includes(Role.AUDITOR) || p.roles.includes(Role.DATA_ADMIN))) {
    throw new ForbiddenError('Only auditors and data administrators search the audit log.');
  }
  const where = new Where();
  const part = partFilterOf(ctx, filter);
  const isAuditor = p.roles.includes(Role.AUDITOR);
  const own = isAuditor ? [] : ownTypesOf(ctx, p.department.code);
  if (isAuditor) applyWholeFilter(part, where);
  else {
    if (filter.department && filter.department !== p.department.code) throw new ForbiddenError("A data administrator sees its own department's events only.");
    applyAdministratorScope(p.department.code, own, part, where);
  }
  applyEventFilter(filter, where);
  // `to` is applied by the page, as part of its one upper bound.
  const found = await page(ctx, where, first, after, filter.from || filter.to ? { until: filter.to ?? null } : null);
  if (isAuditor) return found;
  const ownSet = new Set(own);
  return { ...found, rows: found.rows.map((r) => (r.department_code === p.department.code ? r : departmentPartOf(r, ownSet))) };
}

/** A holder: every read of its records or certificates, and every use of them, most recent first. */
export async function myDataAccess(ctx: RequestContext, first?: number | null, after?: string | null): Promise<AuditPage> {
  const p = ctx.principal;
  if (p.kind !== 'HOLDER') throw new ForbiddenError('myDataAccess is for holders (citizens and businesses) signed in as themselves.');
  const where = new Where();
  where.add('e.subject_hashes @> ARRAY[?]::text[]', ctx.hub.hashSubject(p.subjectId));
  where.add(`e.action = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`, JSON.stringify(Object.keys(DATA_ACCESS_ACTIONS)));
  where.add("e.outcome IN ('SUCCESS', 'PARTIAL')");
  return page(ctx, where, first, after);
}

/** The fields a correction report names as wrong (type.field); none for other accesses. */
export function fieldsReportedOf(row: AuditEventRow): string[] {
  const field = row.details?.field;
  return row.action === 'correction.report' && typeof field === 'string' ? row.resource_types.map((type) => `${type}.${field}`) : [];
}
