// A test file's own database in the run's PostgreSQL, for tests that tamper with tables the other test files write
// to: a copy of the run's template (migrated and demo-seeded once, in globalSetup.ts), made by PostgreSQL as a file
// copy in a second or two instead of a seeding.
import pg from 'pg';
import { inject } from 'vitest';

/** PostgreSQL's "object in use": a template being copied by another CREATE DATABASE at the same moment. */
const OBJECT_IN_USE = '55006';

/**
 * Creates database `name` in the cluster of `serverUrl` (from `template` when given) and returns its URL. Copies of
 * one template asked for at once by several test files are retried while PostgreSQL says the template is in use.
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createOwnDatabase(label: string): Promise<string> {
  return createDatabase(inject('databaseUrl'), `sharehub_${label}_${process.pid}_${Date.now()}`, inject('templateDatabase'));
}
