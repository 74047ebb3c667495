// Subject and certificate identifiers and their check characters: GB 11643 (resident ID), GB 32100 (unified social credit code, with its GB 11714 organization code), ISO/IEC 7064 MOD 37,36.

// Every validator here judges the normalized form: callers normalize once at the edge (token, argument,
// imported line) and store and compare only that form, so "11010519491231002x" is valid only after
// normalizeSubjectId. The *CheckChar functions are for well-formed bodies the hub builds itself; they
// throw RangeError on anything else rather than return a check character for garbage.

/** Trimmed and upper-cased, the form every identifier is stored and compared in. */
export function normalizeSubjectId(id: string): string {
  return id.trim().toUpperCase();
}

// ---- GB 11643-1999: citizen identification number, check character by ISO 7064 MOD 11-2 ----

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Indexed by the weighted sum mod 11. */
const RESIDENT_CHECK = '10X98765432';
/**
 * First two digits of a GB/T 2260 address code: the provinces, plus 81/82/83 used by the residence
 * permits of Hong Kong, Macao and Taiwan residents. Also what keeps a credit code registered by
 * market regulation ("9…") from ever reading as a resident ID.
 */
const PROVINCE_CODES = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`resident ID body must be 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i]!;
  return RESIDENT_CHECK[sum % 11]!;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Null when `id` (normalized) is a valid 18-character resident ID number, else why not. */
export function residentIdProblem(id: string): string | null {
  if (id.length !== 18) return 'must be 18 characters';
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits and a check character (0-9 or X)';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return `region code ${id.slice(0, 6)} does not begin with a province code`;
  const birth = id.slice(6, 14);
  const [year, month, day] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (!isCalendarDate(year, month, day)) return `birth date ${birth} is not a date`;
  // The 18-digit number dates from 1999: its holders were born in the 1800s at the earliest.
  if (year < 1800 || year > 2099) return `birth year ${year} is outside 1800-2099`;
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'check digit does not match';
  return null;
}

export function isValidResidentId(id: string): boolean {
  return residentIdProblem(id) === null;
}

// ---- GB 32100-2015: unified social credit code; positions 9-17 are a GB 11714 organization code ----

/** Digits and upper-case letters without I, O, S, V, Z; a character's value is its index. */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_BODY = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export function creditCodeCheckChar(first17: string): string {
  if (!CREDIT_BODY.test(first17)) throw new RangeError(`credit code body must be 17 characters of ${CREDIT_CHARSET}, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714: the check character of an 8-character organization code body (letters valued A=10 … Z=35). */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError(`organization code body must be 8 characters of 0-9 and A-Z, got "${first8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Null when `code` (normalized) is a valid unified social credit code, else why not. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  const bad = [...code].findIndex((c) => !CREDIT_CHARSET.includes(c));
  if (bad >= 0) return `character "${code[bad]}" at position ${bad + 1} is not allowed (only 0-9 and A-Z without I, O, S, V, Z)`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return `region code ${code.slice(2, 8)} (positions 3-8) must be 6 digits`;
  const organizationCode = code.slice(8, 17);
  if (!/[\dX]$/.test(organizationCode)) return `organization code ${organizationCode} (positions 9-17) must end in a check character 0-9 or X`;
  if (organizationCodeCheckChar(organizationCode.slice(0, 8)) !== organizationCode[8]) {
    return `organization code ${organizationCode} (positions 9-17) has a wrong check character`;
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check character does not match';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

// ---- ISO/IEC 7064 MOD 37,36 (hybrid system over 0-9 A-Z), for certificate identifiers ----

const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

export function mod3736CheckChar(body: string): string {
  let p = M;
  for (const ch of body) {
    const value = MOD36_ALPHABET.indexOf(ch);
    if (value < 0) throw new RangeError(`"${ch}" is not in the MOD 37,36 alphabet (0-9, A-Z)`);
    let s = (p + value) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return MOD36_ALPHABET[(M + 1 - p) % M]!;
}

/** True when the last character of `full` is the MOD 37,36 check character of the rest. */
export function hasValidMod3736(full: string): boolean {
  if (!/^[0-9A-Z]{2,}$/.test(full)) return false;
  return mod3736CheckChar(full.slice(0, -1)) === full.at(-1);
}

// ---- Subjects ----

export type SubjectKindName = 'PERSON' | 'ORGANIZATION';

/**
 * The kind of a (normalized) identifier by its valid form, or null when it is neither. A string valid
 * as both is possible only for an all-digit credit code outside registration authority 9 whose digits
 * also pass as a resident ID; it reads as PERSON. Where the caller knows the kind, it should say so.
 */
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

/**
 * Whether free text (a request id, a case number, a purpose) holds a resident ID number or a credit code: a run of
 * 18 letters and digits that passes its check characters. Such text is never written to the audit log.
 */
export function holdsSubjectIdentifier(text: string): boolean {
  for (const [run] of text.matchAll(/[0-9A-Za-z]+/g)) {
    if (run.length === 18 && detectSubjectKind(normalizeSubjectId(run)) !== null) return true;
  }
  return false;
}

/**
 * Free text with every resident ID number or credit code in it replaced by `[identifier]`, also where one is glued
 * to other letters or digits (an operation named `Q330102197512316137`): every 18-character window is checked.
 */
export function redactSubjectIdentifiers(text: string): string {
  return text.replace(/[0-9A-Za-z]{18,}/g, (run) => {
    for (let i = 0; i + 18 <= run.length; i += 1) {
      if (detectSubjectKind(normalizeSubjectId(run.slice(i, i + 18))) !== null) {
        return `${run.slice(0, i)}[identifier]${redactSubjectIdentifiers(run.slice(i + 18))}`;
      }
    }
    return run;
  });
}
