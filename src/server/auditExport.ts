// GET /audit/export: the audit events matching a search filter as NDJSON, for auditors, streamed page by page (a
// keyset cursor over the database, one page in memory at a time). The export is itself an audit event, written
// before the first line leaves.
import type { ServerResponse } from 'node:http';
import { AuditOutcome } from '../../entities/AuditEvent.js';
import { baseAuditEvent } from '../audit/base.js';
import { exportLineOf } from '../audit/chain.js';
import { normalizeSubjectId } from '../certs/identifiers.js';
import { HubError, type ErrorCode } from '../errors.js';
import { assertAuditor } from '../services/auditChain.js';
import { encodeAuditCursor, searchAuditEvents, type AuditFilter } from '../services/auditSearch.js';
import type { RequestContext } from './context.js';
import { EdgeRefusal } from './edgeRefusal.js';

export const AUDIT_EXPORT_PATH = '/audit/export';

const TEXT_PARAMS = ['department', 'client', 'purpose', 'resourceType', 'certificateType', 'subjectId', 'operation'] as const;
const TIME_PARAMS = ['from', 'to'] as const;
const KNOWN = new Set<string>([...TEXT_PARAMS, ...TIME_PARAMS, 'outcome']);
/** Events a page: the search's largest page. */
const PAGE = 100;

/** The filter in the query string, named as AuditEventFilter names it; anything else is refused. */
export function exportFilterOf(search: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of new Set(search.keys())) {
    if (!KNOWN.has(key)) throw new EdgeRefusal(400, 'BAD_USER_INPUT', `Unknown filter ${key}; the filter is AuditEventFilter's: ${[...KNOWN].join(', ')}.`);
    if (search.getAll(key).length > 1) throw new EdgeRefusal(400, 'BAD_USER_INPUT', `${key} is given more than once.`);
  }
  for (const key of TEXT_PARAMS) {
    const value = search.get(key)?.trim();
    if (!value) continue;
    if (value.length > 200) throw new EdgeRefusal(400, 'BAD_USER_INPUT', `${key} is longer than 200 characters.`);
    filter[key] = value;
  }
  for (const key of TIME_PARAMS) {
    const value = search.get(key);
    if (!value) continue;
    const at = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) throw new EdgeRefusal(400, 'BAD_USER_INPUT', `${key} must be an ISO 8601 time, e.g. 2026-11-01T00:00:00Z.`);
    filter[key] = at;
  }
  const outcome = search.get('outcome');
  if (outcome) {
    if (!(outcome in AuditOutcome)) throw new EdgeRefusal(400, 'BAD_USER_INPUT', `outcome must be one of ${Object.keys(AuditOutcome).join(', ')}.`);
    filter.outcome = outcome;
  }
  return filter;
}

/** Writes one chunk, waiting while the socket's buffer is full: memory stays at one page whatever the export's size. */
function writeChunk(res: ServerResponse, chunk: string): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The filter as recorded in the export's own event: the subject only as its keyed hash (the event's subjects). */
function recordedFilter(filter: AuditFilter): Record<string, unknown> {
  const { subjectId: _subject, from, to, ...rest } = filter;
  return { ...rest, ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}), hasSubject: Boolean(filter.subjectId) };
}

/**
 * Answers an export for an authenticated caller: refusals (not an auditor, bad filter) as errors before anything is
 * written; then the audit event; then the lines, newest first as the search lists them.
 */
export async function exportAuditEvents(ctx: RequestContext, search: URLSearchParams, res: ServerResponse, write: (event: ReturnType<typeof baseAuditEvent>) => Promise<void>): Promise<number> {
  let first: Awaited<ReturnType<typeof searchAuditEvents>>;
  let filter: AuditFilter;
  try {
    assertAuditor(ctx);
    filter = exportFilterOf(search);
    first = await searchAuditEvents(ctx, filter, PAGE, null);
  } catch (error) {
    if (error instanceof HubError) {
      const code = String(error.extensions.code);
      throw new EdgeRefusal(code === 'FORBIDDEN' ? 403 : 400, code as ErrorCode, error.message);
    }
    throw error;
  }
  const event = baseAuditEvent(ctx, ctx.hub.hashSubject);
  await write({
    ...event,
    action: 'audit.export',
    outcome: AuditOutcome.SUCCESS,
    subjectHashes: filter.subjectId ? [ctx.hub.hashSubject(normalizeSubjectId(filter.subjectId))] : [],
    resourceTypes: [filter.resourceType, filter.certificateType].filter((t): t is string => !!t),
    details: { filter: recordedFilter(filter) },
  });
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="audit-export-${ctx.now.toISOString().replace(/[:.]/g, '-')}.ndjson"`,
    'cache-control': 'no-store',
  });
  let written = 0;
  let page = first;
  for (;;) {
    if (page.rows.length) await writeChunk(res, page.rows.map((r) => exportLineOf(r) + '\n').join(''));
    written += page.rows.length;
    if (!page.hasNextPage || res.destroyed) break;
    const last = page.rows.at(-1)!;
    page = await searchAuditEvents(ctx, filter, PAGE, encodeAuditCursor(last));
  }
  res.end();
  return written;
}
