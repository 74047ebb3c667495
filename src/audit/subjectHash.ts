// Keyed hashes of subject identifiers: the audit log holds no raw ID numbers, yet a subject's own events can be found.
import { createHmac } from 'node:crypto';

export type SubjectHasher = (subjectId: string) => string;

export function subjectHasher(key: string): SubjectHasher {
  return (subjectId) => createHmac('sha256', key).update(subjectId).digest('hex');
}
