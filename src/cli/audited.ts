// An operator's change from the command line: the database and the audit log opened together, the change made, its
// audit event written (operationName `sharehub …`), everything closed again.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { startAuditLog } from '../audit/auditLog.js';
import { baseAuditEvent } from '../audit/base.js';
import { subjectHasher } from '../audit/subjectHash.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';

export interface CliChange<T> {
  result: T;
  /** The audit event's details; null when nothing changed (and so nothing is audited). */
  details: Record<string, unknown> | null;
}

export interface CliTools {
  pool: Pool;
  keys: KeyStore;
  now: Date;
}

export async function runAudited<T>(config: Config, action: string, command: string, change: (tools: CliTools) => Promise<CliChange<T>>): Promise<T> {
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, { poolMax: 2 });
  try {
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const secrets = await resolveSecrets(config);
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const clock = () => new Date();
    const auditLog = await startAuditLog({ pool, databaseUrl: db.url, keys, masterKey: secrets.masterKey, config, logger, clock });
    try {
      const { result, details } = await change({ pool, keys, now: clock() });
      if (details) {
        await auditLog.writer.write([
          {
            ...baseAuditEvent({ requestId: `cli:${randomUUID()}`, now: clock(), principal: null, purpose: null, caseNumber: null }, subjectHasher(secrets.subjectHashKey)),
            action,
            operationName: command,
            details,
          },
        ]);
      }
      return result;
    } finally {
      await auditLog.close();
    }
  } finally {
    await db.close();
  }
}
