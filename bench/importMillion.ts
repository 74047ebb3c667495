// By hand (not in `npm run bench`): `sharehub import` of 100k and of 1M records, rows/s and the child's peak RSS for each.
// Run: npx tsc -p tsconfig.build.json && node dist/bench/importMillion.js [rows, default 1000000]
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { generatePersons, type DemoPerson } from '../src/demo/subjects.js';
import { startBenchDatabase, startBenchHub, type BenchDatabase } from './setup.js';

const CLI = path.resolve('dist/src/cli/main.js');
const SAMPLE_MS = 100;
const PUBLISH = `mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { code } } }`;

function say(line: string): void {
  process.stdout.write(line + '\n');
}

function resourceType(code: string) {
  const field = (name: string, type: string, required: boolean, extra: Record<string, unknown> = {}) => ({
    name,
    nameZh: name,
    type,
    sharing: 'UNCONDITIONAL',
    required,
    description: `${name}.`,
    ...extra,
  });
  return {
    code,
    nameZh: '导入测试',
    nameEn: 'Import bench',
    subjectKind: 'PERSON',
    description: 'A resource type made by the import bench.',
    fields: [
      field('name', 'STRING', true),
      field('gender', 'ENUM', true, { enumValues: ['MALE', 'FEMALE'] }),
      field('districtCode', 'STRING', true),
      field('address', 'STRING', false),
      field('birthDate', 'DATE', false),
      field('householdSize', 'INT', false),
    ],
  };
}

async function publishTypes(database: BenchDatabase, codes: string[]): Promise<void> {
  const hub = await startBenchHub(database);
  try {
    const token = await database.issuer.signClientToken('psb-admin', 600);
    for (const code of codes) {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: PUBLISH, variables: { input: resourceType(code) } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`publish ${code}: ${JSON.stringify(body.errors)}`);
    }
  } finally {
    await hub.close();
  }
}

/** Writes `count` lines of `persons` as NDJSON, waiting on the stream's buffer (the bench's own memory stays flat too). */
async function writeFile(file: string, persons: readonly DemoPerson[], count: number): Promise<number> {
  const out = fs.createWriteStream(file);
  for (let i = 0; i < count; i += 1) {
    const p = persons[i]!;
    const line = JSON.stringify({
      subjectId: p.idNumber,
      fields: { name: p.name, gender: p.gender, districtCode: p.regionCode, address: `${p.regionName}文三路${1 + (i % 999)}号`, birthDate: p.birthDate, householdSize: 1 + (i % 6) },
    });
    if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

interface ImportRun {
  code: number | null;
  seconds: number;
  peakRss: number;
  /** RSS when the progress log first reported at least this many lines. */
  rssAt: Map<number, number>;
  /** The heap still in use after each full (mark-compact) GC, from --trace-gc: what the import really holds. */
  liveHeaps: number[];
  summary: string;
}

async function runImport(database: BenchDatabase, code: string, file: string, milestones: number[]): Promise<ImportRun> {
  const env = { PATH: process.env.PATH, SHAREHUB_DEMO: '1', DATABASE_URL: database.url, SHAREHUB_DATA_DIR: database.dataDir, LOG_LEVEL: 'info' };
  const started = Date.now();
  const args = ['--trace-gc', CLI, 'import', '--type', code, '--file', file, '--batch', '1000'];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peakRss = 0;
  const rssAt = new Map<number, number>();
  const sample = () => {
    const m = child.pid ? memoryOf(child.pid) : null;
    if (m) peakRss = Math.max(peakRss, m.hwm, m.rss);
    return m;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  let summary = '';
  let errors = '';
  const liveHeaps: number[] = [];
  // --trace-gc writes to stdout: "[pid:0x…] 1437 ms: Mark-Compact 88.3 (182.8) -> 28.0 (165.7) MB, …"; the rest is the summary.
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const gc = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
    if (gc) liveHeaps.push(Number(gc[1]) * 1024 * 1024);
    else if (!line.startsWith('[')) summary += line + '\n';
  });
  // Progress is logged (JSON) every 2 s when stderr is not a terminal: the RSS at the first report past each milestone.
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    const done = /"msg":"(progress|finished)"/.test(line) ? Number(/"done":(\d+)/.exec(line)?.[1]) : NaN;
    if (!Number.isFinite(done)) {
      if (!line.startsWith('{')) errors += line + '\n';
      return;
    }
    const m = sample();
    for (const at of milestones) if (done >= at && !rssAt.has(at) && m) rssAt.set(at, m.rss);
  });
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (exit !== 0) throw new Error(`import exited ${exit}: ${errors || summary}`);
  return { code: exit, seconds: (Date.now() - started) / 1000, peakRss, rssAt, liveHeaps, summary: summary.trim() };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  const small = Math.min(100_000, total);
  if (!fs.existsSync('/proc/self/status')) throw new Error('this bench reads the child process memory from /proc (Linux)');
  say(`import bench: ${small} and ${total} records, batches of 1000, the child's RSS sampled every ${SAMPLE_MS} ms`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sharehub-import-bench-'));
  const database = await startBenchDatabase();
  try {
    const suffix = Date.now().toString(36);
    const codes = { small: `bench_import_small_${suffix}`, large: `bench_import_large_${suffix}` };
    await publishTypes(database, [codes.small, codes.large]);
    const smallFile = path.join(tmp, `persons-${small}.ndjson`);
    const largeFile = path.join(tmp, `persons-${total}.ndjson`);
    let persons: DemoPerson[] | null = generatePersons(total, 77);
    say(`  ${smallFile}: ${mb(await writeFile(smallFile, persons, small))}`);
    say(`  ${largeFile}: ${mb(await writeFile(largeFile, persons, total))}`);
    persons = null;

    const milestones = [100_000, 500_000, total];
    const runs: Array<[string, number, ImportRun]> = [];
    for (const [label, code, file, rows] of [
      [`${small} rows`, codes.small, smallFile, small],
      [`${total} rows`, codes.large, largeFile, total],
      [`${total} rows again (all unchanged)`, codes.large, largeFile, total],
    ] as const) {
      say(`\n${label} ...`);
      const run = await runImport(database, code, file, milestones);
      say(run.summary.replace(/^/gm, '  '));
      const at = [...run.rssAt].map(([n, rss]) => `${n / 1000}k: ${mb(rss)}`).join(', ');
      say(`  ${Math.round(rows / run.seconds)} rows/s over the whole process (${run.seconds.toFixed(1)} s); peak RSS ${mb(run.peakRss)}${at ? `; RSS at ${at}` : ''}`);
      const heaps = run.liveHeaps;
      if (heaps.length) say(`  live heap after each of ${heaps.length} full GCs: max ${mb(Math.max(...heaps))}, last ${mb(heaps.at(-1)!)}`);
      runs.push([label, rows, run]);
    }
    const [first, second] = [runs[0]![2], runs[1]![2]];
    const maxLive = (run: ImportRun) => Math.max(0, ...run.liveHeaps);
    say(`\n${total} rows ÷ ${small} rows: peak RSS ${(second.peakRss / first.peakRss).toFixed(2)}, max live heap ${(maxLive(second) / maxLive(first)).toFixed(2)}`);
    say('(1.00 = independent of the file size; RSS also holds garbage V8 has not yet collected, so it settles higher on a longer run)');
  } finally {
    await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`import bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
