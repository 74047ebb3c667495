// The audit-log scanner finds resident ID numbers and credit codes by their check characters, and nothing else.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findRawIdentifiers } from '../support/rawIdentifiers.js';

const PERSON = '330102197512316137';
const ORGANIZATION = '91330109MAGUKFBQ6G';
const WITH_X = '11010519491231002X';

describe('findRawIdentifiers', () => {
  it('finds a resident ID number and a credit code in JSON, text and URLs', () => {
    expect(findRawIdentifiers(JSON.stringify({ subjectIds: [PERSON], note: `code ${ORGANIZATION}.` }))).toEqual([PERSON, ORGANIZATION]);
    expect(findRawIdentifiers(`/graphql?query=%7B%20r(subjectId%3A%20%22${PERSON}%22)`)).toEqual([PERSON]);
    expect(findRawIdentifiers(`身份证${WITH_X.toLowerCase()}号`)).toEqual([WITH_X.toLowerCase()]);
  });

  it('ignores numbers whose check character is wrong, hashes, and the allowed department codes', () => {
    expect(findRawIdentifiers(`${PERSON.slice(0, 17)}${PERSON.endsWith('0') ? '1' : '0'}`)).toEqual([]);
    expect(findRawIdentifiers('0'.repeat(64))).toEqual([]);
    const hashes = Array.from({ length: 2_000 }, (_, i) => createHash('sha256').update(String(i)).digest('hex')).join(' ');
    expect(findRawIdentifiers(hashes)).toEqual([]);
    expect(findRawIdentifiers(`issuer ${ORGANIZATION}`, new Set([ORGANIZATION]))).toEqual([]);
  });
});
