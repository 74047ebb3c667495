// The hub's two secrets, from the configuration, or (demo mode only) generated once into the data directory.
import type { Config } from '../config.js';
import { readOrCreateSecret } from '../demo/secrets.js';
import { parseMasterKey } from './keyStore.js';

export interface HubSecrets {
  /** Keys the subject hashes of the audit log. */
  subjectHashKey: string;
  /** Encrypts private keys at rest and keys the audit chain. */
  masterKey: Uint8Array;
}

export async function resolveSecrets(config: Config): Promise<HubSecrets> {
  const subjectHashKey = config.subjectHashKey ?? (config.demo ? await readOrCreateSecret(config.dataDir, 'subject-hash-key') : undefined);
  const masterKey = config.masterKey ?? (config.demo ? await readOrCreateSecret(config.dataDir, 'master-key') : undefined);
  // loadConfig refuses to start without them outside demo mode; this only guards against a caller that skipped it.
  if (!subjectHashKey || !masterKey) throw new Error('SHAREHUB_SUBJECT_HASH_KEY and SHAREHUB_MASTER_KEY are required outside demo mode');
  return { subjectHashKey, masterKey: parseMasterKey(masterKey) };
}
