// One bench's measurement, given its two ready sides: the same-answer check, then load on each in alternation, as a BenchReport.
import type { BenchOptions, BenchReport } from './bench.js';
import { compareAlternately } from './compare.js';
import { measureLoad, type LoadPlan, type LoadRequest } from './load.js';
import { checkSameAnswer } from './sameAnswer.js';

export interface LabelledRequest {
  label: string;
  request: LoadRequest;
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

export async function measurePair(pair: PairedLoad, { rounds, say }: Pick<BenchOptions, 'rounds' | 'say'>): Promise<BenchReport> {
  await checkSameAnswer(pair.name, pair.baseline.request, pair.subject.request);
  const side = ({ label, request }: LabelledRequest) => ({ label, measure: () => measureLoad(request, pair.plan) });
  const result = await compareAlternately(side(pair.baseline), side(pair.subject), rounds, (label, round, figure) =>
    say(`  ${pair.name} ${label.padEnd(9)} run ${round}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors + figure.timeouts}`),
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
