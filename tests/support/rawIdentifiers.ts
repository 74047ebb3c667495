// Finds raw subject identifiers in text: 18-character resident ID numbers and unified social credit codes, each
// confirmed by its check characters, so hashes, signatures and other codes do not count. Used to scan the audit log.
import { isValidCreditCode, isValidResidentId } from '../../src/certs/identifiers.js';

const RUN = /[0-9A-Za-z]+/g;
const LENGTH = 18;

/** `%22330102…%22` reads as `"330102…"`: an identifier in a URL is found after its percent-encoding is undone. */
function percentDecoded(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function isSubjectIdentifier(candidate: string): boolean {
  return isValidResidentId(candidate.replace(/x$/, 'X')) || isValidCreditCode(candidate);
}

/**
 * Every raw identifier in `text` that is not in `allowed` (department codes: a department is named by its code
 * in every event). Only a whole run of 18 letters and digits is a candidate: inside the longer runs of hashes
 * (hex) and signatures (base64url) some 18-character window would pass its check characters by chance.
 */
export function findRawIdentifiers(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  const found = new Set<string>();
  for (const [run] of percentDecoded(text).matchAll(RUN)) {
    if (run.length === LENGTH && isSubjectIdentifier(run) && !allowed.has(run.toUpperCase())) found.add(run);
  }
  return [...found];
}

/** How an identifier found is named in a failure message: never in full. */
export function maskedIdentifier(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}
