// `sharehub coverage [--department <code>]`: the once-only coverage report as a table (default: the service center).
import stringWidth from 'string-width';
import { loadCatalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../log.js';
import { serviceItemCoverage } from '../services/serviceItems.js';
import { Department } from '../../entities/Department.js';

const DEFAULT_DEPARTMENT = 'service-center';

/** Pads by display width: a Chinese character takes two columns of a terminal. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Lays rows out as a table whose columns line up on a terminal, whatever the script. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export async function printCoverage(config: Config, options: { department?: string }): Promise<number> {
  const asked = (options.department ?? DEFAULT_DEPARTMENT).trim();
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 2 });
  try {
    const em = db.orm.em.fork();
    const departments = await em.find(Department, {}, { orderBy: { shortCode: 'asc' } });
    // A department is named by its short code (psb, hrss, ...) or by its unified social credit code.
    const department = departments.find((d) => d.shortCode === asked || d.code === asked.toUpperCase());
    if (!department) {
      process.stderr.write(`sharehub coverage: no department "${asked}". Departments:\n${formatTable(['short code', 'credit code', 'name'], departments.map((d) => [d.shortCode, d.code, d.name])).join('\n')}\n`);
      return 2;
    }
    const catalog = await loadCatalog(em);
    const certificateTypes = new Set(catalog.certificateTypes().map((t) => t.code));
    const report = await serviceItemCoverage({ em, catalog, now: new Date(), certificateTypes, isSourceDown: () => false }, department.code);
    const rows = report.map((r) => [r.item.code, r.item.name, `${r.resolvable}/${r.total}`, r.needing.map((n) => `${n.key}: ${n.reason}`).join('; ') || '—']);
    const out = formatTable(['service item', 'name', 'from shared data', 'still on paper (why)'], rows);
    const resolvable = report.reduce((n, r) => n + r.resolvable, 0);
    const total = report.reduce((n, r) => n + r.total, 0);
    out.push('', `total: ${resolvable} of ${total} materials resolvable from shared data for ${department.name} (${department.shortCode}) (${total ? Math.round((100 * resolvable) / total) : 0}%)`);
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  } finally {
    await db.close();
  }
}
