// Pure parts of certificates: identifiers and their check character, the status table, the state at a time,
// holder masks and the plan a certificate is shown under, and the demo certificates against their types.
import { describe, expect, it } from 'vitest';
import { CertificateStatus } from '../../entities/Certificate.js';
import { certificatePlanFor, defaultIdNumberMask, defaultNameMask, isIssuerOrHolder, showCertificate } from '../../src/authz/certificatePlan.js';
import type { Principal } from '../../src/auth/principal.js';
import { certificateTypeProblems, faceDefinitionOf, planEntryOf } from '../../src/catalog/certificateType.js';
import { recordProblems } from '../../src/catalog/values.js';
import { formatCertificateIdentifier, parseCertificateIdentifier } from '../../src/certs/certificateIdentifier.js';
import { hasValidMod3736, isValidCreditCode, isValidResidentId, mod3736CheckChar } from '../../src/certs/identifiers.js';
import { stateAt, TRANSITIONS, type CertificateChange } from '../../src/certs/status.js';
import { DEMO_CERTIFICATE_TYPES, generateDemoCertificates } from '../../src/demo/certificates.js';
import { generateOrganizations, generatePersons } from '../../src/demo/subjects.js';

const AMR = '11330100MBDEM00239';

/** `dotted` with its right MOD 37,36 check character appended. */
function withCheck(dotted: string): string {
  return `${dotted}.${mod3736CheckChar(dotted.replaceAll('.', ''))}`;
}

describe('certificate identifiers', () => {
  const parts = { identifierCode: 'YYZZ', issuerCode: AMR, serial: 42, edition: 1 };
  const id = formatCertificateIdentifier(parts);

  it('type.issuer.serial.version.check, and the check character is MOD 37,36 over the rest without the dots', () => {
    expect(id).toMatch(/^YYZZ\.11330100MBDEM00239\.0000000042\.01\.[0-9A-Z]$/);
    expect(hasValidMod3736(id.replaceAll('.', ''))).toBe(true);
    expect(parseCertificateIdentifier(id)).toEqual({ parts, problem: null });
  });

  it('every single-character substitution in the body is caught by the check character', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const body = id.replaceAll('.', '');
    for (let i = 0; i < body.length; i += 1) {
      for (const c of alphabet) {
        if (c === body[i]) continue;
        const changed = body.slice(0, i) + c + body.slice(i + 1);
        expect(hasValidMod3736(changed), changed).toBe(false);
      }
    }
  });

  it.each([
    ['lower case (callers normalize first)', id.toLowerCase(), 'not a certificate identifier'],
    ['a missing part', id.split('.').slice(1).join('.'), 'not a certificate identifier'],
    ['a wrong check character', id.slice(0, -1) + (id.endsWith('0') ? '1' : '0'), 'wrong check character'],
    ['an issuer that is not a credit code', withCheck('YYZZ.11330100MBDEM00230.0000000042.01'), 'not a valid credit code'],
    ['serial zero', withCheck('YYZZ.11330100MBDEM00239.0000000000.01'), 'zero'],
  ])('%s is refused', (_what, text, problem) => {
    const parsed = parseCertificateIdentifier(text);
    expect(parsed.parts).toBeNull();
    expect(parsed.problem).toContain(problem);
  });

  it('serials and versions outside their width cannot be formatted', () => {
    expect(() => formatCertificateIdentifier({ ...parts, serial: 10_000_000_000 })).toThrow(RangeError);
    expect(() => formatCertificateIdentifier({ ...parts, edition: 100 })).toThrow(RangeError);
  });
});


describe('the status lifecycle', () => {
  it('nothing leads out of REVOKED or CANCELLED: a revoked certificate never becomes valid again', () => {
    for (const change of Object.keys(TRANSITIONS) as CertificateChange[]) {
      expect(TRANSITIONS[change].from).not.toContain(CertificateStatus.REVOKED);
      expect(TRANSITIONS[change].from).not.toContain(CertificateStatus.CANCELLED);
    }
  });

  it('EXPIRED and NOT_YET_VALID follow from the validity at the time of the check; a withdrawal says so whatever the dates', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const c = { status: CertificateStatus.VALID, validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-06-01T00:00:00Z') };
    expect(stateAt(c, now)).toBe('EXPIRED');
    expect(stateAt(c, new Date(now.getTime() - 1))).toBe('VALID');
    expect(stateAt({ ...c, validUntil: null }, now)).toBe('VALID');
    expect(stateAt(c, new Date('2025-12-31T23:59:59Z'))).toBe('NOT_YET_VALID');
    expect(stateAt({ ...c, status: CertificateStatus.REVOKED }, now)).toBe('REVOKED');
  });
});

describe('showing a certificate', () => {
  const type = { ...DEMO_CERTIFICATE_TYPES.find((t) => t.code === 'marriage_certificate')!, version: 1 };
  const entry = planEntryOf(type);
  const clerk: Principal = { kind: 'CLIENT', clientId: 'window-clerk', clientName: 'w', department: { code: '11330100MBDEM0066N', shortCode: 'service-center', name: 'c', nameEn: 'c' }, roles: [], issuer: 'i' };
  const issuer: Principal = { ...clerk, department: { ...clerk.department, code: type.issuerCode } };
  const holderId = '11010519491231002X';

  it('default masks keep the surname, and the first three and last four characters of the id number', () => {
    expect(defaultNameMask('张三丰')).toBe('张**');
    expect(defaultNameMask('李')).toBe('*');
    expect(defaultIdNumberMask(holderId)).toBe('110***********002X');
  });

  it('without a grant the holder is masked, not withheld; the issuer and the holder see everything', () => {
    const denied = certificatePlanFor(clerk, undefined, entry, holderId);
    const shown = showCertificate(denied, entry, type.fields, { holderName: '张三丰', holderId, face: {} }, 'k');
    expect(shown.holder).toEqual({ name: '张**', idNumber: '110***********002X', isNameMasked: true, isIdNumberMasked: true });
    expect(shown.face).toEqual({});
    expect(shown.released.isVisible).toBe(false);
    for (const p of [issuer, { kind: 'HOLDER', subjectId: holderId, issuer: 'i' } as Principal]) {
      const plan = certificatePlanFor(p, undefined, entry, holderId);
      expect([...plan.fields.values()].every((d) => d.effect === 'ALLOW')).toBe(true);
    }
    const otherHolder = certificatePlanFor({ kind: 'HOLDER', subjectId: '440524188001010014', issuer: 'i' }, undefined, entry, holderId);
    expect([...otherHolder.fields.values()].every((d) => d.effect === 'DENY')).toBe(true);
  });

  it('only the issuing department and the holder see the certificate itself', () => {
    expect(isIssuerOrHolder(issuer, type.issuerCode, holderId)).toBe(true);
    expect(isIssuerOrHolder(clerk, type.issuerCode, holderId)).toBe(false);
    expect(isIssuerOrHolder({ kind: 'HOLDER', subjectId: holderId, issuer: 'i' }, type.issuerCode, holderId)).toBe(true);
  });
});

describe('the demo certificate types and certificates', () => {
  it('every demo type is a valid definition, and the identifier codes are distinct', () => {
    for (const def of DEMO_CERTIFICATE_TYPES) {
      const others = DEMO_CERTIFICATE_TYPES.filter((d) => d !== def);
      expect(certificateTypeProblems(def, { names: new Set(), codes: new Set(others.map((d) => d.code)), identifierCodes: new Set(others.map((d) => d.identifierCode)) }), def.code).toEqual([]);
    }
  });

  it('every demo certificate fits its type, with a valid holder id and a validity that ends after it starts', () => {
    const certificates = generateDemoCertificates(generatePersons(2_000), generateOrganizations(400));
    expect(new Set(certificates.map((c) => c.typeCode))).toEqual(new Set(DEMO_CERTIFICATE_TYPES.map((t) => t.code)));
    for (const c of certificates) {
      const type = DEMO_CERTIFICATE_TYPES.find((t) => t.code === c.typeCode)!;
      expect(recordProblems(faceDefinitionOf(type), c.face), `${c.typeCode} ${JSON.stringify(c.face)}`).toEqual([]);
      expect(type.holderKind === 'PERSON' ? isValidResidentId(c.holderId) : isValidCreditCode(c.holderId)).toBe(true);
      if (c.validUntil) expect(c.validUntil.getTime()).toBeGreaterThan(c.validFrom.getTime());
    }
  });
});
