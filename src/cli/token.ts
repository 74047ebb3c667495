// `sharehub token`: demo mode only; prints a development token for a registered client or a holder on stdout.
import { existsSync } from 'node:fs';
import { devIssuerKeyFile, loadDevIssuer } from '../auth/devIssuer.js';
import { isValidCreditCode, isValidResidentId, normalizeSubjectId } from '../certs/identifiers.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { demoClients } from '../demo/seed.js';
import { createLogger } from '../log.js';
import { Client } from '../../entities/Client.js';

const MAX_TTL_SECONDS = 24 * 3600;

/** `90`, `90s`, `15m`, `1h`: seconds, at most a day. */
export function parseTtl(text: string): number {
  const match = /^(\d+)\s*([smh]?)$/.exec(text.trim());
  if (!match) throw new Error(`--ttl "${text}" is not a duration like 90s, 15m or 1h`);
  const seconds = Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[match[2] ?? '']!;
  if (seconds < 1 || seconds > MAX_TTL_SECONDS) throw new Error('--ttl must be between 1 second and 24 hours');
  return seconds;
}

export async function printToken(config: Config, options: { client?: string; holder?: string; ttl: string }): Promise<void> {
  if (!config.demo) throw new Error('the development issuer exists only in demo mode (SHAREHUB_DEMO=1)');
  if (!options.client === !options.holder) throw new Error('give exactly one of --client <id> or --holder <id number>');
  const ttl = parseTtl(options.ttl);
  // A key made here would sign tokens no hub trusts: only the data directory of a demo hub has the right one.
  if (!existsSync(devIssuerKeyFile(config.dataDir))) {
    throw new Error(`no demo hub's development issuer in ${config.dataDir}: run this in the directory where npm start runs, or set SHAREHUB_DATA_DIR to the hub's data directory`);
  }
  const issuer = await loadDevIssuer(config.dataDir);
  if (options.holder) {
    const subjectId = normalizeSubjectId(options.holder);
    if (!isValidResidentId(subjectId) && !isValidCreditCode(subjectId)) throw new Error('--holder is not a valid resident ID number or credit code');
    process.stdout.write((await issuer.signHolderToken(subjectId, ttl)) + '\n');
    return;
  }
  // The demo clients need nothing but the data directory's development issuer; the hub still checks at every request
  // that the client is registered and enabled. Any other id is looked up in the hub's database.
  if (!demoClients().some((c) => c.id === options.client)) await checkRegistered(config, options.client!);
  process.stdout.write((await issuer.signClientToken(options.client!, ttl)) + '\n');
}

/** A client id beyond the demo ones must be registered in the running hub's database: say exactly where that is. */
async function checkRegistered(config: Config, clientId: string): Promise<void> {
  const where = config.databaseUrl ? 'DATABASE_URL' : `the embedded PostgreSQL of data directory ${config.dataDir} on port ${config.embeddedPgPort} (SHAREHUB_DATA_DIR, SHAREHUB_PG_PORT)`;
  let db;
  try {
    db = await openDatabase(config, createLogger('silent'), { poolMax: 1 });
  } catch {
    throw new Error(`"${clientId}" is not a demo client, and the hub's database to look it up is not reachable at ${where}: start the hub (npm start) with the same settings first`);
  }
  try {
    const client = await db.orm.em.fork().findOne(Client, { id: clientId, isEnabled: true });
    if (!client) throw new Error(`no enabled client "${clientId}" is registered (the demo client ids are listed in the README)`);
  } finally {
    await db.close();
  }
}
