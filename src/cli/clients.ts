// `sharehub clients …`: the client registry as an operator manages it; here, each client's rate limit overrides
// (requests per second and burst), audited. Running hubs apply a change within CLIENT_CACHE_MS.
import { z } from 'zod';
import type { Config } from '../config.js';
import { CLIENT_CACHE_MS } from '../services/clients.js';
import { runAudited } from './audited.js';
import { formatTable } from './coverage.js';

export interface RateLimitOptions {
  client: string;
  perSecond?: string;
  burst?: string;
  /** Back to the configured defaults (SHAREHUB_RATE_LIMIT_PER_SECOND / _BURST). */
  default?: boolean;
}

/** The same bounds as the configured defaults (src/config.ts). */
const PER_SECOND = z.coerce.number().positive().max(1_000_000);
const BURST = z.coerce.number().int().positive().max(1_000_000);

function parsed<T>(schema: z.ZodType<T>, raw: string, option: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`${option} ${JSON.stringify(raw)}: ${result.error.issues[0]?.message ?? 'not valid'}`);
  return result.data;
}

interface Limits {
  perSecond: number | null;
  burst: number | null;
}

/** What the options ask for: each override given, or both back to the defaults. */
export function requestedLimits(options: RateLimitOptions): Partial<Limits> {
  if (options.default) {
    if (options.perSecond !== undefined || options.burst !== undefined) throw new Error('--default resets both overrides; give it alone');
    return { perSecond: null, burst: null };
  }
  if (options.perSecond === undefined && options.burst === undefined) throw new Error('give --per-second, --burst, or --default');
  return {
    ...(options.perSecond !== undefined ? { perSecond: parsed(PER_SECOND, options.perSecond, '--per-second') } : {}),
    ...(options.burst !== undefined ? { burst: parsed(BURST, options.burst, '--burst') } : {}),
  };
}

const shown = (v: number | null, config: number) => (v === null ? `${config} (default)` : String(v));

export async function setRateLimits(config: Config, options: RateLimitOptions): Promise<void> {
  const asked = requestedLimits(options);
  const limits = await runAudited(config, 'clients.rate_limits', 'sharehub clients limits', async ({ pool }) => {
    const { rows } = await pool.query<{ per_second: number | null; burst: number | null }>(
      `UPDATE client SET rate_limit_per_second = CASE WHEN $2 THEN $3::double precision ELSE rate_limit_per_second END,
         rate_limit_burst = CASE WHEN $4 THEN $5::int ELSE rate_limit_burst END
       WHERE id = $1 RETURNING rate_limit_per_second AS per_second, rate_limit_burst AS burst`,
      [options.client, 'perSecond' in asked, asked.perSecond ?? null, 'burst' in asked, asked.burst ?? null],
    );
    const row = rows[0];
    if (!row) throw new Error(`no client "${options.client}" is registered`);
    const result: Limits = { perSecond: row.per_second, burst: row.burst };
    return { result, details: { client: options.client, ...result } };
  });
  const { perSecond, burst } = config.overload.rateLimit;
  process.stdout.write(
    `${options.client}: ${shown(limits.perSecond, perSecond)} requests per second, burst ${shown(limits.burst, burst)}; running hubs apply it within ${CLIENT_CACHE_MS / 1000} s\n`,
  );
}

export async function listClients(config: Config): Promise<void> {
  const rows = await runAudited(config, 'clients.list', 'sharehub clients list', async ({ pool }) => {
    const { rows } = await pool.query<{ id: string; department: string; roles: string[]; is_enabled: boolean; per_second: number | null; burst: number | null }>(
      `SELECT c.id, d.short_code AS department, c.roles, c.is_enabled, c.rate_limit_per_second AS per_second, c.rate_limit_burst AS burst
       FROM client c JOIN department d ON d.code = c.department_code ORDER BY d.short_code, c.id`,
    );
    return { result: rows, details: null };
  });
  const { perSecond, burst } = config.overload.rateLimit;
  const table = formatTable(
    ['client', 'department', 'roles', 'enabled', 'per second', 'burst'],
    rows.map((r) => [r.id, r.department, r.roles.join(','), r.is_enabled ? 'yes' : 'no', shown(r.per_second, perSecond), shown(r.burst, burst)]),
  );
  process.stdout.write(`${table.join('\n')}\n`);
}
