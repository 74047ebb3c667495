// `sharehub audit verify [--from <seq>]`: recompute the chain, check every checkpoint; exit 1 naming the first break.
import type { Pool } from 'pg';
import { AUDIT_KEY_OWNER } from '../audit/checkpoints.js';
import { verifyAuditChain } from '../audit/verify.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { KeyStore } from '../keys/keyStore.js';
import { resolveSecrets } from '../keys/secrets.js';
import { createLogger } from '../log.js';

export async function verifyAudit(config: Config, options: { from?: string }): Promise<number> {
  let from: bigint | undefined;
  if (options.from !== undefined) {
    if (!/^\d{1,19}$/.test(options.from)) throw new Error('--from must be a sequence number');
    from = BigInt(options.from);
  }
  const secrets = await resolveSecrets(config);
  const db = await openDatabase(config, createLogger('warn'), { poolMax: 2 });
  try {
    const keys = new KeyStore(db.orm.em, secrets.masterKey);
    const pool = (await db.orm.em.getConnection().getNativeClient()) as Pool;
    const client = await pool.connect();
    try {
      // One snapshot for the whole check, so events written meanwhile cannot confuse it.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await verifyAuditChain(client, secrets.masterKey, await keys.publicKeysOf(AUDIT_KEY_OWNER), from);
      await client.query('COMMIT');
      if (result.firstProblem) {
        process.stdout.write(`audit chain BROKEN at event ${result.firstProblem.seq}: ${result.firstProblem.problem}\n`);
        process.stdout.write(`checked ${result.events} events and ${result.checkpoints} checkpoints\n`);
        return 1;
      }
      const last = result.lastCheckpoint ? `last checkpoint at event ${result.lastCheckpoint.seq} (${result.lastCheckpoint.createdAt})` : 'no checkpoint yet';
      process.stdout.write(`audit chain OK: ${result.events} events, ${result.checkpoints} signed checkpoints verified; ${last}\n`);
      return 0;
    } finally {
      client.release();
    }
  } finally {
    await db.close();
  }
}
