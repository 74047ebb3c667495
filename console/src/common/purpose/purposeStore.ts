// The purpose and case number of the clerk's reads: chosen once, sent with every request until changed.
import { useSyncExternalStore } from 'react';

export interface Purpose {
  /** A service item code or a legal basis; null until chosen. */
  purpose: string | null;
  caseNumber: string | null;
}

const KEY = 'sharehub.purpose';
const listeners = new Set<() => void>();
let current: Purpose = read();

function read(): Purpose {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as Purpose;
  } catch {
    // a damaged entry is no purpose
  }
  return { purpose: null, caseNumber: null };
}

export function currentPurpose(): Purpose {
  return current;
}

export function setPurpose(next: Purpose): void {
  current = { purpose: next.purpose?.trim() || null, caseNumber: next.caseNumber?.trim() || null };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  for (const listener of listeners) listener();
}

/** After sign-out: sessionStorage was cleared, forget the copy too. */
export function resetPurpose(): void {
  current = { purpose: null, caseNumber: null };
  for (const listener of listeners) listener();
}

export function usePurpose(): Purpose {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The headers every GraphQL request carries (percent-encoded: a legal basis may be written in Chinese). */
export function purposeHeaders(p: Purpose = current): Record<string, string> {
  const headers: Record<string, string> = {};
  if (p.purpose) headers['x-sharehub-purpose'] = encodeURIComponent(p.purpose);
  if (p.caseNumber) headers['x-sharehub-case'] = encodeURIComponent(p.caseNumber);
  return headers;
}
