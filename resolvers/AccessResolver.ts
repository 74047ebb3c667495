// Resolvers for access requests and grants: thin, each a call into src/services/access.ts.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AccessRequestStatus, type AccessRequest } from '../entities/AccessRequest.js';
import type { Grant, GrantVersion } from '../entities/Grant.js';
import type { RequestContext } from '../src/server/context.js';
import * as access from '../src/services/access.js';
import { decodeCursor, pageOf, pageSize } from '../src/services/pages.js';
import {
  AccessRequestConnection,
  AccessRequestView,
  AccessSideEnum,
  ApproveAccessRequestInput,
  ApproveAccessRequestPayload,
  GrantChangePayload,
  GrantConnection,
  GrantView,
  RejectAccessRequestPayload,
  RequestAccessInput,
  RequestAccessPayload,
} from './types/access.js';

function grantView(g: Grant, now: Date): GrantView {
  return {
    id: g.id,
    version: g.version,
    resourceType: g.resourceTypeCode,
    consumerCode: g.consumerCode,
    providerCode: g.providerCode,
    clientId: g.clientId ?? null,
    rules: g.rules.map((r) => ({ field: r.field, effect: r.effect, mask: r.mask ? { strategy: r.mask.strategy, n: r.mask.n ?? null } : null })),
    purposes: g.purposes,
    validFrom: g.validFrom,
    validUntil: g.validUntil,
    rowScope: g.rowScope ?? null,
    state: g.status === 'ACTIVE' && g.validUntil.getTime() <= now.getTime() ? 'EXPIRED' : g.status,
    statusReason: g.statusReason ?? null,
    accessRequestId: g.accessRequestId ?? null,
    changedAt: g.changedAt,
  };
}

/** One stored version of a grant, as the grant looked then. */
function grantVersionView(g: Grant, v: GrantVersion, now: Date): GrantView {
  const s = v.snapshot as { status: Grant['status']; rules: Grant['rules']; purposes: string[]; validFrom: string; validUntil: string; rowScope: Grant['rowScope'] | null; clientId: string | null; statusReason: string | null };
  const then = { ...g, ...s, validFrom: new Date(s.validFrom), validUntil: new Date(s.validUntil), version: v.version, changedAt: v.changedAt } as Grant;
  return grantView(then, now);
}

function requestView(r: AccessRequest, grants: Map<string, Grant>, now: Date): AccessRequestView {
  return {
    id: r.id,
    resourceType: r.resourceTypeCode,
    consumerCode: r.consumerCode,
    providerCode: r.providerCode,
    clientId: r.clientId ?? null,
    fields: r.fields,
    conditionalFields: r.conditionalFields,
    purposes: r.purposes,
    justification: r.justification,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status: r.status,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    dueAt: r.dueAt,
    isOverdue: r.status === AccessRequestStatus.PENDING && r.dueAt.getTime() < now.getTime(),
    decidedBy: r.decidedBy ?? null,
    decidedAt: r.decidedAt ?? null,
    decisionReason: r.decisionReason ?? null,
    grants: r.grantIds.map((id) => grants.get(id)).filter((g): g is Grant => !!g).map((g) => grantView(g, now)),
  };
}

async function withGrants(ctx: RequestContext, r: AccessRequest): Promise<AccessRequestView> {
  return requestView(r, await access.grantsByIds(ctx, r.grantIds), ctx.now);
}

@Resolver()
export class AccessResolver {
  @Mutation(() => RequestAccessPayload, {
    description: "Ask for fields of another department's resource type (data administrators). UNCONDITIONAL fields are granted at once; CONDITIONAL ones wait for the provider (due within 10 working days); NOT_SHARED ones are refused.",
  })
  async requestAccess(@Arg('input', () => RequestAccessInput) input: RequestAccessInput, @Ctx() ctx: RequestContext): Promise<RequestAccessPayload> {
    return { accessRequest: await withGrants(ctx, await access.requestAccess(ctx, input)) };
  }

  @Mutation(() => ApproveAccessRequestPayload, { description: "Approve a pending request for your department's data, possibly fewer fields, masked, shorter or scoped." })
  async approveAccessRequest(@Arg('input', () => ApproveAccessRequestInput) input: ApproveAccessRequestInput, @Ctx() ctx: RequestContext): Promise<ApproveAccessRequestPayload> {
    const { request, grant } = await access.approveAccessRequest(ctx, {
      ...input,
      fields: input.fields?.map((f) => ({ field: f.field, effect: f.effect, mask: f.mask ? { strategy: f.mask.strategy, ...(f.mask.n != null ? { n: f.mask.n } : {}) } : null })),
    });
    return { accessRequest: await withGrants(ctx, request), grant: grantView(grant, ctx.now) };
  }

  @Mutation(() => RejectAccessRequestPayload, { description: "Reject a pending request for your department's data, with a reason." })
  async rejectAccessRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('reason', { description: 'Why.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RejectAccessRequestPayload> {
    return { accessRequest: await withGrants(ctx, await access.rejectAccessRequest(ctx, requestId, reason)) };
  }

  @Mutation(() => GrantChangePayload, { description: 'Suspend a grant of your department\'s data, effective on the next request.' })
  async suspendGrant(@Arg('grantId', () => ID) grantId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<GrantChangePayload> {
    return { grant: grantView(await access.changeGrant(ctx, grantId, 'SUSPEND', reason), ctx.now) };
  }

  @Mutation(() => GrantChangePayload, { description: 'Reinstate a suspended grant.' })
  async reinstateGrant(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: RequestContext): Promise<GrantChangePayload> {
    return { grant: grantView(await access.changeGrant(ctx, grantId, 'REINSTATE', null), ctx.now) };
  }

  @Mutation(() => GrantChangePayload, { description: 'Revoke a grant for good, effective on the next request.' })
  async revokeGrant(@Arg('grantId', () => ID) grantId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<GrantChangePayload> {
    return { grant: grantView(await access.changeGrant(ctx, grantId, 'REVOKE', reason), ctx.now) };
  }

  @Query(() => AccessRequestConnection, { description: "Access requests your department made (CONSUMER) or must decide (PROVIDER), newest first." })
  async accessRequests(
    @Arg('side', () => AccessSideEnum) side: access.AccessSide,
    @Arg('status', () => AccessRequestStatus, { nullable: true }) status: AccessRequestStatus | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const size = pageSize(first);
    const rows = await access.listAccessRequests(ctx, side, status, size, decodeCursor(after));
    const grants = await access.grantsByIds(ctx, rows.flatMap((r) => r.grantIds));
    return pageOf(rows, size, (r) => ({ at: r.requestedAt, id: r.id }), (r) => requestView(r, grants, ctx.now));
  }

  @Query(() => GrantConnection, { description: 'Grants your department holds (CONSUMER) or gave (PROVIDER), most recently changed first.' })
  async grants(
    @Arg('side', () => AccessSideEnum) side: access.AccessSide,
    @Arg('resourceType', () => String, { nullable: true }) resourceType: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const size = pageSize(first);
    const rows = await access.listGrants(ctx, side, resourceType, size, decodeCursor(after));
    return pageOf(rows, size, (g) => ({ at: g.changedAt, id: g.id }), (g) => grantView(g, ctx.now));
  }

  @Query(() => [GrantView], { description: "Every version of one grant, oldest first (either side of it): who changed it, when, and what it said then." })
  async grantHistory(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: RequestContext): Promise<GrantView[]> {
    const { grant, versions } = await access.grantHistory(ctx, grantId);
    return versions.map((v) => grantVersionView(grant, v, ctx.now));
  }
}
