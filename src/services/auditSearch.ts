// Finding audit events: auditors search everything; a data administrator sees reads of its department's data
// and its own clients' events; a holder sees every read about itself ("who read my data"). Keyset pages by sequence.
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

/** Actions that read shared data about subjects (what a holder is shown). */
const READ_ACTIONS = ['graphql.query'];

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

function applyFilter(ctx: RequestContext, filter: AuditFilter, where: Where): void {
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) throw new BadUserInputError('filter: `from` is after `to`.');
  if (filter.from) where.add('e.occurred_at >= ?', filter.from);
  if (filter.department) where.add('e.department_code = ?', filter.department);
  if (filter.client) where.add('e.client_id = ?', filter.client);
  if (filter.purpose) where.add('e.purpose = ?', filter.purpose);
  for (const type of [filter.resourceType, filter.certificateType]) if (type) where.add('e.resource_types @> ARRAY[?]::text[]', type);
  if (filter.subjectId) {
    const id = normalizeSubjectId(filter.subjectId);
    const problem = subjectIdProblem(id);
    if (problem) throw new BadUserInputError(`filter.subjectId is ${problem}.`);
    where.add('e.subject_hashes @> ARRAY[?]::text[]', ctx.hub.hashSubject(id));
  }
  if (filter.outcome) where.add('e.outcome = ?', filter.outcome);
  if (filter.operation) where.add('(e.operation_name = ? OR e.action = ?)', filter.operation, filter.operation);
}

/** Auditors: everything. Data administrators: their clients' events and reads of their department's data. */
export async function searchAuditEvents(ctx: RequestContext, filter: AuditFilter, first?: number | null, after?: string | null): Promise<AuditPage> {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !(p.roles.includes(Role.AUDITOR) || p.roles.includes(Role.DATA_ADMIN))) {
    throw new ForbiddenError('Only auditors and data administrators search the audit log.');
  }
  const where = new Where();
  if (!p.roles.includes(Role.AUDITOR)) {
    if (filter.department && filter.department !== p.department.code) throw new ForbiddenError("A data administrator sees its own department's events only.");
    const own = ctx.hub.catalog.all().filter((e) => e.providerCode === p.department.code).map((e) => e.code);
    if (own.length) where.add(`(e.department_code = ? OR e.resource_types && ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`, p.department.code, JSON.stringify(own));
    else where.add('e.department_code = ?', p.department.code);
  }
  applyFilter(ctx, filter, where);
  // `to` is applied by the page, as part of its one upper bound.
  return page(ctx, where, first, after, filter.from || filter.to ? { until: filter.to ?? null } : null);
}

/** A holder: every read of records or certificates about itself, most recent first. */
export async function myDataAccess(ctx: RequestContext, first?: number | null, after?: string | null): Promise<AuditPage> {
  const p = ctx.principal;
  if (p.kind !== 'HOLDER') throw new ForbiddenError('myDataAccess is for holders (citizens and businesses) signed in as themselves.');
  const where = new Where();
  where.add('e.subject_hashes @> ARRAY[?]::text[]', ctx.hub.hashSubject(p.subjectId));
  where.add(`e.action = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`, JSON.stringify(READ_ACTIONS));
  where.add("e.outcome IN ('SUCCESS', 'PARTIAL')");
  return page(ctx, where, first, after);
}
