// MikroORM over PostgreSQL: configuration, pool error handling, and the migrator with the committed migrations.
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from '../../entities/index.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { Logger } from '../log.js';

export type Orm = MikroORM;

export interface OrmOptions {
  url: string;
  logger: Logger;
  poolMax?: number;
  /** Serving only (migrations, seeding and tools run without): a statement running longer is cancelled by PostgreSQL. */
  statementTimeoutMs?: number;
  /** Serving only: how long a query waits for a free pooled connection before it fails. */
  poolWaitTimeoutMs?: number;
  /** Called with every SQL statement the ORM sends (statement counting in tests and benches). */
  onQuery?: (sql: string) => void;
  /** Where `sharehub migration create` writes new migrations (the source folder). */
  migrationsSourceDir?: string;
}

export function ormOptions(options: OrmOptions): Options {
  const { onQuery } = options;
  return {
    clientUrl: options.url,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    pool: { min: 0, max: options.poolMax ?? 20 },
    // Passed to pg's Pool: statement_timeout is set on every connection it opens; connectionTimeoutMillis bounds the
    // wait for a pooled connection (and for a new one to connect).
    driverOptions: {
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      ...(options.poolWaitTimeoutMs ? { connectionTimeoutMillis: options.poolWaitTimeoutMs } : {}),
    },
    debug: false,
    allowGlobalContext: false,
    ...(onQuery ? { onQuery: (sql: string) => (onQuery(sql), sql) } : {}),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: options.migrationsSourceDir ?? 'migrations',
      emit: 'ts',
      glob: 'Migration*.ts',
      snapshot: true,
      // Only `migration-create` maintains the snapshot; applying migrations must never write into the install.
      snapshotOnMigrate: false,
      migrationsList: options.migrationsSourceDir ? undefined : MIGRATIONS,
      silent: true,
    },
  };
}

/**
 * Connects the ORM. A dropped connection must never crash the process: errors on idle
 * pooled clients are logged here, and the query in flight fails on its own.
 */
export async function connectOrm(options: OrmOptions): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(options));
  const pool = await orm.em.getConnection().getNativeClient();
  pool.on('error', (error: Error) => options.logger.warn({ err: { message: error.message } }, 'database connection lost'));
  return orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  // All pending migrations in one transaction (as the migrator does by default), without the serving pool's
  // statement timeout: a migration of a large table may take longer than any request may.
  const connection = orm.em.getConnection();
  const applied = await connection.transactional(async (trx) => {
    await connection.execute('SET LOCAL statement_timeout = 0', [], 'run', trx);
    return orm.migrator.up({ transaction: trx });
  });
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await orm.migrator.getPending()).map((m) => m.name);
}
