// Access requests and grants: a consumer asks, UNCONDITIONAL fields are granted at once, CONDITIONAL ones
// wait for the provider, who approves (possibly fewer fields, masked, shorter) or rejects; grants can be
// suspended, reinstated and revoked by the provider. Every change is a version and an audit event.
import { recordChange } from '../audit/changes.js';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessRequest, AccessRequestStatus } from '../../entities/AccessRequest.js';
import { Client, Role } from '../../entities/Client.js';
import { Grant, GrantStatus, GrantVersion, type FieldRule, type RowScope } from '../../entities/Grant.js';
import { maskCompatibility } from '../authz/masking.js';
import type { ClientPrincipal } from '../auth/principal.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { MaskRule } from '../catalog/definition.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import type { Cursor } from './pages.js';
import { addWorkingDays, ANSWER_WITHIN_WORKING_DAYS } from './workingDays.js';

const PURPOSE = /^[\p{L}\p{N} ._:/()-]{1,200}$/u;
const MAX_VALIDITY_MS = 5 * 366 * 24 * 3600_000;

export interface RequestAccessInput {
  resourceType: string;
  fields: string[];
  purposes: string[];
  justification: string;
  validFrom?: Date | null;
  validUntil: Date;
  clientId?: string | null;
}

export interface FieldDecisionInput {
  field: string;
  effect: 'ALLOW' | 'MASK';
  mask?: MaskRule | null;
}

export interface ApproveInput {
  requestId: string;
  /** Omitted: every CONDITIONAL field asked for, in the clear. */
  fields?: FieldDecisionInput[] | null;
  validUntil?: Date | null;
  rowScope?: RowScope | null;
  reason?: string | null;
}

function adminOf(ctx: RequestContext): ClientPrincipal {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError('Only a data administrator manages access requests and grants.');
  return p;
}

/** A resource type, or a certificate type (its holder and face fields): grants and requests name either by its code. */
function entryOf(ctx: RequestContext, code: string): CatalogEntry {
  const entry = ctx.hub.catalog.plannable(code);
  if (!entry) throw new NotFoundError(`No resource type or certificate type ${code}.`);
  return entry;
}

function snapshot(grant: Grant): Record<string, unknown> {
  return {
    status: grant.status,
    rules: grant.rules,
    purposes: grant.purposes,
    validFrom: grant.validFrom.toISOString(),
    validUntil: grant.validUntil.toISOString(),
    rowScope: grant.rowScope ?? null,
    clientId: grant.clientId ?? null,
    statusReason: grant.statusReason ?? null,
  };
}

function recordVersion(em: EntityManager, grant: Grant): void {
  em.create(GrantVersion, { grantId: grant.id, version: grant.version, snapshot: snapshot(grant), changedBy: grant.changedBy, changedAt: grant.changedAt });
}

function newGrant(em: EntityManager, request: AccessRequest, rules: FieldRule[], validUntil: Date, rowScope: RowScope | null, by: string, now: Date): Grant {
  const grant = em.create(Grant, {
    id: randomUUID(),
    version: 1,
    consumerCode: request.consumerCode,
    clientId: request.clientId ?? null,
    resourceTypeCode: request.resourceTypeCode,
    providerCode: request.providerCode,
    rules,
    purposes: request.purposes,
    validFrom: request.validFrom,
    validUntil,
    rowScope,
    status: GrantStatus.ACTIVE,
    accessRequestId: request.id,
    changedBy: by,
    changedAt: now,
  });
  recordVersion(em, grant);
  return grant;
}

export async function requestAccess(ctx: RequestContext, input: RequestAccessInput): Promise<AccessRequest> {
  const admin = adminOf(ctx);
  const entry = entryOf(ctx, input.resourceType);
  if (entry.providerCode === admin.department.code) throw new BadUserInputError(`Your department provides ${entry.code}; it reads its own data without a grant.`);
  const fields = [...new Set(input.fields)];
  if (fields.length === 0) throw new BadUserInputError('fields: ask for at least one field.');
  const byName = new Map(entry.fields.map((f) => [f.name, f]));
  const unknown = fields.filter((f) => !byName.has(f));
  if (unknown.length) throw new BadUserInputError(`fields: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of ${entry.code}.`, { fields: unknown });
  const notShared = fields.filter((f) => byName.get(f)!.sharing === 'NOT_SHARED');
  if (notShared.length) throw new BadUserInputError(`fields: ${notShared.join(', ')} ${notShared.length > 1 ? 'are' : 'is'} NOT_SHARED (不予共享) and cannot be requested.`, { fields: notShared });
  const purposes = [...new Set(input.purposes.map((p) => p.trim()))];
  if (purposes.length === 0 || purposes.some((p) => !PURPOSE.test(p))) throw new BadUserInputError('purposes: give one or more service item codes or legal bases (letters, digits, . _ : / ( ) -).');
  if (!input.justification.trim()) throw new BadUserInputError('justification: say why the data is needed.');
  const validFrom = input.validFrom ?? ctx.now;
  if (input.validUntil.getTime() <= validFrom.getTime()) throw new BadUserInputError('validUntil must be after validFrom.');
  if (input.validUntil.getTime() - validFrom.getTime() > MAX_VALIDITY_MS) throw new BadUserInputError('validity: at most five years.');
  if (input.clientId) {
    const client = await ctx.em.findOne(Client, { id: input.clientId });
    if (!client || client.department.code !== admin.department.code) throw new BadUserInputError(`clientId: ${input.clientId} is not a client of your department.`);
  }
  const unconditional = fields.filter((f) => byName.get(f)!.sharing === 'UNCONDITIONAL');
  const conditional = fields.filter((f) => byName.get(f)!.sharing === 'CONDITIONAL');

  const request = await ctx.em.transactional(async (em) => {
    const request = em.create(AccessRequest, {
      id: randomUUID(),
      consumerCode: admin.department.code,
      clientId: input.clientId ?? null,
      resourceTypeCode: entry.code,
      providerCode: entry.providerCode,
      fields,
      conditionalFields: conditional,
      purposes,
      justification: input.justification.trim(),
      validFrom,
      validUntil: input.validUntil,
      status: conditional.length ? AccessRequestStatus.PENDING : AccessRequestStatus.APPROVED,
      requestedBy: admin.clientId,
      requestedAt: ctx.now,
      dueAt: addWorkingDays(ctx.now, ANSWER_WITHIN_WORKING_DAYS),
      grantIds: [],
    });
    if (unconditional.length) {
      const grant = newGrant(em, request, unconditional.map((field) => ({ field, effect: 'ALLOW' as const })), input.validUntil, null, 'hub:unconditional', ctx.now);
      request.grantIds = [grant.id];
    }
    if (!conditional.length) {
      request.decidedBy = 'hub:unconditional';
      request.decidedAt = ctx.now;
    }
    await em.flush();
    await recordChange(ctx, em, { action: 'access.request', resourceTypes: [entry.code], details: { requestId: request.id, fields, granted: unconditional, pending: conditional } });
    return request;
  });
  return request;
}

async function pendingRequestForProvider(em: EntityManager, admin: ClientPrincipal, requestId: string): Promise<AccessRequest> {
  const request = await em.findOne(AccessRequest, { id: requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request) throw new NotFoundError(`No access request ${requestId}.`);
  if (request.providerCode !== admin.department.code) throw new ForbiddenError('Only the providing department decides on this request.');
  if (request.status !== AccessRequestStatus.PENDING) throw new ConflictError(`This request was already decided (${request.status}).`);
  return request;
}

function checkUuid(id: string, name: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new BadUserInputError(`${name} is not a valid id.`);
}

export async function approveAccessRequest(ctx: RequestContext, input: ApproveInput): Promise<{ request: AccessRequest; grant: Grant }> {
  const admin = adminOf(ctx);
  checkUuid(input.requestId, 'requestId');
  const result = await ctx.em.transactional(async (em) => {
    const request = await pendingRequestForProvider(em, admin, input.requestId);
    const entry = entryOf(ctx, request.resourceTypeCode);
    const decisions: FieldDecisionInput[] = input.fields ?? request.conditionalFields.map((field) => ({ field, effect: 'ALLOW' as const }));
    if (decisions.length === 0) throw new BadUserInputError('fields: approve at least one field, or reject the request.');
    const rules: FieldRule[] = [];
    for (const d of decisions) {
      if (!request.conditionalFields.includes(d.field)) throw new BadUserInputError(`fields: ${d.field} was not asked for as a CONDITIONAL field in this request.`);
      const field = entry.fields.find((f) => f.name === d.field)!;
      if (d.effect === 'MASK') {
        if (!d.mask) throw new BadUserInputError(`fields: ${d.field} is MASK but has no mask strategy.`);
        const problem = maskCompatibility(field, d.mask);
        if (problem) throw new BadUserInputError(`fields: ${d.field}: ${problem}`);
        rules.push({ field: d.field, effect: 'MASK', mask: d.mask });
      } else {
        if (d.mask) throw new BadUserInputError(`fields: ${d.field} is ALLOW; a mask goes with MASK.`);
        rules.push({ field: d.field, effect: 'ALLOW' });
      }
    }
    const validUntil = input.validUntil ?? request.validUntil;
    if (validUntil.getTime() > request.validUntil.getTime()) throw new BadUserInputError('validUntil can shorten the requested validity, not extend it.');
    if (validUntil.getTime() <= request.validFrom.getTime()) throw new BadUserInputError('validUntil must be after the validity start.');
    if (input.rowScope) {
      const field = entry.fields.find((f) => f.name === input.rowScope!.field);
      if (!field) throw new BadUserInputError(`rowScope.field: ${input.rowScope.field} is not a field of ${entry.code}.`);
      if (input.rowScope.values.length === 0) throw new BadUserInputError('rowScope.values: give at least one value.');
    }
    const grant = newGrant(em, request, rules, validUntil, input.rowScope ?? null, admin.clientId, ctx.now);
    request.status = AccessRequestStatus.APPROVED;
    request.decidedBy = admin.clientId;
    request.decidedAt = ctx.now;
    request.decisionReason = input.reason?.trim() || null;
    request.grantIds = [...request.grantIds, grant.id];
    await em.flush();
    await recordChange(ctx, em, { action: 'access.approve', resourceTypes: [request.resourceTypeCode], details: { requestId: request.id, grantId: grant.id, rules: grant.rules } });
    return { request, grant };
  });
  return result;
}

export async function rejectAccessRequest(ctx: RequestContext, requestId: string, reason: string): Promise<AccessRequest> {
  const admin = adminOf(ctx);
  checkUuid(requestId, 'requestId');
  if (!reason.trim()) throw new BadUserInputError('reason: say why the request is rejected.');
  const request = await ctx.em.transactional(async (em) => {
    const request = await pendingRequestForProvider(em, admin, requestId);
    request.status = AccessRequestStatus.REJECTED;
    request.decidedBy = admin.clientId;
    request.decidedAt = ctx.now;
    request.decisionReason = reason.trim();
    await em.flush();
    await recordChange(ctx, em, { action: 'access.reject', resourceTypes: [request.resourceTypeCode], details: { requestId } });
    return request;
  });
  return request;
}

export type GrantChange = 'SUSPEND' | 'REINSTATE' | 'REVOKE';

const TRANSITIONS: Record<GrantChange, { from: GrantStatus[]; to: GrantStatus }> = {
  SUSPEND: { from: [GrantStatus.ACTIVE], to: GrantStatus.SUSPENDED },
  REINSTATE: { from: [GrantStatus.SUSPENDED], to: GrantStatus.ACTIVE },
  REVOKE: { from: [GrantStatus.ACTIVE, GrantStatus.SUSPENDED], to: GrantStatus.REVOKED },
};

/** Suspend, reinstate or revoke a grant: the provider only; revoked is final. */
export async function changeGrant(ctx: RequestContext, grantId: string, change: GrantChange, reason: string | null): Promise<Grant> {
  const admin = adminOf(ctx);
  checkUuid(grantId, 'grantId');
  if (change !== 'REINSTATE' && !reason?.trim()) throw new BadUserInputError('reason: say why.');
  const grant = await ctx.em.transactional(async (em) => {
    const grant = await em.findOne(Grant, { id: grantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!grant) throw new NotFoundError(`No grant ${grantId}.`);
    if (grant.providerCode !== admin.department.code) throw new ForbiddenError('Only the providing department changes this grant.');
    const t = TRANSITIONS[change];
    if (!t.from.includes(grant.status)) throw new ConflictError(`A ${grant.status} grant cannot be ${change === 'REVOKE' ? 'revoked' : change === 'SUSPEND' ? 'suspended' : 'reinstated'}.`);
    grant.status = t.to;
    grant.statusReason = reason?.trim() || null;
    grant.version += 1;
    grant.changedBy = admin.clientId;
    grant.changedAt = ctx.now;
    recordVersion(em, grant);
    await em.flush();
    await recordChange(ctx, em, { action: `grant.${change.toLowerCase()}`, resourceTypes: [grant.resourceTypeCode], details: { grantId, version: grant.version } });
    return grant;
  });
  return grant;
}

// ---- listing, for both sides ----

export type AccessSide = 'CONSUMER' | 'PROVIDER';

function departmentOf(ctx: RequestContext): string {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT') throw new ForbiddenError('Access requests and grants are seen by departments.');
  return p.department.code;
}

export async function listAccessRequests(ctx: RequestContext, side: AccessSide, status: AccessRequestStatus | null, size: number, after: Cursor | null): Promise<AccessRequest[]> {
  const dept = departmentOf(ctx);
  const where: Record<string, unknown> = side === 'CONSUMER' ? { consumerCode: dept } : { providerCode: dept };
  if (status) where.status = status;
  if (after) where.$or = [{ requestedAt: { $lt: after.at } }, { requestedAt: after.at, id: { $lt: after.id } }];
  return ctx.em.find(AccessRequest, where, { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], limit: size + 1 });
}

export async function listGrants(ctx: RequestContext, side: AccessSide, resourceType: string | null, size: number, after: Cursor | null): Promise<Grant[]> {
  const dept = departmentOf(ctx);
  const where: Record<string, unknown> = side === 'CONSUMER' ? { consumerCode: dept } : { providerCode: dept };
  if (resourceType) where.resourceTypeCode = resourceType;
  if (after) where.$or = [{ changedAt: { $lt: after.at } }, { changedAt: after.at, id: { $lt: after.id } }];
  return ctx.em.find(Grant, where, { orderBy: [{ changedAt: 'desc' }, { id: 'desc' }], limit: size + 1 });
}

/** Grants by id, for the requests on a page (one query). */
export async function grantsByIds(ctx: RequestContext, ids: string[]): Promise<Map<string, Grant>> {
  if (ids.length === 0) return new Map();
  const grants = await ctx.em.find(Grant, { id: { $in: ids } });
  return new Map(grants.map((g) => [g.id, g]));
}

/** The versions of one grant, for either side of it. */
export async function grantHistory(ctx: RequestContext, grantId: string): Promise<{ grant: Grant; versions: GrantVersion[] }> {
  const dept = departmentOf(ctx);
  checkUuid(grantId, 'grantId');
  const grant = await ctx.em.findOne(Grant, { id: grantId });
  if (!grant || (grant.consumerCode !== dept && grant.providerCode !== dept)) throw new NotFoundError(`No grant ${grantId} for your department.`);
  return { grant, versions: await ctx.em.find(GrantVersion, { grantId }, { orderBy: { version: 'asc' } }) };
}
