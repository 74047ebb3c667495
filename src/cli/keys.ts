// `sharehub keys rotate --department <code>`: rotates a department's certificate signing key (old keys stay published), audited.
import { creditCodeProblem, normalizeSubjectId } from '../certs/identifiers.js';
import type { Config } from '../config.js';
import { rotateDepartmentKey } from '../services/signingKeys.js';
import { runAudited } from './audited.js';
import { insertOutboxEvents } from '../audit/outbox.js';

export async function rotateKeys(config: Config, options: { department: string }): Promise<void> {
  const department = normalizeSubjectId(options.department);
  const problem = creditCodeProblem(department);
  if (problem) throw new Error(`--department must be a department's unified social credit code: ${problem}`);
  const rotation = await runAudited(config, 'keys.rotate', 'sharehub keys rotate', async ({ pool, keys, now, eventOf }) => {
    const known = await pool.query('SELECT 1 FROM department WHERE code = $1', [department]);
    if (known.rowCount === 0) throw new Error(`no department ${department} takes part in the hub`);
    // The rotation commits in the key store's own transaction, with its event.
    const result = await rotateDepartmentKey(keys, department, now, (em, r) => insertOutboxEvents(em, [eventOf({ owner: department, kid: r.kid, retired: r.retiredKids })]));
    return { result, details: null };
  });
  process.stdout.write(`rotated the signing key of ${department}: new kid ${rotation.kid}; ${rotation.retiredKids.length} key(s) retired and still published\n`);
}
