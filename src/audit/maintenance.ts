// What a running hub does for the audit log's storage, at start and every hour: makes the coming months' partitions
// and, when a retention is set, archives the months past it. Failures are logged and retried next time, never fatal.
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import type { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import { archiveAuditMonths, retentionCutoff, type ArchivedMonth } from './archive.js';
import { ensurePartitions } from './partitions.js';

const EVERY_MS = 3_600_000;

export interface AuditMaintenanceOptions {
  pool: Pool;
  keys: KeyStore;
  masterKey: Uint8Array;
  config: Config;
  logger: Logger;
  clock: () => Date;
}

export class AuditMaintenance {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ArchivedMonth[]> | null = null;

  constructor(private readonly options: AuditMaintenanceOptions) {}

  /** Makes this month's partitions before the first request, then archives in the background and every hour. */
  async start(): Promise<void> {
    await ensurePartitions(this.options.pool, this.options.clock());
    void this.run();
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  /** One round (joined if one is under way): partitions ahead, then the months past retention. The months archived. */
  run(): Promise<ArchivedMonth[]> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<ArchivedMonth[]> {
    const { pool, keys, masterKey, config, logger, clock } = this.options;
    try {
      await ensurePartitions(pool, clock());
      if (config.audit.retentionMonths === null) return [];
      const before = retentionCutoff(clock(), config.audit.retentionMonths);
      const { archived } = await archiveAuditMonths({ pool, keys, masterKey, dir: config.audit.archiveDir, logger, clock }, before);
      return archived;
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, 'audit maintenance failed; retrying at the next round');
      return [];
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
