// `sharehub token`: demo mode only; prints a development token for a registered client or a holder on stdout.
import { loadDevIssuer } from '../auth/devIssuer.js';
import { isValidCreditCode, isValidResidentId, normalizeSubjectId } from '../certs/identifiers.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
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
  const issuer = await loadDevIssuer(config.dataDir);
  if (options.holder) {
    const subjectId = normalizeSubjectId(options.holder);
    if (!isValidResidentId(subjectId) && !isValidCreditCode(subjectId)) throw new Error('--holder is not a valid resident ID number or credit code');
    process.stdout.write((await issuer.signHolderToken(subjectId, ttl)) + '\n');
    return;
  }
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger, { poolMax: 1 });
  try {
    const client = await db.orm.em.fork().findOne(Client, { id: options.client!, isEnabled: true });
    if (!client) throw new Error(`no enabled client "${options.client}" is registered (see README for the demo client ids)`);
  } finally {
    await db.close();
  }
  process.stdout.write((await issuer.signClientToken(options.client!, ttl)) + '\n');
}
