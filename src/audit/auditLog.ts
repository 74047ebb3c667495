// The audit log as a process runs it: the group-commit writer linked into the chain, and its signed checkpoints.
// (The hub also keeps its monthly partitions: src/audit/maintenance.ts.)
import pg, { type Pool } from 'pg';
import type { Config } from '../config.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import { chainKeyOf } from './chain.js';
import { Checkpointer } from './checkpoints.js';
import { AuditWriter } from './writer.js';

/**
 * Connections of the writer's own: a batch never queues for a connection behind the requests it holds up (on the
 * shared pool under load it waited for a free one before every commit). One commits at a time; one more spare.
 */
const WRITER_CONNECTIONS = 2;
/**
 * How often the outbox is swept: the events of changes whose instance died between commit and response are linked
 * by whichever instance sweeps next (each request links its own before it answers; this is only the crashed ones').
 */
const OUTBOX_SWEEP_MS = 5_000;

export interface AuditLog {
  writer: AuditWriter;
  checkpointer: Checkpointer;
  /** Writes what is queued, then a final checkpoint of the head. */
  close(): Promise<void>;
}

export async function startAuditLog(options: {
  pool: Pool;
  databaseUrl: string;
  keys: KeyStore;
  masterKey: Uint8Array;
  config: Config;
  logger: Logger;
  clock: () => Date;
}): Promise<AuditLog> {
  const { pool, keys, config, logger, clock } = options;
  const checkpointer = new Checkpointer({ pool, keys, every: config.audit.checkpointEvery, seconds: config.audit.checkpointSeconds, logger, clock });
  await checkpointer.start();
  const writerPool = new pg.Pool({ connectionString: options.databaseUrl, max: WRITER_CONNECTIONS });
  writerPool.on('error', (error: Error) => logger.warn({ err: { message: error.message } }, 'audit writer connection lost'));
  const writer = new AuditWriter({
    pool: writerPool,
    logger,
    maxBatch: config.audit.maxBatch,
    disabled: config.audit.disabled,
    chainKey: chainKeyOf(options.masterKey),
    clock,
    onHead: (seq, hash) => checkpointer.noteHead(seq, hash),
  });
  // A change committed by a process that died before linking its event: linked now (without holding up the start:
  // another writer may hold the chain), and by every sweep after.
  const linkOrphans = () => writer.linkOutbox().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'audit outbox not linked; the next sweep retries'));
  void linkOrphans();
  const sweep = setInterval(() => void linkOrphans(), OUTBOX_SWEEP_MS);
  sweep.unref();
  return {
    writer,
    checkpointer,
    async close() {
      clearInterval(sweep);
      await writer.close();
      await checkpointer.stop();
      await writerPool.end();
    },
  };
}
