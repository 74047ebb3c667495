// The contract between run.ts and a bench module: what a bench is given and what it reports back.
import type { LoadFigure, LoadPlan } from './load.js';
import type { BenchDatabase } from './setup.js';

export interface BenchOptions {
  /** The run's one seeded PostgreSQL; a bench starts its own hubs and baselines on it. */
  database: BenchDatabase;
  /** Connections, measured seconds and warm-up seconds of every load run. */
  plan: LoadPlan;
  /** Alternating rounds (A B, then B A, ...); each side's median run counts. */
  rounds: number;
  /** A progress line for the operator. */
  say(line: string): void;
}

export interface BenchReport {
  name: string;
  baseline: { label: string; figure: LoadFigure };
  subject: { label: string; figure: LoadFigure };
  /** Subject throughput over baseline throughput (median runs), both measured in this run. */
  ratio: number;
  /** Each alternated round's own ratio: their spread is the figure's noise. */
  roundRatios: number[];
  /** The lowest ratio the bench accepts. */
  target: number;
  /** The hub process's peak resident memory over the bench, MB, where measured. */
  hubPeakRssMb?: number | null;
}

export interface Bench {
  /** Short name, as in the summary table. */
  name: string;
  /** What is compared with what, one line. */
  description: string;
  run(options: BenchOptions): Promise<BenchReport>;
}
