// `npm run soak`: the hub (`sharehub start`, a child process) under mixed load at about 70 % of the maximum measured
// first, while a background task suspends and reinstates a grant. Prints per interval (a minute; a third of the run
// when it is shorter than three minutes): throughput, p50/p99, errors by code, the hub's resident memory (the median
// of readings every 3 s) and its heap after the last full collection, PostgreSQL connections; at the end, audit
// events against responses and `sharehub audit verify`. Exit 0 when it passes: no error, memory flat after warm-up
// (last interval within 10 % of the second; resident memory only in runs of minutes), events = responses + recorded refusals,
// verify passes. SOAK_SECONDS (600), SOAK_CALIBRATE_SECONDS (20), DATABASE_URL (else an embedded PostgreSQL in a
// temporary directory), SHAREHUB_DATA_DIR (keys; else that directory).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadDevIssuer } from '../src/auth/devIssuer.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/orm.js';
import { silentProgress } from '../src/demo/progress.js';
import { seedDemo } from '../src/demo/seed.js';
import { resolveSecrets } from '../src/keys/secrets.js';
import { createLogger } from '../src/log.js';
import { grantChangeKind, GraphQLCaller, mixedKinds, percentile, prepareWorld, runLoad, type Answer, type Kind, type LoopSpec, type Tokens } from './mixedLoad.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli/main.js');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CALIBRATE_SECONDS = Number(process.env.SOAK_CALIBRATE_SECONDS ?? Math.min(20, Math.max(5, SECONDS / 6)));
const LOAD_SHARE = 0.7;
/** The mix by share of requests (grant changes: one loop on a grant of its own, so every change is allowed). */
const MIX: Array<[string, number, number]> = [
  // kind, share, loops
  ['recordRead', 0.35, 3],
  ['list100', 0.1, 2],
  ['verification', 0.25, 2],
  ['application', 0.1, 2],
  ['auditSearch', 0.1, 2],
  ['grantChange', 0.1, 1],
];
const BACKGROUND_CHANGES_PER_SECOND = 1;
/** How often the hub's resident memory is read. */
const RSS_SAMPLE_MS = 3_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

interface HubChild {
  child: ChildProcess;
  url: string;
  /** Its Prometheus metrics. */
  metricsUrl: string;
  /** Warning and error lines the hub logged (pino levels 40+). */
  problems: string[];
  exited: Promise<number | null>;
}

async function startHub(env: Record<string, string>): Promise<HubChild> {
  const child = spawn(process.execPath, [CLI, 'start'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const problems: string[] = [];
  let rest = '';
  let resolveUrls: (urls: { url: string; metricsUrl: string }) => void;
  const urls = new Promise<{ url: string; metricsUrl: string }>((resolve) => (resolveUrls = resolve));
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const url = /"url":"(http:[^"]+\/graphql)"/.exec(line)?.[1];
      const metricsUrl = /"metrics":"(http:[^"]+)"/.exec(line)?.[1];
      if (url && metricsUrl) resolveUrls({ url, metricsUrl });
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level >= 40 && problems.length < 1000) problems.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = await Promise.race([urls, exited.then((code) => Promise.reject(new Error(`the hub exited (${code}) before serving`)))]);
  return { child, ...started, problems, exited };
}

function rssMb(pid: number): Promise<number> {
  return fs.readFile(`/proc/${pid}/status`, 'utf8').then(
    (text) => Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? NaN) / 1024,
    () => NaN,
  );
}

/** The hub's heap right after its last full collection (its `sharehub_heap_live_bytes`), in MB (NaN before the
 * first), and how many full collections it has made. */
async function heapLive(metricsUrl: string): Promise<{ heap: number; fullCollections: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const bytes = Number(/^sharehub_heap_live_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
  const fullCollections = Number(/^sharehub_nodejs_gc_duration_seconds_count\{kind="major"\} (\S+)$/m.exec(text)?.[1] ?? 0);
  return { heap: bytes > 0 ? bytes / 1024 / 1024 : NaN, fullCollections };
}

function errorsByCode(answers: readonly Answer[]): Record<string, number> {
  const byCode: Record<string, number> = {};
  for (const a of answers) {
    const codes = a.status === 200 || a.status === null ? a.codes : a.codes.length ? a.codes : [`HTTP_${a.status}`];
    for (const code of codes) byCode[code] = (byCode[code] ?? 0) + 1;
  }
  return byCode;
}

async function main(): Promise<number> {
  const logger = createLogger('warn');
  const dataDir = process.env.SHAREHUB_DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-soak-')));
  let cluster: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    cluster = await startEmbeddedPostgres(dataDir, 30_000 + Math.floor(Math.random() * 20_000), logger);
    url = cluster.url;
  }
  const config = loadConfig({ SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: dataDir });
  const db = await openDatabase(config, logger);
  await migrate(db.orm);
  await seedDemo(db.orm, logger, silentProgress, { masterKey: (await resolveSecrets(config)).masterKey });
  await db.close();

  say(`soak: ${SECONDS} s at ${LOAD_SHARE * 100} % of the maximum measured over ${CALIBRATE_SECONDS} s; ${os.cpus().length} cores (a shared machine: figures vary with its other load)`);
  const hub = await startHub({
    SHAREHUB_DEMO: '1',
    DATABASE_URL: url,
    SHAREHUB_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    // info: the line naming its URL; the request lines that follow are read and dropped.
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    // The load's clients are departments' systems at their agreed rates: rate limits are not what is measured.
    SHAREHUB_RATE_LIMIT_PER_SECOND: '100000',
    SHAREHUB_RATE_LIMIT_BURST: '100000',
    // Its heap after each full collection, read off its metrics.
    SHAREHUB_METRICS_PORT: '0',
  }).catch(async (error: Error) => {
    await cluster?.stop();
    throw error;
  });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const issuer = await loadDevIssuer(dataDir);
    const tokenCache = new Map<string, Promise<string>>();
    const tokens: Tokens = { client: (id) => tokenCache.get(id) ?? (tokenCache.set(id, issuer.signClientToken(id, 6 * 3600)), tokenCache.get(id)!) };
    const caller = new GraphQLCaller(hub.url, tokens);
    const world = await prepareWorld(caller, { records: 300, flipGrants: 3 });
    const kinds = mixedKinds(world);
    const kindOf = (name: string): Kind => kinds[name]!;

    // The maximum: every loop unpaced, for a while.
    // (Grant changes on a grant of their own: the soak's start from ACTIVE.)
    const calibrationKind = (name: string) => (name === 'grantChange' ? grantChangeKind(name, world.flipGrants[2]!) : kindOf(name));
    const calibration = runLoad(caller, MIX.flatMap(([name, , loops]) => Array.from({ length: loops }, () => ({ kind: calibrationKind(name) }))), `soak-cal-${Date.now()}`);
    await new Promise((r) => setTimeout(r, CALIBRATE_SECONDS * 1000));
    const calibrated = await calibration.stop();
    const maximum = calibrated.length / CALIBRATE_SECONDS;
    const target = maximum * LOAD_SHARE;
    say(`maximum ${maximum.toFixed(1)} requests/s (errors ${JSON.stringify(errorsByCode(calibrated))}); soaking at ${target.toFixed(1)}/s`);

    // Grant changes: one loop each on a grant of its own.
    const loops: LoopSpec[] = MIX.flatMap(([name, share, count]) => Array.from({ length: count }, () => ({ kind: kindOf(name), rate: (target * share) / count })));
    loops.push({ kind: grantChangeKind('backgroundGrantChange', world.flipGrants[1]!), rate: BACKGROUND_CHANGES_PER_SECOND });
    const prefix = `soak-${Date.now()}`;
    const load = runLoad(caller, loops, prefix);
    const interval = SECONDS >= 180 ? 60 : SECONDS / 3;
    const rows: Array<{ rss: number; heap: number; fullCollections: number; connections: number }> = [];
    say('interval   req/s   p50 ms   p99 ms   rss MB   heap MB   pg conns   errors');
    for (let i = 1; i * interval <= SECONDS + 0.001; i += 1) {
      // Resident memory sampled every few seconds through the interval; its median is the interval's figure (one
      // reading swings by a third with the collector's rhythm, which is not growth).
      const samples: number[] = [];
      for (;;) {
        const wait = Math.min(RSS_SAMPLE_MS, i * interval * 1000 - load.now());
        if (wait <= 0) break;
        await new Promise((r) => setTimeout(r, wait));
        samples.push(await rssMb(hub.child.pid!));
      }
      const within = load.answers.filter((a) => a.sentAt >= (i - 1) * interval * 1000 && a.sentAt < i * interval * 1000);
      const ms = within.map((a) => a.ms).sort((x, y) => x - y);
      const rss = percentile(samples.sort((x, y) => x - y), 50);
      const { heap, fullCollections } = await heapLive(hub.metricsUrl);
      const connections = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()')).rows[0]!.n);
      rows.push({ rss, heap, fullCollections, connections });
      say(
        `${String(i).padStart(8)}   ${(within.length / interval).toFixed(1).padStart(5)}   ${percentile(ms, 50).toFixed(1).padStart(6)}   ${percentile(ms, 99).toFixed(1).padStart(6)}   ${rss.toFixed(0).padStart(6)}   ${heap.toFixed(1).padStart(7)}   ${String(connections).padStart(8)}   ${JSON.stringify(errorsByCode(within))}`,
      );
    }
    const answers = await load.stop();
    hub.child.kill('SIGTERM');
    await hub.exited;

    const delivered = answers.filter((a) => a.status !== null);
    const refused = delivered.filter((a) => a.status === 429 || a.status === 503);
    const { rows: events } = await pool.query<{ request_id: string; requests: number }>(
      `SELECT request_id, count(*) FILTER (WHERE action NOT LIKE 'grant.%' AND action <> 'application.material')::int AS requests
       FROM audit_event WHERE request_id LIKE $1 GROUP BY request_id`,
      [`${prefix}-%`],
    );
    const eventsByRequest = new Map(events.map((e) => [e.request_id, e.requests]));
    const requestEvents = events.reduce((n, e) => n + e.requests, 0);
    const recordedRefusals = refused.filter((a) => eventsByRequest.get(a.requestId) === 1).length;
    const served = delivered.length - refused.length;
    const outbox = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_outbox')).rows[0]!.n);
    const verify = spawn(process.execPath, [CLI, 'audit', 'verify'], { env: { PATH: process.env.PATH ?? '', SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let verifyOut = '';
    verify.stdout!.on('data', (c) => (verifyOut += c));
    verify.stderr!.on('data', (c) => (verifyOut += c));
    const verifyCode = await new Promise<number | null>((resolve) => verify.on('exit', resolve));

    const errors = errorsByCode(answers);
    // Memory after warm-up: the last interval against the second, both as resident memory and as the heap after a
    // full collection (the data the hub holds). In a run shorter than three minutes the intervals are not minutes and
    // resident memory is still warming up at the second (V8 raises its heap limit in steps over the first full
    // collections under load, some 30 s here): there only the heap is judged and resident memory is shown.
    const isShort = interval < 60;
    const fullCollectionsSince = (rows.at(-1)?.fullCollections ?? 0) - (rows[1]?.fullCollections ?? 0);
    const growth = (of: 'rss' | 'heap') => {
      const second = rows.slice(1).find((r) => Number.isFinite(r[of]))?.[of] ?? NaN;
      const last = rows.at(-1)?.[of] ?? NaN;
      return { second, last, change: (last - second) / second };
    };
    const rss = growth('rss');
    const heap = growth('heap');
    const memoryFailures = [
      !isShort && !(Math.abs(rss.change) <= 0.1) ? 'resident memory not flat' : null,
      // No full collection yet at interval 2: judged from the first interval after it that has one.
      Math.abs(heap.change) > 0.1 ? 'heap after full collections not flat' : null,
    ].filter((f): f is string => f !== null);
    say(`responses ${delivered.length} (served ${served}, refused ${refused.length}, of which recorded ${recordedRefusals}); request events ${requestEvents}; outbox left ${outbox}`);
    say(`errors by code ${JSON.stringify(errors)}; hub warnings/errors logged ${hub.problems.length}${hub.problems.length ? `: ${hub.problems.slice(0, 3).join(' | ')}` : ''}`);
    const shown = (g: ReturnType<typeof growth>) => `interval 2 ${g.second.toFixed(1)} MB, last ${g.last.toFixed(1)} MB (${(g.change * 100).toFixed(1)} %)`;
    say(`memory: resident ${shown(rss)}${isShort ? ' (not judged in a run this short)' : ''}; heap after full collection ${shown(heap)}, ${fullCollectionsSince} full collections since interval 2`);
    say(`audit verify (exit ${verifyCode}): ${verifyOut.trim().split('\n').at(-1)}`);
    const failures = [
      Object.keys(errors).length ? 'errors' : null,
      hub.problems.length ? 'hub logged warnings or errors' : null,
      ...memoryFailures,
      requestEvents !== served + recordedRefusals ? 'events ≠ responses + recorded refusals' : null,
      [...eventsByRequest.values()].some((n) => n > 1) ? 'a request with more than one request event' : null,
      outbox !== 0 ? 'events left in the outbox' : null,
      verifyCode !== 0 ? 'audit verify failed' : null,
    ].filter((f): f is string => f !== null);
    say(failures.length ? `soak FAILED: ${failures.join('; ')}` : 'soak passed');
    return failures.length ? 1 : 0;
  } finally {
    if (hub.child.exitCode === null && hub.child.signalCode === null) {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
    await pool.end();
    await cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`soak: ${error.stack ?? error.message}\n`);
    process.exit(2);
  },
);
