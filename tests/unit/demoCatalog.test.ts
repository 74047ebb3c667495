// The demo catalog is valid by the hub's own rules, and its records by the catalog's.
import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../src/catalog/validate.js';
import { recordProblems } from '../../src/catalog/values.js';
import { DEMO_RESOURCE_TYPES, generateDemoRecords } from '../../src/demo/catalog.js';
import { generateOrganizations, generatePersons } from '../../src/demo/subjects.js';
import { detectSubjectKind } from '../../src/certs/identifiers.js';

const persons = generatePersons(2_000);
const organizations = generateOrganizations(300);

describe('demo catalog', () => {
  it('has five resource types of 8 to 15 fields, each type with all three sharing classes, all valid definitions', () => {
    expect(DEMO_RESOURCE_TYPES.map((d) => d.code).sort()).toEqual(['business_registration', 'household_registration', 'marriage_registration', 'real_estate_ownership', 'social_insurance']);
    for (const def of DEMO_RESOURCE_TYPES) {
      expect(def.fields.length, def.code).toBeGreaterThanOrEqual(8);
      expect(def.fields.length, def.code).toBeLessThanOrEqual(15);
      expect(new Set(def.fields.map((f) => f.sharing)), def.code).toEqual(new Set(['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED']));
      expect(definitionProblems(def, new Set()), def.code).toEqual([]);
    }
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s: every generated record passes the hub\'s validation and is about the right kind of subject', (_code, def) => {
    const records = generateDemoRecords(def.code, persons, organizations);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(recordProblems(def, r.values), `${def.code} ${r.subjectId}`).toEqual([]);
      expect(detectSubjectKind(r.subjectId)).toBe(def.subjectKind);
    }
    expect(new Set(records.map((r) => r.subjectId)).size).toBe(records.length);
  });

  it('is deterministic', () => {
    expect(generateDemoRecords('marriage_registration', persons, organizations)).toEqual(generateDemoRecords('marriage_registration', persons, organizations));
  });

  it('marriages are recorded on both spouses', () => {
    const records = generateDemoRecords('marriage_registration', persons, organizations);
    const bySubject = new Map(records.map((r) => [r.subjectId, r.values]));
    const married = records.filter((r) => r.values.maritalStatus === 'MARRIED');
    expect(married.length).toBeGreaterThan(100);
    for (const r of married) expect(bySubject.get(String(r.values.spouseIdNumber))?.spouseIdNumber).toBe(r.subjectId);
  });
});
