// The per-request context: built once per request, handed to every resolver and service.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import { AuditCollector } from '../audit/collector.js';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Logger } from '../log.js';

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
  audit: AuditCollector;
  logger: Logger;
}

export interface ContextInput {
  requestId: string;
  principal: Principal;
  now: Date;
  em: EntityManager;
  purpose: string | null;
  caseNumber: string | null;
  logger: Logger;
}

export function createRequestContext(input: ContextInput): RequestContext {
  const em = input.em.fork();
  return { ...input, em, loaders: createLoaders(em), audit: new AuditCollector() };
}
