// Trusted documents (issue 17): a client registers its operations by hash from the command line, then sends
// {"documentId": …}; per client OFF, ALLOW or REQUIRE; another client's document is not found; all of it audited.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { documentIdOf } from '../../src/documents/manifest.js';
import { runCli } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let dir: string;
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const A = `docs-a-${suffix}`;
const B = `docs-b-${suffix}`;
const VIEWER = 'query Viewer { viewer { client { id } roles } }';
const HOUSEHOLD = 'query Household($id: ID!) { householdRegistration(subjectId: $id) { name } }';
const env = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), LOG_LEVEL: 'warn' });

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query(text, params)).rows as T[];
}

/** POSTs a body as `clientId`, with the purpose the demo grants use. */
async function send(clientId: string, body: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.token(clientId)}`, 'content-type': 'application/json', 'x-sharehub-purpose': 'demo' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const codeOf = (r: { json: any }) => r.json.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestHub();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-docs-'));
  const [psb] = await sql<{ code: string }>("SELECT code FROM department WHERE short_code = 'psb'");
  for (const id of [A, B]) {
    await sql(`INSERT INTO client (id, name, department_code, kind, roles, is_enabled, created_at) VALUES ($1, $1, $2, 'MACHINE', '{SYSTEM}', true, now())`, [id, psb!.code]);
  }
  const manifest = { [documentIdOf(VIEWER).slice('sha256:'.length)]: VIEWER, [documentIdOf(HOUSEHOLD).slice('sha256:'.length)]: HOUSEHOLD };
  await fs.writeFile(path.join(dir, 'persisted-documents.json'), JSON.stringify(manifest));
  await fs.writeFile(path.join(dir, 'wrong-hash.json'), JSON.stringify({ [documentIdOf('query X { viewer { roles } }').slice(7)]: VIEWER }));
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('trusted documents', () => {
  it('a manifest with a wrong hash is refused whole, naming the entry; nothing is stored', async () => {
    const res = await runCli(['documents', 'add', '--client', A, '--file', path.join(dir, 'wrong-hash.json')], env());
    expect(res.code).toBe(1);
    expect(res.out).toContain('the hash is not the SHA-256 of its operation text');
    expect(await sql('SELECT 1 FROM trusted_document WHERE client_id = $1', [A])).toEqual([]);
  });

  it('the client preset’s manifest registers, audited; adding it again adds nothing', async () => {
    const res = await runCli(['documents', 'add', '--client', A, '--file', path.join(dir, 'persisted-documents.json')], env());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('registered 2 new document(s)');
    const again = await runCli(['documents', 'add', '--client', A, '--file', path.join(dir, 'persisted-documents.json')], env());
    expect(again.stdout).toContain('registered 0 new document(s)');
    const events = await sql<{ details: { client: string; added: string[] } }>(`SELECT details FROM audit_event WHERE action = 'documents.add' AND details->>'client' = $1`, [A]);
    expect(events).toHaveLength(1);
    expect(events[0]!.details.added.sort()).toEqual([documentIdOf(VIEWER), documentIdOf(HOUSEHOLD)].sort());
    const list = await runCli(['documents', 'list', '--client', A], env());
    expect(list.stdout).toContain(documentIdOf(HOUSEHOLD));
    expect(list.stdout).toContain('Household');
  });

  it('ALLOW (the default): the registered document by its id, and query text too', async () => {
    const byId = await send(A, { documentId: documentIdOf(VIEWER) });
    expect(byId.json).toEqual({ data: { viewer: { client: { id: A }, roles: ['SYSTEM'] } } });
    const bare = await send(A, { documentId: documentIdOf(VIEWER).slice(7), operationName: 'Viewer' });
    expect(bare.json.data.viewer.client.id).toBe(A);
    const withVariables = await send(A, { documentId: documentIdOf(HOUSEHOLD), variables: { id: '330102197512316137' } });
    expect(withVariables.json.data.householdRegistration).toEqual({ name: '唐翔' });
    expect((await send(A, { query: '{ viewer { roles } }' })).json.data.viewer.roles).toEqual(['SYSTEM']);
  });

  it('an unknown hash, a malformed id and both forms at once are refused with their own codes', async () => {
    const unknown = await send(A, { documentId: documentIdOf('query Other { viewer { roles } }') });
    expect([unknown.status, codeOf(unknown)]).toEqual([400, 'DOCUMENT_NOT_FOUND']);
    expect(codeOf(await send(A, { documentId: 'md5:abc' }))).toBe('BAD_REQUEST');
    expect(codeOf(await send(A, { documentId: documentIdOf(VIEWER), query: VIEWER }))).toBe('BAD_REQUEST');
  });

  it('a document registered by another client is not found for this one', async () => {
    const res = await send(B, { documentId: documentIdOf(VIEWER) });
    expect(codeOf(res)).toBe('DOCUMENT_NOT_FOUND');
    const [refusal] = await sql(`SELECT error_codes FROM audit_event WHERE action = 'request.refused' AND client_id = $1 ORDER BY seq DESC LIMIT 1`, [B]);
    expect(refusal?.error_codes).toEqual(['DOCUMENT_NOT_FOUND']);
  });

  it('REQUIRE: only registered documents; OFF: only query text', async () => {
    expect((await runCli(['documents', 'mode', '--client', A, 'require'], env())).code).toBe(0);
    expect((await runCli(['documents', 'mode', '--client', B, 'off'], env())).code).toBe(0);
    // Running hubs see a client's settings within their client cache's few seconds.
    await vi.waitFor(async () => expect(codeOf(await send(A, { query: VIEWER }))).toBe('TRUSTED_DOCUMENT_REQUIRED'), { timeout: 10_000, interval: 250 });
    expect((await send(A, { documentId: documentIdOf(VIEWER) })).json.data.viewer.client.id).toBe(A);
    await vi.waitFor(async () => expect(codeOf(await send(B, { documentId: documentIdOf(VIEWER) }))).toBe('TRUSTED_DOCUMENTS_OFF'), { timeout: 10_000, interval: 250 });
    expect((await send(B, { query: VIEWER })).json.data.viewer.client.id).toBe(B);
    expect(await sql(`SELECT details->>'mode' AS mode FROM audit_event WHERE action = 'documents.mode' AND details->>'client' = $1`, [A])).toEqual([{ mode: 'REQUIRE' }]);
  });

  it('a removed document is refused on the next request on a hub that had it cached', async () => {
    expect((await send(A, { documentId: documentIdOf(HOUSEHOLD), variables: { id: '330102197512316137' } })).json.data).toBeTruthy();
    const res = await runCli(['documents', 'remove', '--client', A, '--id', documentIdOf(HOUSEHOLD)], env());
    expect(res.code).toBe(0);
    await vi.waitFor(async () => expect(codeOf(await send(A, { documentId: documentIdOf(HOUSEHOLD), variables: { id: '330102197512316137' } }))).toBe('DOCUMENT_NOT_FOUND'), { timeout: 5_000, interval: 100 });
    expect(await sql(`SELECT 1 FROM audit_event WHERE action = 'documents.remove' AND details->>'client' = $1`, [A])).toHaveLength(1);
  });
});
