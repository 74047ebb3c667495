// The audit log as a process runs it: the group-commit writer linked into the chain, its signed checkpoints, and the
// upkeep of its monthly partitions (made ahead, archived past retention).
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import { chainKeyOf } from './chain.js';
import { Checkpointer } from './checkpoints.js';
import { AuditMaintenance } from './maintenance.js';
import { AuditWriter } from './writer.js';

export interface AuditLog {
  writer: AuditWriter;
  checkpointer: Checkpointer;
  maintenance: AuditMaintenance;
  /** Writes what is queued, then a final checkpoint of the head. */
  close(): Promise<void>;
}

export async function startAuditLog(options: { pool: Pool; keys: KeyStore; masterKey: Uint8Array; config: Config; logger: Logger; clock: () => Date }): Promise<AuditLog> {
  const { pool, keys, config, logger, clock } = options;
  const checkpointer = new Checkpointer({ pool, keys, every: config.audit.checkpointEvery, seconds: config.audit.checkpointSeconds, logger, clock });
  await checkpointer.start();
  const maintenance = new AuditMaintenance({ pool, keys, masterKey: options.masterKey, config, logger, clock });
  await maintenance.start();
  const writer = new AuditWriter({
    pool,
    logger,
    maxBatch: config.audit.maxBatch,
    disabled: config.audit.disabled,
    chainKey: chainKeyOf(options.masterKey),
    clock,
    onHead: (seq, hash) => checkpointer.noteHead(seq, hash),
  });
  return {
    writer,
    checkpointer,
    maintenance,
    async close() {
      await maintenance.stop();
      await writer.close();
      await checkpointer.stop();
    },
  };
}
