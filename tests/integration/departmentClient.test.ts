// The department client example (issue 17): `examples/department-client/` is generated (GraphQL Code Generator,
// client preset, persisted documents), type-checked and compiled with tsc, registered for a fresh client of the
// service center in REQUIRE mode, and run against a test hub as a department would run it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { documentIdOf } from '../../src/documents/manifest.js';
import { runCli } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const root = process.cwd();
const example = path.join(root, 'examples', 'department-client');
const manifestPath = path.join(example, 'src', 'gql', 'persisted-documents.json');
const CLIENT = `department-client-${process.pid}-${Date.now().toString(36)}`;
const CERTIFICATE = 'JHZ.11330100MBDEM00314.0000000001.01.X';
const CASE = 'HJ-2026-0042';
const env = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), LOG_LEVEL: 'warn' });

let t: TestHub;
let outDir: string;
let subjects: string[];
let withRecord: number;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs node on a script to its end, with only the given environment (and PATH). */
function node(args: string[], extraEnv: Record<string, string> = {}, cwd = root): Promise<Run> {
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH, ...extraEnv } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query(text, params)).rows as T[];
}

/** Generate (`graphql-codegen --config examples/department-client/codegen.ts`), then type-check and compile (tsc). */
async function buildExample(): Promise<void> {
  const codegen = await node([path.join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'examples/department-client/codegen.ts', '--silent']);
  expect(codegen.code, `graphql-codegen failed:\n${codegen.stdout}${codegen.stderr}`).toBe(0);
  const tsc = await node([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'examples/department-client/tsconfig.json', '--outDir', outDir]);
  expect(tsc.code, `the example does not type-check:\n${tsc.stdout}${tsc.stderr}`).toBe(0);
  await fs.writeFile(path.join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
}

async function startHub(): Promise<void> {
  t = await startTestHub();
  const [center] = await sql<{ code: string }>("SELECT code FROM department WHERE short_code = 'service-center'");
  await sql(`INSERT INTO client (id, name, department_code, kind, roles, is_enabled, created_at) VALUES ($1, $1, $2, 'MACHINE', '{SYSTEM}', true, now())`, [CLIENT, center!.code]);
  // 95 demo persons and 5 demo organizations (which hold no household registration): 100 subjects.
  const persons = await sql<{ id: string }>(`SELECT id FROM subject WHERE kind = 'PERSON' ORDER BY id LIMIT 95`);
  const organizations = await sql<{ id: string }>(`SELECT id FROM subject WHERE kind = 'ORGANIZATION' ORDER BY id LIMIT 5`);
  subjects = [...persons, ...organizations].map((s) => s.id).sort();
  const [{ n }] = (await sql<{ n: number }>(`SELECT count(DISTINCT subject_id)::int AS n FROM record WHERE resource_type_code = 'household_registration' AND subject_id = ANY($1)`, [subjects])) as [{ n: number }];
  withRecord = n;
}

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-department-client-'));
  await Promise.all([buildExample(), startHub()]);
  // The operator registers the generated manifest for the client and allows nothing else.
  const add = await runCli(['documents', 'add', '--client', CLIENT, '--file', manifestPath], env());
  expect(add.code, add.out).toBe(0);
  const mode = await runCli(['documents', 'mode', '--client', CLIENT, 'require'], env());
  expect(mode.code, mode.out).toBe(0);
});

afterAll(async () => {
  await t?.close();
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

describe('the department client example', () => {
  it('codegen writes the manifest the hub accepts: sha256 ids of the operation texts, on the documents too', async () => {
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest)).toHaveLength(2);
    for (const [id, text] of Object.entries(manifest)) expect(id).toBe(documentIdOf(text));
    const generated = await fs.readFile(path.join(example, 'src', 'gql', 'graphql.ts'), 'utf8');
    for (const id of Object.keys(manifest)) expect(generated).toContain(`"hash":"${id}"`);
    // Only hashes are compiled into the program (REQUIRE mode runs nothing else).
    expect(generated).not.toContain('"definitions"');
  });

  it('reads 100 subjects by registered document, handles withheld fields and null records, verifies a certificate', async () => {
    const run = await node([path.join(outDir, 'src', 'main.js'), ...subjects], {
      SHAREHUB_URL: `${t.url}/graphql`,
      SHAREHUB_TOKEN: await t.token(CLIENT),
      SHAREHUB_PURPOSE: 'demo',
      SHAREHUB_CASE: CASE,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(withRecord).toBeGreaterThan(0);
    // The service center holds the demo grant for household_registration's UNCONDITIONAL fields; address is CONDITIONAL.
    expect(summary).toMatchObject({
      purpose: 'demo',
      caseNumber: CASE,
      subjectsAsked: 100,
      recordsServed: withRecord,
      recordsNull: 100 - withRecord,
      recordsUnavailable: 0,
      fieldsWithheld: withRecord,
      withheldByField: { address: withRecord },
      unavailableSources: [],
      publishedCopies: [],
      otherErrors: {},
      certificate: { identifier: CERTIFICATE, status: 'VALID', authentic: true },
    });
    expect(run.stderr).toMatch(/withheld: householdRegistrations\.\d+\.address \(FIELD_FORBIDDEN\)/);
    // The reads are audited with the purpose and the case the program sent.
    const events = await sql<{ purpose: string; case_number: string }>(`SELECT purpose, case_number FROM audit_event WHERE client_id = $1 AND action = 'graphql.query'`, [CLIENT]);
    expect(events).toHaveLength(2);
    for (const e of events) expect(e).toEqual({ purpose: 'demo', case_number: CASE });
  });

  it('the same client sending query text is refused: REQUIRE mode is real', async () => {
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as Record<string, string>;
    const text = Object.values(manifest).find((q) => q.includes('householdRegistrations'))!;
    const send = async () => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await t.token(CLIENT)}`, 'content-type': 'application/json', 'x-sharehub-purpose': 'demo' },
        body: JSON.stringify({ query: text, variables: { subjectIds: subjects.slice(0, 1) } }),
      });
      return (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    };
    await vi.waitFor(async () => expect((await send()).errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED'), { timeout: 10_000, interval: 250 });
    expect((await send()).data ?? null).toBeNull();
  });

  it('a client without the documents registered is refused by the program with DOCUMENT_NOT_FOUND, exit 1', async () => {
    const run = await node([path.join(outDir, 'src', 'main.js'), subjects[0]!], {
      SHAREHUB_URL: `${t.url}/graphql`,
      SHAREHUB_TOKEN: await t.token('window-clerk'),
      SHAREHUB_CASE: CASE,
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error.codes).toEqual(['DOCUMENT_NOT_FOUND']);
  });

  it('a failed live source: its records are reported unavailable with the provider, not counted as missing', async () => {
    // No live source serves household registrations on the test hub: a stub answers as the hub does when one fails.
    const bodies: Array<Record<string, any>> = [];
    const stub = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = JSON.parse(raw);
        bodies.push({ ...body, purpose: req.headers['x-sharehub-purpose'], case: req.headers['x-sharehub-case'], authorization: req.headers.authorization });
        res.setHeader('content-type', 'application/graphql-response+json');
        res.setHeader('x-request-id', `stub-${bodies.length}`);
        if (body.operationName === 'VerifyCertificate') {
          res.end(JSON.stringify({ data: { verifyCertificate: { identifier: CERTIFICATE, authentic: true, status: 'VALID', validUntil: null, certificateType: null, issuer: null } } }));
          return;
        }
        const unavailable = { message: 'The live source is unavailable now', extensions: { code: 'SOURCE_UNAVAILABLE', resourceType: 'household_registration', provider: 'PSB-CODE' } };
        res.end(
          JSON.stringify({
            data: { householdRegistrations: [{ subjectId: 'a', name: '甲', gender: null, birthDate: null, districtCode: null, address: null }, null, null] },
            errors: [
              { message: 'No grant', path: ['householdRegistrations', 0, 'address'], extensions: { code: 'FIELD_FORBIDDEN', field: 'address' } },
              { ...unavailable, path: ['householdRegistrations', 1] },
            ],
            extensions: { sharehub: { fallbacks: ['social_insurance'] } },
          }),
        );
      });
    });
    stub.listen(0, '127.0.0.1');
    await once(stub, 'listening');
    try {
      const { port } = stub.address() as { port: number };
      const run = await node([path.join(outDir, 'src', 'main.js'), 'a', 'b', 'c'], { SHAREHUB_URL: `http://127.0.0.1:${port}/graphql`, SHAREHUB_TOKEN: 'stub-token', SHAREHUB_CASE: CASE });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        subjectsAsked: 3,
        recordsServed: 1,
        recordsNull: 1,
        recordsUnavailable: 1,
        fieldsWithheld: 1,
        unavailableSources: [{ provider: 'PSB-CODE', resourceType: 'household_registration' }],
        publishedCopies: ['social_insurance'],
        requestIds: ['stub-1', 'stub-2'],
      });
      expect(run.stderr).toContain('unavailable: householdRegistrations.1 (SOURCE_UNAVAILABLE from provider PSB-CODE; retry later)');
      // What goes on the wire: the document id the generator computed, never the text; purpose, case and token.
      const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as Record<string, string>;
      expect(bodies.map((b) => b.documentId).every((id) => id in manifest)).toBe(true);
      expect(bodies[0]).toMatchObject({ operationName: 'HouseholdRecords', variables: { subjectIds: ['a', 'b', 'c'] }, purpose: 'demo', case: CASE, authorization: 'Bearer stub-token' });
      expect(bodies[0]).not.toHaveProperty('query');
    } finally {
      stub.close();
    }
  });
});
