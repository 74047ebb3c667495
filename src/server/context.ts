// The per-request context: built once per request, handed to every resolver and service.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import { AuditCollector } from '../audit/collector.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import { deriveMaskingKey } from '../authz/masking.js';
import { EMPTY_PLAN, type AccessPlan } from '../authz/plan.js';
import type { Catalog } from '../catalog/catalog.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { LiveSources } from '../live/registry.js';
import type { CertificateLookup } from '../services/serviceItems.js';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Logger } from '../log.js';
import type { LiveSourceOrigins } from '../config.js';
import type { CredentialDeps } from '../services/credentials.js';
import type { GrantCache } from '../services/grantCache.js';
import type { StatementRunner } from '../db/statements.js';

/** What the hub gives every request: long-lived, shared, read-only for the request. */
export interface HubDeps {
  /** The catalog as of this request's start (swapped as a whole when it changes). */
  catalog: Catalog;
  hashSubject: SubjectHasher;
  /** Secret from which per-consumer-department masking keys are derived. */
  maskingSecret: string;
  /** Signing keys of the hub and the departments. */
  keys: KeyStore;
  /** Where the hub's verifiable credentials point (issuers, status lists, contexts) and the status lists. */
  credentials: CredentialDeps;
  /** Finds the applicant's certificate of a type for an application's material (the certificates module). */
  certificates: CertificateLookup;
  /** Codes of the certificate types issued through the hub. */
  certificateTypes(): Promise<ReadonlySet<string>>;
  /** Whether a resource type's live source is down now (its circuit breaker is open). */
  isSourceDown(typeCode: string): boolean;
  /** Per department, the origins its live sources may be registered at (SHAREHUB_LIVE_SOURCE_ORIGINS). */
  liveSourceOrigins: LiveSourceOrigins;
  /** Registered live sources (in memory, reloaded on NOTIFY): a type with one is read from its provider's subgraph. */
  liveSources: LiveSources;
  /** GraphQL type and field names of the static schema: catalog entries may not take them. */
  reservedNames: ReadonlySet<string>;
  /** Tell every hub instance that the catalog changed (rebuild and swap the schema). */
  announceCatalogChange(): Promise<void>;
  /** Consumers' grants in memory, each read checking they are still current (src/services/grantCache.ts). */
  grantCache: GrantCache;
  /** Named prepared statements on the serving pool, for the hottest reads (src/db/statements.ts). */
  statements: StatementRunner;
}

export interface RequestContext {
  requestId: string;
  principal: Principal;
  /** One `now` for the whole operation, so every check in it agrees. */
  now: Date;
  /** A fork of the EntityManager: identity map and unit of work for this request only. */
  em: EntityManager;
  loaders: Loaders;
  /** Why the data is read (header `x-sharehub-purpose`); required for reads of shared data. */
  purpose: string | null;
  /** The case this read belongs to (header `x-sharehub-case`). */
  caseNumber: string | null;
  /** Decided once per operation before execution (access plan plugin); empty until then. */
  plan: AccessPlan;
  audit: AuditCollector;
  /** The HASH masking key of the caller's department, derived once per request ('' for a holder, who is never masked). */
  maskingKey(): Buffer | string;
  /** Resource types served from their published copy because their live source was down (response extensions). */
  fallbacks: Set<string>;
  logger: Logger;
  hub: HubDeps;
  /**
   * `isStale` is set by a read that found the grants its plan was made from changed: the request is executed again
   * (http.ts). An object, because Apollo hands resolvers a shallow copy of the context.
   */
  grantState: { isStale: boolean };
  /** The second execution after stale grants: planned on grants read per request, not on those in memory. */
  isGrantCacheBypassed: boolean;
}

export interface ContextInput {
  requestId: string;
  principal: Principal;
  now: Date;
  em: EntityManager;
  purpose: string | null;
  caseNumber: string | null;
  logger: Logger;
  hub: HubDeps;
  isGrantCacheBypassed?: boolean;
}

export function createRequestContext(input: ContextInput): RequestContext {
  // The fork and its loaders are made on first use: a read answered from the hub's own statements (a record by its
  // subject, planned on grants in memory) never touches the ORM, and forking it was a tenth of such a request's CPU.
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  const forked = () => (em ??= input.em.fork());
  // The hub's dependencies are copied so the whole request sees one catalog, even if it is swapped meanwhile.
  const { principal } = input;
  let maskingKey: Buffer | string | undefined;
  return {
    requestId: input.requestId,
    principal,
    now: input.now,
    purpose: input.purpose,
    caseNumber: input.caseNumber,
    logger: input.logger,
    hub: { ...input.hub },
    get em() {
      return forked();
    },
    get loaders() {
      return (loaders ??= createLoaders(forked));
    },
    plan: EMPTY_PLAN,
    audit: new AuditCollector(),
    fallbacks: new Set(),
    grantState: { isStale: false },
    isGrantCacheBypassed: input.isGrantCacheBypassed ?? false,
    maskingKey: () => (maskingKey ??= principal.kind === 'CLIENT' ? deriveMaskingKey(input.hub.maskingSecret, principal.department.code) : ''),
  };
}
