// `npm run bench`: one seeded PostgreSQL, every bench in BENCHES against its same-run baseline, then the summary table.
// BENCH_SECONDS=n sets the measured seconds of every run (default 10); BENCH_ONLY=name[,name] runs only those benches.
import 'reflect-metadata';
import type { Bench, BenchReport } from './bench.js';
import type { LoadPlan } from './load.js';
import { formatSummary, verdictOf } from './report.js';
import { startBenchDatabase } from './setup.js';
import { applicationBench } from './application.js';
import { auditBench } from './audit.js';
import { certificateBench } from './certificate.js';
import { recordBench } from './record.js';
import { records1000Bench } from './records1000.js';
import { liveBench } from './live.js';
import { viewerBench } from './viewer.js';

/** Every bench, in the order they run. A new bench is a module exporting a Bench, added here. */
const BENCHES: Bench[] = [viewerBench, auditBench, recordBench, records1000Bench, liveBench, certificateBench, applicationBench];

const CONNECTIONS = 50;
const ROUNDS = 3;
const DEFAULT_SECONDS = 10;
/** How long teardown may take before the process is ended anyway: the bench must never hang a CI job. */
const EXIT_GRACE_MS = 15_000;

function say(line: string): void {
  process.stdout.write(line + '\n');
}

/** BENCH_SECONDS shortens (or lengthens) every measured run; the warm-up is a fifth of it, 1 to 2 seconds. */
function planFromEnv(env: NodeJS.ProcessEnv): LoadPlan {
  const raw = env.BENCH_SECONDS;
  const seconds = raw === undefined || raw === '' ? DEFAULT_SECONDS : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    throw new Error(`BENCH_SECONDS: must be a number of seconds from 1 to 600, not ${JSON.stringify(raw)}`);
  }
  return { connections: CONNECTIONS, seconds, warmupSeconds: Math.min(2, Math.max(1, Math.round(seconds / 5))) };
}

/** BENCH_ONLY names the benches to run, comma-separated; unset or empty, all of them. An unknown name is refused. */
function benchesFromEnv(env: NodeJS.ProcessEnv): Bench[] {
  const names = (env.BENCH_ONLY ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) return BENCHES;
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) throw new Error(`BENCH_ONLY: no bench ${unknown.join(', ')}; the benches are ${BENCHES.map((b) => b.name).join(', ')}`);
  return BENCHES.filter((b) => names.includes(b.name));
}

async function main(): Promise<number> {
  const plan = planFromEnv(process.env);
  const benches = benchesFromEnv(process.env);
  say(
    `sharehub bench: ${plan.connections} connections, ${plan.warmupSeconds} s warm-up + ${plan.seconds} s measured per run, ` +
      `baseline and subject alternated ${ROUNDS}× (median run of each counts), each server and each load generator in its own process`,
  );
  say('starting an embedded PostgreSQL with the demo seed ...');
  const started = Date.now();
  const database = await startBenchDatabase();
  say(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const reports: BenchReport[] = [];
  let failed = false;
  try {
    for (const bench of benches) {
      say(`\n${bench.name}: ${bench.description}`);
      try {
        reports.push(await bench.run({ database, plan, rounds: ROUNDS, say }));
      } catch (error) {
        failed = true;
        say(`  ${bench.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await database.close();
  }
  say('');
  process.stdout.write(formatSummary(reports));
  say('\nratio = subject req/s ÷ baseline req/s (median of the runs), both measured in this run; rounds = each round\'s own ratio; p99 × = subject p99 ÷ baseline p99.');
  say('a miss is reported, not failed on.');
  const invalid = reports.filter((r) => verdictOf(r) === 'INVALID');
  for (const r of invalid) say(`${r.name}: INVALID — some answers were not 2xx or failed; its ratio is not a figure.`);
  return failed || invalid.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => {
      process.stderr.write('bench: teardown left something running; exiting anyway\n');
      process.exit(code);
    }, EXIT_GRACE_MS).unref();
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
