// Certificate identifiers after the structure of the national e-licence identifier (电子证照标识), with their
// ISO/IEC 7064 MOD 37,36 check character; parsed and checked before anything is looked up.
//
//   YYZZ.11330100MBDEM00239.0000000042.01.K
//   │    │                  │          │  └─ check character: ISO/IEC 7064 MOD 37,36 (0-9, A-Z) over every
//   │    │                  │          │     character before it with the dots left out
//   │    │                  │          └──── version (版本号), 2 digits: 01 at issuance, one more at each renewal
//   │    │                  └─────────────── serial (流水号), 10 digits, unique per issuer and type
//   │    └────────────────────────────────── issuing department's unified social credit code (颁发机构代码), 18
//   └─────────────────────────────────────── certificate type code (证照类型代码): the type's identifierCode, 2-8 of A-Z 0-9
//
// Dots separate the parts so that a window clerk can read them out; they carry no information and are not part of
// the checked string. The form is upper case; input is trimmed and upper-cased first.
import { creditCodeProblem, mod3736CheckChar } from './identifiers.js';

export interface CertificateIdentifierParts {
  identifierCode: string;
  issuerCode: string;
  serial: number;
  edition: number;
}

export const MAX_SERIAL = 9_999_999_999;
export const MAX_EDITION = 99;
const SHAPE = /^([A-Z0-9]{2,8})\.([0-9A-Z]{18})\.(\d{10})\.(\d{2})\.([0-9A-Z])$/;

export function formatCertificateIdentifier(parts: CertificateIdentifierParts): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 1 || parts.serial > MAX_SERIAL) throw new RangeError(`serial ${parts.serial} is outside 1-${MAX_SERIAL}`);
  if (!Number.isInteger(parts.edition) || parts.edition < 1 || parts.edition > MAX_EDITION) throw new RangeError(`version ${parts.edition} is outside 1-${MAX_EDITION}`);
  const body = [parts.identifierCode, parts.issuerCode, String(parts.serial).padStart(10, '0'), String(parts.edition).padStart(2, '0')];
  return `${body.join('.')}.${mod3736CheckChar(body.join(''))}`;
}

export function normalizeCertificateIdentifier(text: string): string {
  return text.trim().toUpperCase();
}

export type ParsedIdentifier = { parts: CertificateIdentifierParts; problem: null } | { parts: null; problem: string };

/** The parts of a (normalized) identifier, or why it is not one. */
export function parseCertificateIdentifier(identifier: string): ParsedIdentifier {
  const m = SHAPE.exec(identifier);
  if (!m) return { parts: null, problem: 'is not a certificate identifier (type.issuer.serial.version.check, e.g. YYZZ.11330100MBDEM00239.0000000042.01.K)' };
  const [, identifierCode, issuerCode, serial, edition, check] = m as unknown as [string, string, string, string, string, string];
  if (mod3736CheckChar(`${identifierCode}${issuerCode}${serial}${edition}`) !== check) return { parts: null, problem: 'has a wrong check character' };
  const issuerProblem = creditCodeProblem(issuerCode);
  if (issuerProblem) return { parts: null, problem: `names an issuer that is not a valid credit code (${issuerProblem})` };
  if (Number(serial) === 0 || Number(edition) === 0) return { parts: null, problem: 'has a serial or version of zero' };
  return { parts: { identifierCode, issuerCode, serial: Number(serial), edition: Number(edition) }, problem: null };
}
