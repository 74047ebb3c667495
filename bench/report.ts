// The summary table of a bench run: a row per side, the subject's row with its ratio, the target and the verdict.
import type { BenchReport } from './bench.js';
import { isValidFigure, type LoadFigure } from './load.js';

/** The hub's resident memory under the bench's load (issue 15). */
const MAX_RSS_MB = 300;

export type Verdict = 'PASS' | 'BELOW' | 'INVALID';

/** INVALID when either side saw a non-2xx answer, an error or a timeout: such a ratio is not a figure. */
export function verdictOf(report: BenchReport): Verdict {
  if (!isValidFigure(report.baseline.figure) || !isValidFigure(report.subject.figure)) return 'INVALID';
  return report.ratio >= report.target ? 'PASS' : 'BELOW';
}

const COLUMNS = ['bench', 'side', 'req/s', 'p99 ms', 'requests', 'non-2xx', 'errors', 'ratio', 'rounds', 'p99 ×', 'CPU µs/req', 'PG µs/req', 'target', 'verdict'] as const;
/** Numbers align right, words left. */
const RIGHT = new Set<string>(['req/s', 'p99 ms', 'requests', 'non-2xx', 'errors', 'ratio', 'p99 ×', 'CPU µs/req', 'PG µs/req', 'target']);

function statusNote(figure: LoadFigure): string {
  const others = Object.entries(figure.statusCounts).filter(([status]) => !status.startsWith('2'));
  return others.length ? ` (${others.map(([status, count]) => `${status}×${count}`).join(', ')})` : '';
}

function cells(report: BenchReport, side: 'baseline' | 'subject'): string[] {
  const { label, figure } = report[side];
  const isSubject = side === 'subject';
  return [
    report.name,
    label,
    figure.requestsPerSecond.toFixed(0),
    figure.p99Ms.toFixed(1),
    String(figure.requests),
    `${figure.non2xx}${statusNote(figure)}`,
    String(figure.errors + figure.timeouts),
    isSubject ? report.ratio.toFixed(2) : '',
    // Every round's own ratio: the spread the median hides.
    isSubject ? report.roundRatios.map((r) => r.toFixed(2)).join(' ') : '',
    // The subject's p99 over the baseline's (median runs).
    isSubject && report.baseline.figure.p99Ms > 0 ? (figure.p99Ms / report.baseline.figure.p99Ms).toFixed(2) : '',
    figure.serverCpuUsPerRequest === undefined ? '' : figure.serverCpuUsPerRequest.toFixed(0),
    figure.databaseCpuUsPerRequest === undefined ? '' : figure.databaseCpuUsPerRequest.toFixed(0),
    isSubject ? `≥ ${report.target.toFixed(2)}` : '',
    isSubject ? verdictOf(report) : '',
  ];
}

export function formatSummary(reports: BenchReport[]): string {
  const rows = [[...COLUMNS] as string[], ...reports.flatMap((r) => [cells(r, 'baseline'), cells(r, 'subject')])];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (RIGHT.has(COLUMNS[i] ?? '') ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const memory = reports
    .filter((r) => r.hubPeakRssMb !== undefined && r.hubPeakRssMb !== null)
    .map((r) => `${r.name}: hub peak resident memory ${r.hubPeakRssMb!.toFixed(0)} MB (target ≤ ${MAX_RSS_MB} MB)`);
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line), ...(memory.length ? ['', ...memory] : [])].join('\n') + '\n';
}
