// `sharehub import` as an operator runs it: a bad line refuses its batch only, named by line and field; a rerun adds no versions.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { householdLike, publish, testPersons, uniqueCode } from '../support/catalog.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const CLI = path.resolve('dist/src/cli/main.js');
const LINES = 2_500;
const BAD_LINE = 1_700;

let t: TestHub;
let pool: Pool;
let code: string;
let dir: string;
const persons = testPersons(LINES, 41);

function run(args: string[]) {
  const env = { PATH: process.env.PATH, SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (exit) => resolve({ code: exit, stdout, stderr })));
}

/** Line n (1-based) of the file; `badAt` gets a gender outside the enum. */
function ndjson(badAt: number | null): string {
  return (
    persons
      .map((p, i) =>
        JSON.stringify({
          subjectId: p.idNumber,
          fields: { name: p.name, gender: i + 1 === badAt ? 'UNKNOWN' : p.gender, districtCode: p.regionCode, birthDate: p.birthDate, householdSize: 1 + (i % 5) },
        }),
      )
      .join('\n') + '\n'
  );
}

async function storedVersions(): Promise<Map<string, number>> {
  const rows = await pool.query<{ subject_id: string; version: number }>('SELECT subject_id, version FROM record WHERE resource_type_code = $1', [code]);
  return new Map(rows.rows.map((r) => [r.subject_id, r.version]));
}

async function importEvents() {
  const rows = await pool.query<{ outcome: string; department_code: string | null; details: Record<string, unknown>; subject_hashes: string[] }>(
    `SELECT outcome, department_code, details, subject_hashes FROM audit_event WHERE action = 'records.import' AND resource_types @> ARRAY[$1]::text[] ORDER BY seq`,
    [code],
  );
  return rows.rows;
}

beforeAll(async () => {
  t = await startTestHub();
  pool = (await t.db.orm.em.getConnection().getNativeClient()) as Pool;
  code = uniqueCode('t_import');
  await publish(await t.as('psb-admin'), householdLike(code));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-import-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('sharehub import', () => {
  it('a bad line refuses its batch only, naming the line and the field; a rerun of the fixed file adds no new versions', async () => {
    const file = path.join(dir, 'households.ndjson');
    await fs.writeFile(file, ndjson(BAD_LINE));
    const first = await run(['import', '--type', code, '--file', file, '--batch', '1000']);
    expect(first.code, first.stderr).toBe(2);
    expect(first.stderr).toContain(`line ${BAD_LINE}: gender must be one of MALE, FEMALE`);
    expect(first.stderr).toContain('lines 1001-2000: batch refused');
    expect(first.stdout).toContain('refused:  1 batch (1000 records, none written): lines 1001-2000');

    const afterFirst = await storedVersions();
    expect(afterFirst.size).toBe(1_500);
    persons.forEach((p, i) => expect(afterFirst.has(p.idNumber), `line ${i + 1}`).toBe(i < 1_000 || i >= 2_000));
    const changedBy = await pool.query('SELECT DISTINCT changed_by FROM record WHERE resource_type_code = $1', [code]);
    expect(changedBy.rows).toEqual([{ changed_by: 'cli:import' }]);

    const events = await importEvents();
    expect(events.map((e) => [e.outcome, e.details.firstLine, e.details.lastLine])).toEqual([
      ['SUCCESS', 1, 1000],
      ['REFUSED', 1001, 2000],
      ['SUCCESS', 2001, 2500],
    ]);
    expect(events[0]).toMatchObject({ department_code: '11330100MBDEM0015E', details: { file: 'households.ndjson', written: 1000, unchanged: 0 } });
    expect(events[0]!.subject_hashes).toHaveLength(1000);
    expect(events[1]!.details.problems).toEqual([{ line: BAD_LINE, field: 'gender' }]);
    expect(events[1]!.subject_hashes).toEqual([]);

    await fs.writeFile(file, ndjson(null));
    const second = await run(['import', '--type', code, '--file', file, '--batch', '1000']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('1000 new versions, 1500 records unchanged');
    const afterSecond = await storedVersions();
    expect(afterSecond.size).toBe(LINES);
    expect([...afterSecond.values()].every((v) => v === 1)).toBe(true);
    const history = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM record_version WHERE resource_type_code = $1', [code]);
    expect(history.rows[0]!.n).toBe(LINES);
    expect((await importEvents()).slice(3).map((e) => [e.outcome, e.details.written, e.details.unchanged])).toEqual([
      ['SUCCESS', 0, 1000],
      ['SUCCESS', 1000, 0],
      ['SUCCESS', 0, 500],
    ]);
    const verify = await run(['audit', 'verify']);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('invalid JSON and unknown keys are named by line; the valid batches are written', async () => {
    const file = path.join(dir, 'broken.ndjson');
    const some = testPersons(4, 42);
    const good = (i: number) => JSON.stringify({ subjectId: some[i]!.idNumber, fields: { name: some[i]!.name, gender: some[i]!.gender, districtCode: '330106' } });
    const other = uniqueCode('t_import');
    await publish(await t.as('psb-admin'), householdLike(other));
    await fs.writeFile(file, [good(0), '{"subjectId": ', '', good(1), `{"subjectID": "x", "fields": {}}`, good(2), good(3)].join('\n'));
    const res = await run(['import', '--type', other, '--file', file, '--batch', '2']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/line 2: \(line\) is not valid JSON/);
    expect(res.stderr).toContain('line 5: subjectID is not a key of an import line');
    const stored = await pool.query<{ subject_id: string }>('SELECT subject_id FROM record WHERE resource_type_code = $1', [other]);
    // Batches: lines 1-2 (refused), 4-5 (refused), 6-7 (written); line 3 is blank.
    expect(stored.rows.map((r) => r.subject_id).sort()).toEqual([some[2]!.idNumber, some[3]!.idNumber].sort());
  });

  it('an unknown --type is refused with exit 1, naming it', async () => {
    const file = path.join(dir, 'one.ndjson');
    await fs.writeFile(file, ndjson(null).split('\n')[0] + '\n');
    const res = await run(['import', '--type', 'no_such_type', '--file', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--type no_such_type: no such resource type in the catalog');
  });

  it('a missing file is refused with exit 1, naming it', async () => {
    const res = await run(['import', '--type', code, '--file', path.join(dir, 'absent.ndjson')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('absent.ndjson: no such file');
  });
});
