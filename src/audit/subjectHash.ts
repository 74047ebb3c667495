// Keyed hashes of subject identifiers: the audit log holds no raw ID numbers, yet a subject's own events can be found.
import { createHmac, createSecretKey } from 'node:crypto';

export type SubjectHasher = (subjectId: string) => string;

export function subjectHasher(key: string): SubjectHasher {
  // Imported once: an HMAC keyed by a KeyObject skips the key's preparation on every call (the same hashes as the string).
  const keyObject = createSecretKey(Buffer.from(key, 'utf8'));
  return (subjectId) => createHmac('sha256', keyObject).update(subjectId).digest('hex');
}
