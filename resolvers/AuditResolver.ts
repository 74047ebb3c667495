// Resolvers for the audit log: auditEvents (auditors, data administrators) and myDataAccess (holders).
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { eventOfRow, type AuditEventRow } from '../src/audit/chain.js';
import type { RequestContext } from '../src/server/context.js';
import { DATA_ACCESS_ACTIONS, DataAccessKind, encodeAuditCursor, fieldsReportedOf, myDataAccess, searchAuditEvents, type AuditPage } from '../src/services/auditSearch.js';
import { auditChainStatus } from '../src/services/auditChain.js';
import { AuditChainView } from './types/auditChain.js';
import { AuditEventConnection, AuditEventFilter, AuditEventView, DataAccessConnection, DataAccessView } from './types/audit.js';

function eventView(r: AuditEventRow): AuditEventView {
  const { holderHash: _holder, ...event } = eventOfRow(r);
  return { seq: r.seq, ...event, hash: r.hash };
}

function connection<V>(page: AuditPage, view: (r: AuditEventRow) => V) {
  const last = page.rows.at(-1);
  return {
    edges: page.rows.map((r) => ({ cursor: encodeAuditCursor(r), node: view(r) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeAuditCursor(last) : null },
  };
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      "Search the audit log, newest first (in chain order; with a time range, by the time events occurred). Auditors see every event; a data administrator sees its own clients' events, and of another department's reads of its department's data only its own part (its types, their fields, subjects and grants).",
  })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return connection(await searchAuditEvents(ctx, filter ?? {}, first, after), eventView);
  }

  @Query(() => AuditChainView, {
    description:
      'Where the audit chain stands (auditors): its head, the last signed checkpoint (check its JWS against /.well-known/jwks.json) and the last run of `sharehub audit verify`.',
  })
  async auditChain(@Ctx() ctx: RequestContext): Promise<AuditChainView> {
    return auditChainStatus(ctx);
  }

  @Query(() => DataAccessConnection, { description: 'Who read my data (holders): every read of your records or certificates, every material of an application taken from them, every report of a field as wrong; most recent first.' })
  async myDataAccess(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const page = await myDataAccess(ctx, first, after);
    const departments = await ctx.loaders.departmentByCode.loadMany([...new Set(page.rows.map((r) => r.department_code).filter((c): c is string => !!c))]);
    const byCode = new Map(departments.filter((d): d is Exclude<typeof d, Error | null> => !!d && !(d instanceof Error)).map((d) => [d.code, d]));
    return connection(page, (r): DataAccessView => {
      const d = r.department_code ? byCode.get(r.department_code) : undefined;
      return {
        at: new Date(r.occurred_at),
        department: d ? { code: d.code, shortCode: d.shortCode, name: d.name, nameEn: d.nameEn } : null,
        clientId: r.client_id,
        purpose: r.purpose,
        caseNumber: r.case_number,
        kind: DATA_ACCESS_ACTIONS[r.action] ?? DataAccessKind.READ,
        resourceTypes: r.resource_types,
        fieldsReturned: r.fields_returned,
        fieldsMasked: r.fields_masked,
        fieldsReported: fieldsReportedOf(r),
        outcome: r.outcome,
      };
    });
  }
}
