// Unit tests for checking a live source's federation SDL against a resource type (pure, over the parsed document).
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../src/catalog/definition.js';
import { providerSdlFor } from '../../src/live/providerSdl.js';
import { sourceSdlMismatches } from '../../src/live/sdlCheck.js';

const field = (name: string, type: FieldDefinition['type'], enumValues?: string[]): FieldDefinition => ({
  name,
  nameZh: name,
  type,
  ...(enumValues ? { enumValues } : {}),
  sharing: 'UNCONDITIONAL',
  required: false,
  description: name,
});

const entry = {
  nameEn: 'Every type',
  fields: [
    field('text', 'STRING'),
    field('count', 'INT'),
    field('amount', 'DECIMAL'),
    field('flag', 'BOOLEAN'),
    field('day', 'DATE'),
    field('moment', 'DATETIME'),
    field('status', 'ENUM', ['ACTIVE', 'CLOSED']),
  ],
};

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

describe('sourceSdlMismatches', () => {
  it('the SDL the hub suggests to providers fits', () => {
    expect(sourceSdlMismatches(providerSdlFor(entry, 'Thing'), entry, 'Thing', 'subjectId')).toEqual([]);
  });

  it('accepts the alternatives of each type: ID, Float, Date and DateTime scalars, an enum with more values, a federation 1 extension', () => {
    const sdl = `scalar Date scalar DateTime
      extend type Thing @key(fields: " subjectId ") { subjectId: String! text: ID count: Int! amount: Float flag: Boolean day: Date moment: DateTime status: Status }
      enum Status { ACTIVE CLOSED SUSPENDED }`;
    expect(sourceSdlMismatches(sdl, entry, 'Thing', 'subjectId')).toEqual([]);
  });

  it('names every mismatch: wrong types, lists, missing fields, an enum lacking values, undeclared scalars, no key', () => {
    const sdl = `${LINK}
      type Thing @key(fields: "id") { id: ID! subjectId: Int text: Int count: [Int] flag: String day: Date moment: Float status: Status }
      enum Status { ACTIVE }`;
    expect(sourceSdlMismatches(sdl, entry, 'Thing', 'subjectId')).toEqual([
      { field: 'subjectId', problem: 'Thing is not an entity keyed by it: no @key(fields: "subjectId")' },
      { field: 'subjectId', problem: 'holds the subject id, so it must be ID or String, not Int' },
      { field: 'text', problem: 'is Int in the source; STRING needs String or ID' },
      { field: 'count', problem: 'is a list in the source; INT needs Int' },
      { field: 'amount', problem: 'is not a field of Thing' },
      { field: 'flag', problem: 'is String in the source; BOOLEAN needs Boolean' },
      { field: 'day', problem: 'is Date in the source; DATE needs String or a scalar named Date' },
      { field: 'moment', problem: 'is Float in the source; DATETIME needs String or a scalar named DateTime' },
      { field: 'status', problem: 'is the enum Status, which lacks the catalog value(s) CLOSED' },
    ]);
  });

  it('a missing entity type or unreadable SDL is one mismatch', () => {
    expect(sourceSdlMismatches(`${LINK} type Other @key(fields: "subjectId") { subjectId: ID! }`, entry, 'Thing', 'subjectId')).toEqual([
      { field: '(entity)', problem: 'the source has no object type Thing' },
    ]);
    const [broken] = sourceSdlMismatches('type Thing {', entry, 'Thing', 'subjectId');
    expect(broken?.field).toBe('(sdl)');
    expect(broken?.problem).toMatch(/^is not valid GraphQL: Syntax Error/);
  });
});
