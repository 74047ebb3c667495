// The record benches' baseline: a plain node:http server doing the least any hub must do to serve records
// (jose verify of the same JWT, one raw SELECT of the rows), answering in the hub's JSON shape.
import type http from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import pg from 'pg';
import { DEV_ISSUER, HUB_AUDIENCE } from '../src/auth/devIssuer.js';
import type { RecordFixture } from './recordFixture.js';
import type { BenchDatabase } from './setup.js';
import { Refusal, readBody, serveBaseline } from './baselineHttp.js';

const ONE_SQL = 'SELECT subject_id, version, changed_at, data FROM record WHERE resource_type_code = $1 AND subject_id = $2';
const MANY_SQL = 'SELECT subject_id, version, changed_at, data FROM record WHERE resource_type_code = $1 AND subject_id = ANY($2)';

interface RecordRow {
  subject_id: string;
  version: number;
  changed_at: Date;
  data: Record<string, unknown>;
}

/** The GraphQL body both sides are sent: the baseline reads only the variables. */
interface RecordRequestBody {
  variables?: { subjectId?: unknown; subjectIds?: unknown };
}

export interface RecordBaseline {
  url: string;
  close(): Promise<void>;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Starts the baseline on 127.0.0.1 (port 0), trusting the development issuer's client keys and reading the bench database. */
export async function startRecordBaseline(database: BenchDatabase, poolMax: number, fixture: RecordFixture): Promise<RecordBaseline> {
  const devIssuer = database.issuer.issuers.find((i) => i.kind === 'CLIENT');
  if (!devIssuer) throw new Error('record baseline: the development issuer has no client issuer entry');
  const keys = createLocalJWKSet(devIssuer.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const pool = new pg.Pool({ connectionString: database.url, max: poolMax });
  pool.on('error', () => undefined);

  /** The hub's record object for the query's selection: subjectId version updatedAt and the granted fields. */
  function view(row: RecordRow): Record<string, unknown> {
    const out: Record<string, unknown> = { subjectId: row.subject_id, version: row.version, updatedAt: row.changed_at.toISOString() };
    for (const field of fixture.fields) out[field] = row.data[field] ?? null;
    return out;
  }

  async function answer(req: http.IncomingMessage): Promise<unknown> {
    if (req.method !== 'POST' || req.url !== '/graphql') throw new Refusal(404);
    const token = /^Bearer +([A-Za-z0-9_\-.]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new Refusal(401);
    if (!req.headers['x-sharehub-purpose']) throw new Refusal(400);
    const body = JSON.parse(await readBody(req)) as RecordRequestBody;
    await jwtVerify(token, keys, {
      issuer: DEV_ISSUER,
      audience: HUB_AUDIENCE,
      algorithms: ['ES256'],
      clockTolerance: 60,
      requiredClaims: ['exp', 'iss', 'aud', 'sub'],
    }).catch(() => {
      throw new Refusal(401);
    });
    const { subjectId, subjectIds } = body.variables ?? {};
    if (isStringArray(subjectIds)) {
      const { rows } = await pool.query<RecordRow>(MANY_SQL, [fixture.code, subjectIds]);
      const bySubject = new Map(rows.map((r) => [r.subject_id, r]));
      // In the order asked, null for a subject without a record, as the hub answers.
      return { data: { [fixture.listQueryName]: subjectIds.map((id) => bySubject.get(id)).map((row) => (row ? view(row) : null)) } };
    }
    if (typeof subjectId !== 'string') throw new Refusal(400);
    const { rows } = await pool.query<RecordRow>(ONE_SQL, [fixture.code, subjectId]);
    const row = rows[0];
    return { data: { [fixture.singleQueryName]: row ? view(row) : null } };
  }

  return serveBaseline(answer, pool);
}
