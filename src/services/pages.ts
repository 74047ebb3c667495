// Keyset pagination: opaque cursors over (time, id), newest first, so a deep page costs what the first does.
import { BadUserInputError } from '../errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(text: string | null | undefined): Cursor | null {
  if (!text) return null;
  const [at, id] = Buffer.from(text, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new BadUserInputError('after: not a cursor from this list.');
  return { at: date, id };
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw new BadUserInputError(`first: between 1 and ${MAX_PAGE}.`);
  return n;
}

/** Builds a page from `size + 1` rows fetched newest first. */
export function pageOf<T, V>(rows: T[], size: number, cursorOf: (row: T) => Cursor, view: (row: T) => V) {
  const items = rows.slice(0, size);
  return {
    edges: items.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: view(row) })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: items.length ? encodeCursor(cursorOf(items[items.length - 1]!)) : null },
  };
}
