// An operator's change from the command line: the database and the audit log opened together, the change made with
// its audit event in one transaction (operationName `sharehub …`), the event linked, everything closed again.
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { startAuditLog } from '../audit/auditLog.js';
import { baseAuditEvent } from '../audit/base.js';
import type { AuditEventInput } from '../audit/event.js';
import { outboxJson } from '../audit/outbox.js';
import { subjectHasher } from '../audit/subjectHash.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';

const INSERT_OUTBOX_SQL = 'INSERT INTO audit_outbox (event) VALUES ($1::jsonb)';

export interface CliChange<T> {
  result: T;
  /** The audit event's details; null when nothing changed or the change recorded its own event (eventOf). */
  details: Record<string, unknown> | null;
}

export interface CliTools {
  /** A connection in the change's transaction: what is done through it commits with the change's audit event. */
  pool: PoolClient;
  keys: KeyStore;
  now: Date;
  /** The command's audit event with these details, for a change that commits in a transaction of its own (insertOutboxEvents). */
  eventOf(details: Record<string, unknown>): AuditEventInput;
}

/**
 * Runs an operator's change in one transaction with its audit event (into the outbox), then links the event into the
 * chain before returning: a change that committed always has its event, even if the command dies before linking it.
 */
export async function runAudited<T>(config: Config, action: string, command: string, change: (tools: CliTools) => Promise<CliChange<T>>): Promise<T> {
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, { poolMax: 3 });
  try {
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const secrets = await resolveSecrets(config);
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const clock = () => new Date();
    const hashSubject = subjectHasher(secrets.subjectHashKey);
    const requestId = `cli:${randomUUID()}`;
    const eventOf = (details: Record<string, unknown>): AuditEventInput => ({
      ...baseAuditEvent({ requestId, now: clock(), principal: null, purpose: null, caseNumber: null }, hashSubject),
      action,
      operationName: command,
      details,
    });
    const auditLog = await startAuditLog({ pool, databaseUrl: db.url, keys, masterKey: secrets.masterKey, config, logger, clock });
    try {
      const client = await pool.connect();
      let result: T;
      try {
        await client.query('BEGIN');
        const done = await change({ pool: client, keys, now: clock(), eventOf });
        if (done.details) await client.query(INSERT_OUTBOX_SQL, [JSON.stringify(outboxJson(eventOf(done.details)))]);
        await client.query('COMMIT');
        result = done.result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await auditLog.writer.linkOutbox();
      return result;
    } finally {
      await auditLog.close();
    }
  } finally {
    await db.close();
  }
}
