// The status list bitstring (W3C Bitstring Status List v1.0 §3.3-3.4) against an independent implementation from the
// ecosystem (@digitalbazaar/vc-bitstring-status-list), both ways, and PostgreSQL's bit numbering.
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import { decodeBitstring, emptyBitstring, encodeBitstring, isBitSet, postgresBitOf, STATUS_LIST_LENGTH, withBit } from '../../src/vc/bitstring.js';

const INDEXES = [0, 1, 7, 8, 4242, 65_537, STATUS_LIST_LENGTH - 1];

describe('the status list bitstring', () => {
  it('has 131,072 entries by default, all clear', () => {
    const bits = emptyBitstring();
    expect(bits.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(INDEXES.some((i) => isBitSet(bits, i))).toBe(false);
  });

  it('index 0 is the left-most bit: the most significant bit of the first byte', () => {
    const bits = withBit(emptyBitstring(16), 0, true);
    expect(bits[0]).toBe(0x80);
    expect(withBit(emptyBitstring(16), 9, true)[1]).toBe(0x40);
  });

  it('what we encode, the ecosystem decodes to the same bits', async () => {
    let bits = emptyBitstring();
    for (const i of INDEXES) bits = withBit(bits, i, true);
    const encoded = encodeBitstring(bits);
    expect(encoded.startsWith('u')).toBe(true);
    const theirs = await decodeList({ encodedList: encoded });
    expect(theirs.length).toBe(STATUS_LIST_LENGTH);
    for (const i of INDEXES) expect(theirs.getStatus(i), `index ${i}`).toBe(true);
    for (const i of [2, 9, 4241, 65_536, STATUS_LIST_LENGTH - 2]) expect(theirs.getStatus(i), `index ${i}`).toBe(false);
  });

  it('what the ecosystem encodes, we decode to the same bits', async () => {
    const theirs = await createList({ length: STATUS_LIST_LENGTH });
    for (const i of INDEXES) theirs.setStatus(i, true);
    const bits = decodeBitstring(await theirs.encode());
    for (const i of INDEXES) expect(isBitSet(bits, i), `index ${i}`).toBe(true);
    expect(isBitSet(bits, 3)).toBe(false);
  });

  it('clearing a bit clears only that bit', () => {
    const bits = withBit(withBit(withBit(emptyBitstring(), 5, true), 6, true), 5, false);
    expect([isBitSet(bits, 5), isBitSet(bits, 6)]).toEqual([false, true]);
  });

  it('PostgreSQL numbers bits from the least significant within a byte: index 0 is its bit 7, index 9 its bit 14', () => {
    expect([postgresBitOf(0), postgresBitOf(7), postgresBitOf(8), postgresBitOf(9)]).toEqual([7, 0, 15, 14]);
  });

  it('refuses what is not an encoded list, and indexes outside the list', () => {
    expect(() => decodeBitstring('zNotMultibase')).toThrow(RangeError);
    expect(() => decodeBitstring(`u${Buffer.from('not gzip').toString('base64url')}`)).toThrow(/GZIP/);
    expect(() => isBitSet(emptyBitstring(8), 8)).toThrow(RangeError);
    expect(() => emptyBitstring(12)).toThrow(RangeError);
  });
});
