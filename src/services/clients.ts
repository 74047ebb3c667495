// The client directory: registered clients with their department and roles, as the token verifier needs them.
// Cached per client id for a few seconds: the lookup was most of a request's cost (bench/viewer.ts). A disabled
// client or a role change therefore takes effect within CLIENT_CACHE_MS on every instance.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../entities/Client.js';
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
}

const LOOKUP = `SELECT c.id, c.name, c.roles, d.code, d.short_code, d.name AS department_name, d.name_en
  FROM client c JOIN department d ON d.code = c.department_code WHERE c.id = ? AND c.is_enabled`;

export interface CachedClientDirectory {
  lookup: ClientDirectory;
  /** Named invalidation: drop one client (after it is changed or disabled here). */
  forget(clientId: string): void;
}

export function clientDirectory(em: EntityManager, now: () => number = Date.now): CachedClientDirectory {
  const cache = new Map<string, { at: number; value: Promise<Awaited<ReturnType<ClientDirectory>>> }>();
  const load: ClientDirectory = async (clientId) => {
    const [row] = await em.fork().execute<ClientRow[]>(LOOKUP, [clientId]);
    if (!row) return null;
    return {
      kind: 'CLIENT',
      clientId: row.id,
      clientName: row.name,
      department: { code: row.code, shortCode: row.short_code, name: row.department_name, nameEn: row.name_en },
      roles: [...row.roles],
    };
  };
  return {
    lookup(clientId) {
      const hit = cache.get(clientId);
      if (hit && now() - hit.at < CLIENT_CACHE_MS) return hit.value;
      const value = load(clientId);
      cache.set(clientId, { at: now(), value });
      // A failed lookup (database down) is not remembered.
      value.catch(() => cache.delete(clientId));
      if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      return value;
    },
    forget(clientId) {
      cache.delete(clientId);
    },
  };
}

const RATE_LIMITS = 'SELECT rate_limit_per_second, rate_limit_burst FROM client WHERE id = ?';

/** A client's rate limit overrides from the registry (null: the configured defaults), cached like the directory. */
export function clientRateLimits(em: EntityManager, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; value: Promise<{ perSecond: number | null; burst: number | null } | null> }>();
  return (clientId: string) => {
    const hit = cache.get(clientId);
    if (hit && now() - hit.at < CLIENT_CACHE_MS) return hit.value;
    const value = em
      .fork()
      .execute<Array<{ rate_limit_per_second: number | null; rate_limit_burst: number | null }>>(RATE_LIMITS, [clientId])
      .then(([row]) => (row ? { perSecond: row.rate_limit_per_second, burst: row.rate_limit_burst } : null));
    cache.set(clientId, { at: now(), value });
    value.catch(() => cache.delete(clientId));
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return value;
  };
}
