// `sharehub coverage [--department <code>]`: the once-only coverage report as a table (default: the service center).
import { loadCatalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { DEMO_DEPARTMENTS } from '../demo/subjects.js';
import { createLogger } from '../log.js';
import { serviceItemCoverage } from '../services/serviceItems.js';

export async function printCoverage(config: Config, options: { department?: string }): Promise<void> {
  const department = options.department ?? DEMO_DEPARTMENTS.find((d) => d.shortCode === 'service-center')!.code;
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 2 });
  try {
    const em = db.orm.em.fork();
    const catalog = await loadCatalog(em);
    const certificateTypes = new Set(catalog.certificateTypes().map((t) => t.code));
    const report = await serviceItemCoverage({ em, catalog, now: new Date(), certificateTypes, isSourceDown: () => false }, department);
    const rows = report.map((r) => [r.item.code, r.item.name, `${r.resolvable}/${r.total}`, r.needing.map((n) => `${n.key}: ${n.reason}`).join('; ') || '—']);
    const header = ['service item', 'name', 'from shared data', 'still on paper (why)'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => [...row[i]!].length)));
    const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ');
    const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
    const resolvable = report.reduce((n, r) => n + r.resolvable, 0);
    const total = report.reduce((n, r) => n + r.total, 0);
    out.push('', `total: ${resolvable} of ${total} materials resolvable from shared data for ${department} (${total ? Math.round((100 * resolvable) / total) : 0}%)`);
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await db.close();
  }
}
