// Check characters of resident IDs, credit codes and MOD 37,36 identifiers, against published examples.
import { describe, expect, it } from 'vitest';
import {
  redactSubjectIdentifiers,
  creditCodeCheckChar,
  creditCodeProblem,
  detectSubjectKind,
  hasValidMod3736,
  isValidCreditCode,
  isValidResidentId,
  mod3736CheckChar,
  normalizeSubjectId,
  organizationCodeCheckChar,
  residentIdCheckChar,
  residentIdProblem,
  subjectIdProblem,
} from '../../src/certs/identifiers.js';

const DIGITS = '0123456789';
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every string that differs from `valid` in exactly one position, drawing replacements from `alphabet`. */
function singleSubstitutions(valid: string, alphabet: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < valid.length; i += 1) {
    for (const c of alphabet) if (c !== valid[i]) variants.push(valid.slice(0, i) + c + valid.slice(i + 1));
  }
  return variants;
}

/** A resident ID with the right check character around the given birth date. */
function residentIdBornOn(yyyymmdd: string): string {
  const body = `110105${yyyymmdd}002`;
  return body + residentIdCheckChar(body);
}

describe('resident ID numbers (GB 11643)', () => {
  // 11010519491231002X: the example in GB 11643-1999 itself. 440524188001010014: the example quoted with
  // it everywhere. The other two are from python-stdnum's cn.ric doctests.
  const published = ['11010519491231002X', '440524188001010014', '360426199101010071', '44011320141005001X'];

  it.each(published)('accepts the published example %s', (id) => {
    expect(residentIdProblem(id)).toBeNull();
    expect(isValidResidentId(id)).toBe(true);
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
  });

  it('detects every single-digit substitution of a valid number', () => {
    for (const id of published) {
      const variants = singleSubstitutions(id, `${DIGITS}X`).filter((v) => /^\d{17}[\dX]$/.test(v));
      expect(variants.length).toBeGreaterThan(150);
      expect(variants.filter(isValidResidentId)).toEqual([]);
    }
  });

  it('names a wrong check digit', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check digit does not match');
    expect(residentIdProblem('36042619910102009X')).toBe('check digit does not match');
  });

  it('rejects a number of the wrong length', () => {
    expect(residentIdProblem('11010519491231002')).toBe('must be 18 characters');
    expect(residentIdProblem('11010519491231002X0')).toBe('must be 18 characters');
    expect(residentIdProblem('')).toBe('must be 18 characters');
  });

  it('rejects letters other than a final X', () => {
    expect(residentIdProblem('1101051949123100X2')).toMatch(/17 digits and a check character/);
    expect(residentIdProblem('T60426199101010078')).toMatch(/17 digits and a check character/);
  });

  it('rejects a birth date that is not on the calendar, even with a matching check digit', () => {
    expect(residentIdProblem(residentIdBornOn('19990230'))).toBe('birth date 19990230 is not a date');
    expect(residentIdProblem(residentIdBornOn('19911301'))).toBe('birth date 19911301 is not a date');
    expect(residentIdProblem(residentIdBornOn('19900100'))).toBe('birth date 19900100 is not a date');
    expect(residentIdProblem(residentIdBornOn('19000229'))).toBe('birth date 19000229 is not a date');
  });

  it('accepts 29 February in a leap year', () => {
    expect(isValidResidentId(residentIdBornOn('20000229'))).toBe(true);
    expect(isValidResidentId(residentIdBornOn('19880229'))).toBe(true);
  });

  it('rejects a birth year no holder of an 18-digit number can have', () => {
    expect(residentIdProblem(residentIdBornOn('17991231'))).toBe('birth year 1799 is outside 1800-2099');
    expect(residentIdProblem(residentIdBornOn('82120101'))).toBe('birth year 8212 is outside 1800-2099');
  });

  it('rejects a region code outside every province', () => {
    const body = '990426199112010074'.slice(0, 17);
    expect(residentIdProblem(body + residentIdCheckChar(body))).toBe('region code 990426 does not begin with a province code');
  });

  it('judges the normalized form: a lower-case x is valid only after normalizeSubjectId', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(normalizeSubjectId(' 11010519491231002x\n')).toBe('11010519491231002X');
    expect(isValidResidentId(normalizeSubjectId(' 11010519491231002x\n'))).toBe(true);
  });

  it('refuses to compute a check digit for a body that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('unified social credit codes (GB 32100)', () => {
  // 91350100M000100Y43: the example printed in explanations of GB 32100. The rest are real codes from
  // python-stdnum's cn.uscc doctests: enterprises (91), an individual business (92), a public institution
  // (12), old all-digit organization codes, codes with an X inside, and post-2015 "MA" codes.
  const published = [
    '91350100M000100Y43',
    '91110000600037341L',
    '121200004013590816',
    '91310115MA1K3BTP2B',
    '9144030071526726XG',
    '91620105L015101280',
    '92340603MA2UK2ECXU',
    '913101127033980359',
  ];

  it.each(published)('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(published)('finds the GB 11714 check character of the organization code inside %s', (code) => {
    expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });

  it('computes GB 11714 check characters X and 0 for remainders 10 and 11', () => {
    // 71526726 → X (from 9144030071526726XG); 00000000 sums to 0, so 11 - 0 = 11 → 0.
    expect(organizationCodeCheckChar('71526726')).toBe('X');
    expect(organizationCodeCheckChar('00000000')).toBe('0');
  });

  it('detects every single-character substitution of a valid code', () => {
    for (const code of published) {
      const variants = singleSubstitutions(code, CREDIT_CHARSET);
      expect(variants).toHaveLength(18 * 30);
      expect(variants.filter(isValidCreditCode)).toEqual([]);
    }
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the letter %s, which GB 32100 never uses', (letter) => {
    const code = `91110000600037341${letter}`;
    expect(creditCodeProblem(code)).toBe(`character "${letter}" at position 18 is not allowed (only 0-9 and A-Z without I, O, S, V, Z)`);
  });

  it('names the first illegal character and where it is', () => {
    expect(creditCodeProblem('9111000060003IOZSV')).toMatch(/^character "I" at position 14 is not allowed/);
  });

  it('names a wrong final check character', () => {
    expect(creditCodeProblem('91110000600037341N')).toBe('check character does not match');
  });

  it('names a wrong organization code check character even when the final one was recomputed to match', () => {
    const body = '91110000600037342';
    expect(creditCodeProblem(body + creditCodeCheckChar(body))).toBe('organization code 600037342 (positions 9-17) has a wrong check character');
    const letterCheck = '9111000060003734A';
    expect(creditCodeProblem(letterCheck + creditCodeCheckChar(letterCheck))).toMatch(/must end in a check character 0-9 or X/);
  });

  it('rejects a code of the wrong length', () => {
    expect(creditCodeProblem('12345')).toBe('must be 18 characters');
    expect(creditCodeProblem('91110000600037341L0')).toBe('must be 18 characters');
  });

  it('rejects a region code that is not six digits', () => {
    const body = '9111A000600037341';
    expect(creditCodeProblem(body + creditCodeCheckChar(body))).toBe('region code 11A000 (positions 3-8) must be 6 digits');
  });

  it('judges the normalized form: lower case is valid only after normalizeSubjectId', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode(normalizeSubjectId(' 91350100m000100y43 '))).toBe(true);
  });

  it('refuses to compute check characters for malformed bodies', () => {
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => organizationCodeCheckChar('m000100y')).toThrow(RangeError);
  });
});

describe('ISO/IEC 7064 MOD 37,36', () => {
  // A12425GABC1234002M: the GRid example (python-stdnum iso7064.mod_37_36). ISAN uses MOD 37,36 for both
  // of its check characters: "ISAN 0000-0000-D07A-0090-Q-0000-0000-X" (isan.org, "What is the structure of
  // ISAN") and "0000 3BAB 9352 0000 G" (Microsoft's ISAN attribute documentation).
  it.each([
    ['A12425GABC1234002', 'M'],
    ['00000000D07A0090', 'Q'],
    ['00000000D07A009000000000', 'X'],
    ['00003BAB93520000', 'G'],
    ['B159D8FA01240000', 'K'],
    ['188166C734200000', '3'],
  ])('gives %s the published check character %s', (body, check) => {
    expect(mod3736CheckChar(body)).toBe(check);
    expect(hasValidMod3736(body + check)).toBe(true);
  });

  it('agrees with itself: any body plus its check character validates', () => {
    for (const body of ['0', 'Z', 'CERT2024', 'BL330100000001', '9'.repeat(40)]) expect(hasValidMod3736(body + mod3736CheckChar(body))).toBe(true);
  });

  it('detects every single-character substitution', () => {
    for (const valid of ['A12425GABC1234002M', '00000000D07A0090Q']) {
      expect(singleSubstitutions(valid, ALPHANUMERIC).filter(hasValidMod3736)).toEqual([]);
    }
  });

  it('rejects strings with characters outside 0-9 A-Z, and strings too short to carry a check', () => {
    expect(hasValidMod3736('a12425GABC1234002M')).toBe(false);
    expect(hasValidMod3736('A12425-GABC1234002M')).toBe(false);
    expect(hasValidMod3736('M')).toBe(false);
    expect(hasValidMod3736('')).toBe(false);
    expect(() => mod3736CheckChar('A1-2')).toThrow(RangeError);
  });
});

describe('subject kinds', () => {
  it('tells a person from an organization by which format is valid', () => {
    expect(detectSubjectKind('11010519491231002X')).toBe('PERSON');
    expect(detectSubjectKind('91350100M000100Y43')).toBe('ORGANIZATION');
    expect(detectSubjectKind('91350100M000100Y44')).toBeNull();
    expect(detectSubjectKind('11010519491231002x')).toBeNull();
  });

  it('never reads an all-digit credit code from market regulation as a person', () => {
    expect(detectSubjectKind('913101127033980359')).toBe('ORGANIZATION');
  });

  it('explains an invalid subject in terms of the kind it resembles', () => {
    expect(subjectIdProblem('110105194912310021')).toBe('not a valid resident ID number: check digit does not match');
    expect(subjectIdProblem('91350100M000100Y44')).toBe('not a valid unified social credit code: check character does not match');
    expect(subjectIdProblem('91350100M000100Y43')).toBeNull();
  });
});

describe('redactSubjectIdentifiers', () => {
  it('replaces an ID number or credit code even when glued to other characters, and leaves other text alone', () => {
    expect(redactSubjectIdentifiers('Q330102197512316137')).toBe('Q[identifier]');
    expect(redactSubjectIdentifiers('read_330102197512316137_and_11330100MBDEM0015E')).toBe('read_[identifier]_and_[identifier]');
    expect(redactSubjectIdentifiers('HouseholdForMetrics')).toBe('HouseholdForMetrics');
    expect(redactSubjectIdentifiers('330102197512316138')).toBe('330102197512316138');
  });
});
