// Subject and certificate identifiers and their check characters: GB 11643 (resident ID), GB 32100
// (unified social credit code, with its GB 11714 organization code), ISO/IEC 7064 MOD 37,36.

/** Trimmed and upper-cased, the form every identifier is stored and compared in. */
export function normalizeSubjectId(id: string): string {
  return id.trim().toUpperCase();
}

// ---- GB 11643-1999: citizen identification number, ISO 7064 MOD 11-2 ----

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i]!;
  return RESIDENT_CHECK[sum % 11]!;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Null when `id` is a valid 18-character resident ID number, else why not. */
export function residentIdProblem(id: string): string | null {
  if (id.length !== 18) return 'must be 18 characters';
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits and a check character (0-9 or X)';
  if (!isCalendarDate(id.slice(6, 14))) return `birth date ${id.slice(6, 14)} is not a date`;
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'check digit does not match';
  return null;
}

export function isValidResidentId(id: string): boolean {
  return residentIdProblem(id) === null;
}

// ---- GB 32100-2015: unified social credit code; positions 9-17 are a GB 11714 organization code ----

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714: the check character of an 8-character organization code body. */
export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Null when `code` is a valid unified social credit code, else why not. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  if (![...code].every((c) => CREDIT_CHARSET.includes(c))) return 'contains a character outside 0-9 and A-Y without I, O, S, V, Z';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region code (positions 3-8) must be 6 digits';
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code.slice(8, 17)) || organizationCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return 'organization code (positions 9-17) has a wrong check character';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check character does not match';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

// ---- ISO/IEC 7064 MOD 37,36 (hybrid system over 0-9 A-Z), for certificate identifiers ----

const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function mod3736CheckChar(body: string): string {
  const M = 36;
  let p = M;
  for (const ch of body) {
    const v = MOD36_ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`"${ch}" is not in the MOD 37,36 alphabet`);
    let s = (p + v) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return MOD36_ALPHABET[(M + 1 - p) % M]!;
}

export function hasValidMod3736(full: string): boolean {
  if (full.length < 2 || ![...full].every((c) => MOD36_ALPHABET.includes(c))) return false;
  return mod3736CheckChar(full.slice(0, -1)) === full.at(-1);
}

// ---- Subjects ----

export type SubjectKindName = 'PERSON' | 'ORGANIZATION';

/** The kind of a (normalized) identifier by its valid form, or null when it is neither. */
export function detectSubjectKind(id: string): SubjectKindName | null {
  if (isValidResidentId(id)) return 'PERSON';
  if (isValidCreditCode(id)) return 'ORGANIZATION';
  return null;
}

/** Null when valid as either kind; else the problem, phrased for the kind the id most resembles. */
export function subjectIdProblem(id: string): string | null {
  if (detectSubjectKind(id)) return null;
  return /^\d{17}/.test(id) ? `not a valid resident ID number: ${residentIdProblem(id)}` : `not a valid unified social credit code: ${creditCodeProblem(id)}`;
}
