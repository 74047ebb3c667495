// The client directory: registered clients with their department and roles, as the token verifier needs them.
// Cached per client id for a few seconds: the lookup was most of a request's cost (bench/viewer.ts). A disabled
// client or a role change therefore takes effect within CLIENT_CACHE_MS on every instance.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../entities/Client.js';
import type { DocumentMode } from '../../entities/TrustedDocument.js';
import type { ClientDirectory } from '../auth/tokens.js';

export const CLIENT_CACHE_MS = 5_000;

interface ClientRow {
  id: string;
  name: string;
  roles: Role[];
  code: string;
  short_code: string;
  department_name: string;
  name_en: string;
  document_mode: DocumentMode | null;
  rate_limit_per_second: number | null;
  rate_limit_burst: number | null;
}

const LOOKUP = `SELECT c.id, c.name, c.roles, c.document_mode, d.code, d.short_code, d.name AS department_name, d.name_en,
  c.rate_limit_per_second, c.rate_limit_burst
  FROM client c JOIN department d ON d.code = c.department_code WHERE c.id = ? AND c.is_enabled`;

/** A client's rate limit overrides in the registry; null: the configured default. */
export interface ClientRateLimits {
  perSecond: number | null;
  burst: number | null;
}

type Entry = { client: Awaited<ReturnType<ClientDirectory>>; rateLimits: ClientRateLimits | null };

export interface CachedClientDirectory {
  lookup: ClientDirectory;
  /** Named invalidation: drop one client (after it is changed or disabled here). */
  forget(clientId: string): void;
  /** The client's rate limit overrides, from the same (cached) row as its lookup: no statement of its own. */
  rateLimits(clientId: string): Promise<ClientRateLimits | null>;
}

export function clientDirectory(em: EntityManager, now: () => number = Date.now): CachedClientDirectory {
  const cache = new Map<string, { at: number; value: Promise<Entry> }>();
  const load = async (clientId: string): Promise<Entry> => {
    const [row] = await em.fork().execute<ClientRow[]>(LOOKUP, [clientId]);
    if (!row) return { client: null, rateLimits: null };
    return {
      client: {
        kind: 'CLIENT',
        clientId: row.id,
        clientName: row.name,
        department: { code: row.code, shortCode: row.short_code, name: row.department_name, nameEn: row.name_en },
        roles: [...row.roles],
        documentMode: row.document_mode,
      },
      rateLimits: { perSecond: row.rate_limit_per_second, burst: row.rate_limit_burst },
    };
  };
  const entry = (clientId: string): Promise<Entry> => {
    const hit = cache.get(clientId);
    if (hit && now() - hit.at < CLIENT_CACHE_MS) return hit.value;
    const value = load(clientId);
    cache.set(clientId, { at: now(), value });
    // A failed lookup (database down) is not remembered.
    value.catch(() => cache.delete(clientId));
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return value;
  };
  return {
    lookup: async (clientId) => (await entry(clientId)).client,
    forget(clientId) {
      cache.delete(clientId);
    },
    rateLimits: async (clientId) => (await entry(clientId)).rateLimits,
  };
}
