// `npm run bench:scale` (by hand: it writes a few GB): a record read by subject at 10,000,000 records of its type
// against the same at 1,000,000, in one run on one database and one hub. At each size: three unloaded passes (every
// one of the 1,000 queried subjects read once, one request at a time; the median of each pass) and one loaded run of
// the bench's shape (50 connections, one subject). Passes when the unloaded median at 10,000,000 is within 1.2× of
// that at 1,000,000 (issue 15). SCALE_RECORDS (10000000) sets the larger size; BENCH_SECONDS the loaded run's length.
import 'reflect-metadata';
import { median } from './compare.js';
import { measureLoad, type LoadPlan } from './load.js';
import { FIXTURE_RECORDS, growRecords, recordFixture, type RecordFixture } from './recordFixture.js';
import { recordRequest } from './recordRequests.js';
import { startBenchDatabase, startBenchHub } from './setup.js';

const TARGET = 1.2;
const PASSES = 3;
const LARGER = Number(process.env.SCALE_RECORDS ?? 10_000_000);
const PLAN: LoadPlan = { connections: 50, seconds: Number(process.env.BENCH_SECONDS ?? 10), warmupSeconds: 2 };

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Every queried subject read once, one at a time: the median milliseconds. */
async function unloadedPass(hubUrl: string, token: string, fixture: RecordFixture): Promise<number> {
  const times: number[] = [];
  for (const subjectId of fixture.subjectIds) {
    const request = recordRequest(hubUrl, token, fixture, subjectId);
    const started = performance.now();
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null });
    const body = (await res.json()) as { data?: Record<string, { subjectId?: string } | null>; errors?: unknown };
    times.push(performance.now() - started);
    if (res.status !== 200 || body.errors || body.data?.[fixture.singleQueryName]?.subjectId !== subjectId) {
      throw new Error(`scale: reading ${fixture.singleQueryName} answered ${res.status} ${JSON.stringify(body.errors ?? body.data)}`);
    }
  }
  return median(times);
}

interface SizeFigures {
  records: number;
  passes: number[];
  median: number;
  requestsPerSecond: number;
  p99Ms: number;
}

async function measureSize(records: number, hubUrl: string, token: string, fixture: RecordFixture): Promise<SizeFigures> {
  await unloadedPass(hubUrl, token, fixture); // warm-up: plans, caches, the index pages of the queried subjects
  const passes: number[] = [];
  for (let i = 0; i < PASSES; i += 1) passes.push(await unloadedPass(hubUrl, token, fixture));
  const subjectId = fixture.subjectIds[Math.floor(fixture.subjectIds.length / 2)]!;
  const loaded = await measureLoad(recordRequest(hubUrl, token, fixture, subjectId), PLAN);
  if (loaded.non2xx || loaded.errors || loaded.timeouts) throw new Error(`scale: the loaded run at ${records} records had failures: ${JSON.stringify(loaded.statusCounts)}`);
  const figures = { records, passes, median: median(passes), requestsPerSecond: loaded.requestsPerSecond, p99Ms: loaded.p99Ms };
  say(
    `  ${records.toLocaleString('en')} records: unloaded median ${passes.map((p) => p.toFixed(2)).join(' / ')} ms; ` +
      `loaded ${loaded.requestsPerSecond.toFixed(0)} req/s, p99 ${loaded.p99Ms} ms`,
  );
  return figures;
}

async function main(): Promise<number> {
  if (!(LARGER > FIXTURE_RECORDS)) throw new Error(`SCALE_RECORDS must be above ${FIXTURE_RECORDS}, not ${process.env.SCALE_RECORDS}`);
  say(`sharehub bench:scale: a record by subject at ${FIXTURE_RECORDS.toLocaleString('en')} and at ${LARGER.toLocaleString('en')} records; ${PASSES} unloaded passes of the 1,000 queried subjects and a loaded run (${PLAN.connections} connections, ${PLAN.seconds} s) at each`);
  const database = await startBenchDatabase();
  try {
    const fixture = await recordFixture(database, say);
    const token = await database.issuer.signClientToken(fixture.consumerClientId, 6 * 3_600);
    const hub = await startBenchHub(database);
    try {
      const smaller = await measureSize(FIXTURE_RECORDS, hub.url, token, fixture);
      say(`  growing the table to ${LARGER.toLocaleString('en')} records ...`);
      await growRecords(database, LARGER, say);
      const larger = await measureSize(LARGER, hub.url, token, fixture);
      const ratio = larger.median / smaller.median;
      say('');
      say('records       unloaded median ms (passes)     median   loaded req/s   loaded p99 ms');
      for (const f of [smaller, larger]) {
        say(`${f.records.toLocaleString('en').padEnd(12)}  ${f.passes.map((p) => p.toFixed(2)).join(' / ').padEnd(30)}  ${f.median.toFixed(2).padStart(6)}   ${f.requestsPerSecond.toFixed(0).padStart(12)}   ${String(f.p99Ms).padStart(13)}`);
      }
      say(`latency at ${LARGER.toLocaleString('en')} ÷ at ${FIXTURE_RECORDS.toLocaleString('en')}: ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'PASS' : 'BELOW'}`);
      return ratio <= TARGET ? 0 : 1;
    } finally {
      await hub.close();
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench:scale: ${error.stack ?? error.message}\n`);
    process.exit(2);
  },
);
