// The applicant's ID as typed: an 18-character resident ID number or unified social credit code, by the hub's own check.
import { isValidCreditCode, isValidResidentId, normalizeSubjectId } from '../../../../src/certs/identifiers.js';

export type SubjectIdProblem = 'empty' | 'length' | 'checkCharacter';

export function subjectIdProblem(text: string): SubjectIdProblem | null {
  const id = normalizeSubjectId(text);
  if (!id) return 'empty';
  if (id.length !== 18) return 'length';
  return isValidResidentId(id) || isValidCreditCode(id) ? null : 'checkCharacter';
}

export { normalizeSubjectId };
