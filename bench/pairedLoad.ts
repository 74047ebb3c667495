// One bench's measurement, given its two ready sides: the same-answer check, then load on each in alternation, as a BenchReport.
import type { BenchOptions, BenchReport } from './bench.js';
import { compareAlternately } from './compare.js';
import { measureLoad, type LoadFigure, type LoadPlan, type LoadRequest } from './load.js';
import { checkSameAnswer } from './sameAnswer.js';
import { databaseCpuSeconds } from './databaseCpu.js';
import type { BenchDatabase } from './setup.js';

export interface LabelledRequest {
  label: string;
  request: LoadRequest;
  /** CPU seconds the side's server process has used so far (ServerProcess.cpuSeconds): its CPU per request is reported. */
  cpuSeconds?: () => number | null;
}

/** One load run, with the CPU its server used per request when the side can tell. */
export async function measureWithCpu(request: LoadRequest, plan: LoadPlan, cpuSeconds?: () => number | null, databaseCpuSeconds?: () => number | null): Promise<LoadFigure> {
  const before = cpuSeconds?.() ?? null;
  const databaseBefore = databaseCpuSeconds?.() ?? null;
  const figure = await measureLoad(request, plan);
  const after = cpuSeconds?.() ?? null;
  const databaseAfter = databaseCpuSeconds?.() ?? null;
  const answered = figure.requests + (figure.warmupRequests ?? 0);
  if (answered === 0) return figure;
  const perRequest = (from: number | null, to: number | null) => (from === null || to === null ? undefined : ((to - from) * 1e6) / answered);
  const server = perRequest(before, after);
  const database = perRequest(databaseBefore, databaseAfter);
  return {
    ...figure,
    ...(server === undefined ? {} : { serverCpuUsPerRequest: server }),
    ...(database === undefined ? {} : { databaseCpuUsPerRequest: database }),
  };
}

export interface PairedLoad {
  name: string;
  baseline: LabelledRequest;
  subject: LabelledRequest;
  /** The lowest subject/baseline throughput ratio the bench accepts. */
  target: number;
  /** The run's plan, or one adjusted for this bench (fewer connections for heavy requests). */
  plan: LoadPlan;
}

/** With `database`, PostgreSQL's CPU per request is reported for both sides too (bench/databaseCpu.ts). */
export async function measurePair(pair: PairedLoad, { rounds, say, database }: Pick<BenchOptions, 'rounds' | 'say'> & { database?: Pick<BenchDatabase, 'dataDir'> }): Promise<BenchReport> {
  const databaseCpu = database ? () => databaseCpuSeconds(database.dataDir) : undefined;
  await checkSameAnswer(pair.name, pair.baseline.request, pair.subject.request);
  const side = ({ label, request, cpuSeconds }: LabelledRequest) => ({ label, measure: () => measureWithCpu(request, pair.plan, cpuSeconds, databaseCpu) });
  const result = await compareAlternately(side(pair.baseline), side(pair.subject), rounds, (label, round, figure) =>
    say(
      `  ${pair.name} ${label.padEnd(9)} run ${round}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors + figure.timeouts}` +
        (figure.serverCpuUsPerRequest === undefined ? '' : `, server CPU ${figure.serverCpuUsPerRequest.toFixed(0)} µs/request`) +
        (figure.databaseCpuUsPerRequest === undefined ? '' : `, PostgreSQL CPU ${figure.databaseCpuUsPerRequest.toFixed(0)} µs/request`),
    ),
  );
  say(`  ${pair.name}: ${pair.subject.label} answered ${result.subjectRequestsInAll} requests in all runs, warm-ups included (per-request figures of its profile)`);
  return {
    name: pair.name,
    baseline: { label: pair.baseline.label, figure: result.baseline },
    subject: { label: pair.subject.label, figure: result.subject },
    ratio: result.ratio,
    roundRatios: result.roundRatios,
    target: pair.target,
  };
}
