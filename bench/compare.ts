// Baseline against subject in alternation (A B A B ...), keeping each side's best run to damp a shared machine's drift.
import type { LoadFigure } from './load.js';

export interface Side {
  label: string;
  measure(): Promise<LoadFigure>;
}

export interface Comparison {
  baseline: LoadFigure;
  subject: LoadFigure;
  /** Subject throughput over baseline throughput (best run each). */
  ratio: number;
}

/**
 * The best run of a side, but with the non-2xx answers, errors and timeouts of all its runs:
 * one bad run makes the side's figure invalid, however good its best run was.
 */
function bestOf(runs: LoadFigure[]): LoadFigure {
  const best = runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const sum = (pick: (f: LoadFigure) => number) => runs.reduce((total, f) => total + pick(f), 0);
  const statusCounts: Record<string, number> = {};
  for (const run of runs) for (const [status, count] of Object.entries(run.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  return { ...best, non2xx: sum((f) => f.non2xx), errors: sum((f) => f.errors), timeouts: sum((f) => f.timeouts), statusCounts };
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
    for (const [side, runs] of [
      [baseline, baselineRuns],
      [subject, subjectRuns],
    ] as const) {
      const figure = await side.measure();
      runs.push(figure);
      onRun(side.label, round, figure);
    }
  }
  const best = { baseline: bestOf(baselineRuns), subject: bestOf(subjectRuns) };
  const ratio = best.baseline.requestsPerSecond > 0 ? best.subject.requestsPerSecond / best.baseline.requestsPerSecond : 0;
  return { ...best, ratio };
}
