// The viewer bench's baseline: a plain node:http server doing the least any hub must do for `viewer` (jose verify, one SELECT).
import type http from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import pg from 'pg';
import { DEV_ISSUER, HUB_AUDIENCE } from '../src/auth/devIssuer.js';
import type { IssuerConfig } from '../src/config.js';
import { Refusal, readBody, serveBaseline } from './baselineHttp.js';

/** The hub's client lookup (src/services/clients.ts, `populate: ['department']`): the same joined SELECT the ORM sends. */
const CLIENT_SQL = `
SELECT c.id, c.name, c.department_code, c.kind, c.roles, c.is_enabled, c.created_at,
  d.code AS d_code, d.short_code AS d_short_code, d.name AS d_name, d.name_en AS d_name_en, d.created_at AS d_created_at
FROM client c JOIN department d ON d.code = c.department_code
WHERE c.id = $1 AND c.is_enabled
LIMIT 1`;

interface ClientRow {
  id: string;
  name: string;
  roles: string[];
  d_code: string;
  d_name: string;
}

export interface ViewerBaseline {
  url: string;
  close(): Promise<void>;
}

/** Starts the baseline on 127.0.0.1 (port 0), trusting the development issuer's keys and reading `databaseUrl`. */
export async function startViewerBaseline(databaseUrl: string, devIssuer: IssuerConfig, poolMax: number): Promise<ViewerBaseline> {
  const keys = createLocalJWKSet(devIssuer.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  pool.on('error', () => undefined);

  async function answer(req: http.IncomingMessage): Promise<unknown> {
    if (req.method !== 'POST' || req.url !== '/graphql') throw new Refusal(404);
    const token = /^Bearer +([A-Za-z0-9_\-.]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new Refusal(401);
    // Read and parse the body as any JSON endpoint would; the query itself is fixed.
    JSON.parse(await readBody(req));
    const { payload } = await jwtVerify(token, keys, {
      issuer: DEV_ISSUER,
      audience: HUB_AUDIENCE,
      algorithms: ['ES256'],
      clockTolerance: 60,
      requiredClaims: ['exp', 'iss', 'aud', 'sub'],
    }).catch(() => {
      throw new Refusal(401);
    });
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : payload.sub;
    const { rows } = await pool.query<ClientRow>(CLIENT_SQL, [clientId]);
    const client = rows[0];
    if (!client) throw new Refusal(401);
    return {
      data: {
        viewer: {
          client: { id: client.id, name: client.name },
          department: { code: client.d_code, name: client.d_name },
          roles: [...client.roles],
        },
      },
    };
  }

  return serveBaseline(answer, pool);
}
