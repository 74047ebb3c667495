// A test file's own database in the run's PostgreSQL (migrated, demo-seeded), for tests that tamper with
// tables the other test files write to.
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/orm.js';
import { silentProgress } from '../../src/demo/progress.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createLogger } from '../../src/log.js';

export async function createOwnDatabase(label: string): Promise<string> {
  const shared = new URL(inject('databaseUrl'));
  const name = `sharehub_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  shared.pathname = `/${name}`;
  const url = shared.toString();
  const logger = createLogger('silent');
  const db = await openDatabase(loadConfig({ SHAREHUB_DEMO: '1', DATABASE_URL: url, SHAREHUB_DATA_DIR: inject('dataDir') }), logger);
  try {
    await migrate(db.orm);
    await seedDemo(db.orm, logger, silentProgress);
  } finally {
    await db.close();
  }
  return url;
}
