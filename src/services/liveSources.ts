// Live sources (接口共享): a provider's data administrator registers the department's subgraph as the source of a
// resource type (after its SDL is checked against the catalog), or unregisters it; administrators see each source's health.
import { recordChange } from '../audit/changes.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities/Client.js';
import { LiveSource, LiveSourceCredential } from '../../entities/LiveSource.js';
import type { ClientPrincipal } from '../auth/principal.js';
import type { CatalogEntry } from '../catalog/catalog.js';
import type { LiveSourceOrigins } from '../config.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { SourceCredentials, type SourceCredentialConfig } from '../live/credentials.js';
import { SourceFailure, type FailureCategory } from '../live/errors.js';
import { fetchServiceSdl } from '../live/protocol.js';
import { sourceSdlMismatches, type SdlMismatch } from '../live/sdlCheck.js';
import type { BreakerState, LiveSourceClient } from '../live/source.js';
import type { RequestContext } from '../server/context.js';

export const DEFAULT_SOURCE_TIMEOUT_MS = 3_000;
export const MIN_SOURCE_TIMEOUT_MS = 50;
export const MAX_SOURCE_TIMEOUT_MS = 30_000;
/** Reading the SDL at registration may take longer than a records call. */
const SDL_TIMEOUT_MS = 10_000;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export interface RegisterLiveSourceInput {
  resourceType: string;
  url: string;
  entityTypeName: string;
  keyField: string;
  timeoutMs?: number | null;
  credential: LiveSourceCredential;
  /** STATIC_BEARER: the bearer secret. */
  bearerToken?: string | null;
  /** CLIENT_CREDENTIALS: where and as whom the hub gets its tokens. */
  tokenEndpoint?: string | null;
  clientId?: string | null;
  clientSecret?: string | null;
  isFallbackToPublished?: boolean | null;
}

/** A registration as administrators see it: settings (never the secret) and this instance's view of its health. */
export interface LiveSourceStatus {
  resourceType: string;
  providerCode: string;
  url: string;
  entityTypeName: string;
  keyField: string;
  timeoutMs: number;
  credential: LiveSourceCredential;
  isFallbackToPublished: boolean;
  version: number;
  registeredAt: Date;
  state: BreakerState;
  health: SourceHealth;
  lastError: FailureCategory | null;
  lastErrorAt: Date | null;
  latencyP50: number | null;
}

/** A source's health in plain words, beside the breaker's state (which is jargon to most administrators). */
export type SourceHealth = 'HEALTHY' | 'DEGRADED' | 'UNAVAILABLE';

/** A failure this recent makes a source with a closed breaker DEGRADED rather than HEALTHY. */
const RECENT_FAILURE_MS = 60_000;

export function healthOf(state: BreakerState, lastErrorAt: Date | null, now: Date): SourceHealth {
  if (state === 'OPEN') return 'UNAVAILABLE';
  if (state === 'HALF_OPEN') return 'DEGRADED';
  return lastErrorAt && now.getTime() - lastErrorAt.getTime() < RECENT_FAILURE_MS ? 'DEGRADED' : 'HEALTHY';
}

/** The row as saved; the secret already sealed. */
export interface LiveSourceRegistration {
  resourceTypeCode: string;
  providerCode: string;
  url: string;
  entityTypeName: string;
  keyField: string;
  timeoutMs: number;
  credential: LiveSourceCredential;
  tokenEndpoint: string | null;
  clientId: string | null;
  secretJwe: string | null;
  isFallbackToPublished: boolean;
  registeredBy: string;
}

export function statusOf(client: LiveSourceClient, now: Date): LiveSourceStatus {
  const s = client.settings;
  return {
    resourceType: s.resourceType,
    providerCode: s.providerCode,
    url: s.url,
    entityTypeName: s.entityTypeName,
    keyField: s.keyField,
    timeoutMs: s.timeoutMs,
    credential: s.credential,
    isFallbackToPublished: s.isFallbackToPublished,
    version: s.version,
    registeredAt: s.registeredAt,
    state: client.state,
    health: healthOf(client.state, client.lastError?.at ?? null, now),
    lastError: client.lastError?.category ?? null,
    lastErrorAt: client.lastError?.at ?? null,
    latencyP50: client.latencyP50,
  };
}

function providerAdminOf(ctx: RequestContext, code: string): { admin: ClientPrincipal; entry: CatalogEntry } {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError("Only the provider's data administrator manages the live source of a resource type.");
  const entry = ctx.hub.catalog.get(code);
  if (!entry) throw new NotFoundError(`No resource type ${code}.`);
  if (entry.providerCode !== p.department.code) throw new ForbiddenError(`${code} is provided by another department; only its provider registers its live source.`);
  return { admin: p, entry };
}

/** The origins one department may register its live sources at (its own, as the operator listed them). */
export interface AllowedOrigins {
  departmentCode: string;
  origins: ReadonlySet<string>;
}

export function allowedOriginsOf(all: LiveSourceOrigins, departmentCode: string): AllowedOrigins {
  return { departmentCode, origins: all.get(departmentCode) ?? new Set() };
}

function httpUrlProblem(text: string, allowed: AllowedOrigins): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry credentials; give them as the credential fields';
  // The hub calls what is registered here from inside the government network: only the origins the operator listed
  // for this department, so that no department registers another's service as its own source.
  if (!allowed.origins.has(url.origin)) {
    return `is at ${url.origin}, which is not among the origins the hub may call for department ${allowed.departmentCode} (SHAREHUB_LIVE_SOURCE_ORIGINS)`;
  }
  return null;
}

/** Every problem with the input itself, before the source is asked anything. */
function inputProblems(input: RegisterLiveSourceInput, allowed: AllowedOrigins): SdlMismatch[] {
  const problems: SdlMismatch[] = [];
  const urlProblem = httpUrlProblem(input.url, allowed);
  if (urlProblem) problems.push({ field: 'url', problem: urlProblem });
  if (!GRAPHQL_NAME.test(input.entityTypeName)) problems.push({ field: 'entityTypeName', problem: 'must be a GraphQL type name' });
  if (!GRAPHQL_NAME.test(input.keyField)) problems.push({ field: 'keyField', problem: 'must be a GraphQL field name' });
  const timeout = input.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout < MIN_SOURCE_TIMEOUT_MS || timeout > MAX_SOURCE_TIMEOUT_MS) {
    problems.push({ field: 'timeoutMs', problem: `must be an integer from ${MIN_SOURCE_TIMEOUT_MS} to ${MAX_SOURCE_TIMEOUT_MS}` });
  }
  const given = { bearerToken: input.bearerToken, tokenEndpoint: input.tokenEndpoint, clientId: input.clientId, clientSecret: input.clientSecret };
  const needed: Record<LiveSourceCredential, Array<keyof typeof given>> = {
    NONE: [],
    STATIC_BEARER: ['bearerToken'],
    CLIENT_CREDENTIALS: ['tokenEndpoint', 'clientId', 'clientSecret'],
  };
  for (const [name, value] of Object.entries(given) as Array<[keyof typeof given, string | null | undefined]>) {
    const isNeeded = needed[input.credential].includes(name);
    if (isNeeded && !value) problems.push({ field: name, problem: `is required for ${input.credential}` });
    if (!isNeeded && value) problems.push({ field: name, problem: `is not used with ${input.credential}; leave it out` });
  }
  if (input.credential === LiveSourceCredential.CLIENT_CREDENTIALS && input.tokenEndpoint) {
    const problem = httpUrlProblem(input.tokenEndpoint, allowed);
    if (problem) problems.push({ field: 'tokenEndpoint', problem });
  }
  return problems;
}

function credentialConfigOf(input: RegisterLiveSourceInput): SourceCredentialConfig {
  switch (input.credential) {
    case LiveSourceCredential.NONE:
      return { kind: 'NONE' };
    case LiveSourceCredential.STATIC_BEARER:
      return { kind: 'STATIC_BEARER', secret: input.bearerToken ?? '' };
    case LiveSourceCredential.CLIENT_CREDENTIALS:
      return { kind: 'CLIENT_CREDENTIALS', tokenEndpoint: input.tokenEndpoint ?? '', clientId: input.clientId ?? '', clientSecret: input.clientSecret ?? '' };
  }
}

function refuse(what: string, problems: SdlMismatch[]): never {
  throw new BadUserInputError(`${what}: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}.`, { mismatches: problems });
}

/**
 * Reads the source's SDL (`_service { sdl }`, with the given credentials) and checks it against the resource type.
 * Refuses with BAD_USER_INPUT naming every mismatch; the source's own error text is never repeated.
 */
export async function inspectSource(entry: Pick<CatalogEntry, 'code' | 'fields' | 'providerCode'>, input: RegisterLiveSourceInput, origins: LiveSourceOrigins): Promise<void> {
  const problems = inputProblems(input, allowedOriginsOf(origins, entry.providerCode));
  if (problems.length) refuse(`The live source registration for ${entry.code} is not valid`, problems);
  const signal = AbortSignal.timeout(Math.max(SDL_TIMEOUT_MS, input.timeoutMs ?? 0));
  let sdl: string;
  try {
    sdl = await fetchServiceSdl(input.url, await new SourceCredentials(credentialConfigOf(input)).bearer(signal), signal);
  } catch (error) {
    const category = error instanceof SourceFailure ? error.category : 'UNREACHABLE';
    refuse(`The source did not answer { _service { sdl } }`, [{ field: 'url', problem: `answered ${category}` }]);
  }
  const mismatches = sourceSdlMismatches(sdl, entry, input.entityTypeName, input.keyField);
  if (mismatches.length) refuse(`The source does not fit ${entry.code} (${mismatches.length} mismatch${mismatches.length > 1 ? 'es' : ''})`, mismatches);
}

/** Saves a registration: a new one at version 1, or the next version of the existing one. */
export async function saveLiveSource(em: EntityManager, registration: LiveSourceRegistration, now: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(LiveSource, { resourceTypeCode: registration.resourceTypeCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const row = existing ?? tx.create(LiveSource, { ...registration, version: 0, registeredAt: now });
    Object.assign(row, registration, { version: (existing?.version ?? 0) + 1, registeredAt: now });
    tx.persist(row);
    await tx.flush();
    return row.version;
  });
}

export async function registerLiveSource(ctx: RequestContext, input: RegisterLiveSourceInput): Promise<LiveSourceStatus> {
  const { admin, entry } = providerAdminOf(ctx, input.resourceType);
  await inspectSource(entry, input, ctx.hub.liveSourceOrigins);
  const secret = input.bearerToken ?? input.clientSecret ?? null;
  const registration: LiveSourceRegistration = {
    resourceTypeCode: entry.code,
    providerCode: entry.providerCode,
    url: input.url,
    entityTypeName: input.entityTypeName,
    keyField: input.keyField,
    timeoutMs: input.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS,
    credential: input.credential,
    tokenEndpoint: input.tokenEndpoint ?? null,
    clientId: input.clientId ?? null,
    secretJwe: secret ? await ctx.hub.liveSources.sealSecret(secret) : null,
    isFallbackToPublished: input.isFallbackToPublished ?? false,
    registeredBy: admin.clientId,
  };
  const { secretJwe: _sealed, ...settings } = registration;
  await ctx.em.transactional(async (em) => {
    const version = await saveLiveSource(em, registration, ctx.now);
    await recordChange(ctx, em, { action: 'liveSource.register', resourceTypes: [entry.code], details: { ...settings, version } });
  });
  await ctx.hub.liveSources.announce();
  const client = ctx.hub.liveSources.sourceOf(entry.code);
  if (!client) throw new Error('the registry did not load the registration just saved');
  return statusOf(client, ctx.now);
}

export async function unregisterLiveSource(ctx: RequestContext, resourceType: string): Promise<void> {
  const { entry } = providerAdminOf(ctx, resourceType);
  await ctx.em.transactional(async (em) => {
    const deleted = await em.nativeDelete(LiveSource, { resourceTypeCode: entry.code });
    if (deleted === 0) throw new NotFoundError(`${entry.code} has no live source.`);
    await recordChange(ctx, em, { action: 'liveSource.unregister', resourceTypes: [entry.code] });
  });
  await ctx.hub.liveSources.announce();
}

/** The live sources of the administrator's own department, with this instance's view of their health. */
export function listLiveSources(ctx: RequestContext): LiveSourceStatus[] {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.DATA_ADMIN)) throw new ForbiddenError('Only data administrators see live sources.');
  return ctx.hub.liveSources
    .all()
    .filter((s) => s.settings.providerCode === p.department.code)
    .map((client) => statusOf(client, ctx.now))
    .sort((a, b) => a.resourceType.localeCompare(b.resourceType));
}
