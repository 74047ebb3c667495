// The certificate identifier check as the clerk types: the hub's own pure check-character functions, reasons as dictionary keys.
import { isValidCreditCode, mod3736CheckChar } from '../../../../src/certs/identifiers.js';

export type IdentifierProblem = 'empty' | 'shape' | 'checkCharacter' | 'issuer' | 'zero';

const SHAPE = /^([A-Z0-9]{2,8})\.([0-9A-Z]{18})\.(\d{10})\.(\d{2})\.([0-9A-Z])$/;

export function normalizeIdentifier(text: string): string {
  return text.trim().toUpperCase();
}

/** Null when the identifier is well formed with a correct check character; else why not. */
export function certificateIdentifierProblem(text: string): IdentifierProblem | null {
  const identifier = normalizeIdentifier(text);
  if (!identifier) return 'empty';
  const m = SHAPE.exec(identifier);
  if (!m) return 'shape';
  const [, type, issuer, serial, edition, check] = m as unknown as [string, string, string, string, string, string];
  if (mod3736CheckChar(`${type}${issuer}${serial}${edition}`) !== check) return 'checkCharacter';
  if (!isValidCreditCode(issuer)) return 'issuer';
  if (Number(serial) === 0 || Number(edition) === 0) return 'zero';
  return null;
}
