// The bitstring of a Bitstring Status List (W3C Bitstring Status List v1.0, its generation and expansion algorithms): index 0 is the left-most bit
// (the most significant bit of the first byte); the published form is GZIP-compressed and multibase base64url
// (prefix `u`, no padding). Pure functions over bytes.
import { gunzipSync, gzipSync } from 'node:zlib';

/** At least 131,072 entries (16 KiB), as the specification asks, so that a list is big enough to hide who is on it. */
export const STATUS_LIST_LENGTH = 131_072;

/** A list of `length` entries, all clear. */
export function emptyBitstring(length = STATUS_LIST_LENGTH): Uint8Array {
  if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0) throw new RangeError(`a status list length must be a positive multiple of 8, got ${length}`);
  return new Uint8Array(length / 8);
}

function checkIndex(bits: Uint8Array, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new RangeError(`index ${index} is outside the list (0-${bits.length * 8 - 1})`);
}

export function isBitSet(bits: Uint8Array, index: number): boolean {
  checkIndex(bits, index);
  return ((bits[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
}

/** A copy with the bit at `index` set to `value`. */
export function withBit(bits: Uint8Array, index: number, value: boolean): Uint8Array {
  checkIndex(bits, index);
  const out = new Uint8Array(bits);
  const mask = 1 << (7 - (index & 7));
  out[index >> 3] = value ? out[index >> 3]! | mask : out[index >> 3]! & ~mask;
  return out;
}

/**
 * The bit number PostgreSQL's `set_bit(bytea, n, v)` uses for list index `index`: PostgreSQL numbers the bits of
 * each byte from the least significant, the specification from the most significant.
 */
export function postgresBitOf(index: number): number {
  return (index >> 3) * 8 + (7 - (index & 7));
}

/** Generation: GZIP, then multibase base64url without padding (`u…`). */
export function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** Expansion: the bits of an `encodedList`; a RangeError for anything that is not one. */
export function decodeBitstring(encoded: string): Uint8Array {
  if (typeof encoded !== 'string' || !encoded.startsWith('u') || !/^u[A-Za-z0-9_-]+$/.test(encoded)) throw new RangeError('encodedList is not multibase base64url (u…)');
  try {
    return new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
  } catch {
    throw new RangeError('encodedList is not GZIP-compressed');
  }
}
