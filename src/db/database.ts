// Opens the hub's database: the external one named by DATABASE_URL, or the embedded cluster under the data directory.
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { startEmbeddedPostgres } from './embedded.js';
import { connectOrm, type Orm, type OrmOptions } from './orm.js';
import { statementRunner, type StatementRunner } from './statements.js';

export interface Database {
  orm: Orm;
  url: string;
  /** Named prepared statements on the ORM's pool, counted by the same `onQuery` hook as the ORM's statements. */
  run: StatementRunner;
  /** Closes the pool, then stops the embedded cluster if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  logger: Logger,
  extra: Partial<Pick<OrmOptions, 'onQuery' | 'migrationsSourceDir' | 'poolMax' | 'statementTimeoutMs' | 'poolWaitTimeoutMs'>> = {},
): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger);
  const url = config.databaseUrl ?? embedded!.url;
  let orm: Orm;
  try {
    orm = await connectOrm({ url, logger, ...extra });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
  return {
    orm,
    url,
    run: statementRunner(pool, extra.onQuery),
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
