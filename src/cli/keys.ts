// `sharehub keys rotate --department <code>`: rotates a department's certificate signing key (old keys stay published), audited.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { startAuditLog } from '../audit/auditLog.js';
import { baseAuditEvent } from '../audit/base.js';
import { subjectHasher } from '../audit/subjectHash.js';
import { creditCodeProblem, normalizeSubjectId } from '../certs/identifiers.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';
import { rotateDepartmentKey } from '../services/signingKeys.js';

export async function rotateKeys(config: Config, options: { department: string }): Promise<void> {
  const department = normalizeSubjectId(options.department);
  const problem = creditCodeProblem(department);
  if (problem) throw new Error(`--department must be a department's unified social credit code: ${problem}`);
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, { poolMax: 2 });
  try {
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const known = await pool.query('SELECT 1 FROM department WHERE code = $1', [department]);
    if (known.rowCount === 0) throw new Error(`no department ${department} takes part in the hub`);
    const secrets = await resolveSecrets(config);
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const clock = () => new Date();
    const auditLog = await startAuditLog({ pool, databaseUrl: db.url, keys, masterKey: secrets.masterKey, config, logger, clock });
    try {
      const rotation = await rotateDepartmentKey(keys, department, clock());
      await auditLog.writer.write([
        {
          ...baseAuditEvent({ requestId: `cli:${randomUUID()}`, now: clock(), principal: null, purpose: null, caseNumber: null }, subjectHasher(secrets.subjectHashKey)),
          action: 'keys.rotate',
          operationName: 'sharehub keys rotate',
          details: { owner: department, kid: rotation.kid, retired: rotation.retiredKids },
        },
      ]);
      process.stdout.write(`rotated the signing key of ${department}: new kid ${rotation.kid}; ${rotation.retiredKids.length} key(s) retired and still published\n`);
    } finally {
      await auditLog.close();
    }
  } finally {
    await db.close();
  }
}
