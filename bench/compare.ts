// Baseline against subject in alternation (A B A B A B ...), each side's median run counting, every run kept so the spread shows.
import type { LoadFigure } from './load.js';

export interface Side {
  label: string;
  measure(): Promise<LoadFigure>;
}

export interface Comparison {
  baseline: LoadFigure;
  subject: LoadFigure;
  /** Subject throughput over baseline throughput (median run each). */
  ratio: number;
  /** Each round's subject/baseline ratio, in order: their spread is the noise of the figure. */
  roundRatios: number[];
  /** Every request the subject answered in the comparison, warm-ups included: a profile of its process divides by this. */
  subjectRequestsInAll: number;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median of a side's runs: median throughput and median p99 (each over all runs), with the non-2xx answers,
 * errors and timeouts of all its runs: one bad run makes the side's figure invalid, however good the others were.
 */
export function medianOf(runs: LoadFigure[]): LoadFigure {
  const sum = (pick: (f: LoadFigure) => number) => runs.reduce((total, f) => total + pick(f), 0);
  const statusCounts: Record<string, number> = {};
  for (const run of runs) for (const [status, count] of Object.entries(run.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  return {
    requestsPerSecond: median(runs.map((f) => f.requestsPerSecond)),
    ...(runs.every((f) => f.serverCpuUsPerRequest !== undefined) ? { serverCpuUsPerRequest: median(runs.map((f) => f.serverCpuUsPerRequest!)) } : {}),
    ...(runs.every((f) => f.databaseCpuUsPerRequest !== undefined) ? { databaseCpuUsPerRequest: median(runs.map((f) => f.databaseCpuUsPerRequest!)) } : {}),
    p99Ms: median(runs.map((f) => f.p99Ms)),
    requests: sum((f) => f.requests),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    timeouts: sum((f) => f.timeouts),
    statusCounts,
  };
}

export async function compareAlternately(
  baseline: Side,
  subject: Side,
  rounds: number,
  onRun: (label: string, round: number, figure: LoadFigure) => void,
): Promise<Comparison> {
  const baselineRuns: LoadFigure[] = [];
  const subjectRuns: LoadFigure[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    // Which side goes first alternates too, so a drift of the machine within a round favours neither.
    const order = round % 2 === 1 ? ([[baseline, baselineRuns], [subject, subjectRuns]] as const) : ([[subject, subjectRuns], [baseline, baselineRuns]] as const);
    for (const [side, runs] of order) {
      const figure = await side.measure();
      runs.push(figure);
      onRun(side.label, round, figure);
    }
  }
  const figures = { baseline: medianOf(baselineRuns), subject: medianOf(subjectRuns) };
  const ratio = figures.baseline.requestsPerSecond > 0 ? figures.subject.requestsPerSecond / figures.baseline.requestsPerSecond : 0;
  const roundRatios = baselineRuns.map((b, i) => (b.requestsPerSecond > 0 ? (subjectRuns[i]?.requestsPerSecond ?? 0) / b.requestsPerSecond : 0));
  const subjectRequestsInAll = subjectRuns.reduce((total, f) => total + f.requests + (f.warmupRequests ?? 0), 0);
  return { ...figures, ratio, roundRatios, subjectRequestsInAll };
}
