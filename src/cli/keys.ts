// `sharehub keys rotate --department <code>`: rotates a department's certificate signing key (old keys stay published), audited.
import { creditCodeProblem, normalizeSubjectId } from '../certs/identifiers.js';
import type { Config } from '../config.js';
import { rotateDepartmentKey } from '../services/signingKeys.js';
import { runAudited } from './audited.js';

export async function rotateKeys(config: Config, options: { department: string }): Promise<void> {
  const department = normalizeSubjectId(options.department);
  const problem = creditCodeProblem(department);
  if (problem) throw new Error(`--department must be a department's unified social credit code: ${problem}`);
  const rotation = await runAudited(config, 'keys.rotate', 'sharehub keys rotate', async ({ pool, keys, now }) => {
    const known = await pool.query('SELECT 1 FROM department WHERE code = $1', [department]);
    if (known.rowCount === 0) throw new Error(`no department ${department} takes part in the hub`);
    const result = await rotateDepartmentKey(keys, department, now);
    return { result, details: { owner: department, kid: result.kid, retired: result.retiredKids } };
  });
  process.stdout.write(`rotated the signing key of ${department}: new kid ${rotation.kid}; ${rotation.retiredKids.length} key(s) retired and still published\n`);
}
