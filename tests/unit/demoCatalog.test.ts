// The demo catalog and its records: valid by the hub's own rules, deterministic, and consistent with the demo subjects.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, RecordValues } from '../../src/catalog/definition.js';
import { definitionProblems, RESERVED_FIELDS } from '../../src/catalog/validate.js';
import { recordProblems } from '../../src/catalog/values.js';
import { detectSubjectKind } from '../../src/certs/identifiers.js';
import { DEMO_RECORDS_AS_OF, DEMO_RESOURCE_TYPES, generateDemoRecords, type DemoRecord } from '../../src/demo/catalog.js';
import { DEMO_DEPARTMENTS, DEMO_REGIONS, generateOrganizations, generatePersons, type DemoPerson } from '../../src/demo/subjects.js';

// One demo seed's worth, as `sharehub start` seeds it, generated once for the whole file. Its time is not
// asserted (tests do not measure wall time); it is here so a slow generator shows up as a slow file.
const persons = generatePersons(10_000);
const organizations = generateOrganizations(2_000);
const recordsOf = new Map(DEMO_RESOURCE_TYPES.map((def) => [def.code, generateDemoRecords(def.code, persons, organizations)]));
const personById = new Map(persons.map((p) => [p.idNumber, p]));
const HANGZHOU = new Set(DEMO_REGIONS.map((r) => r.code));

function records(code: string): DemoRecord[] {
  const list = recordsOf.get(code);
  if (!list) throw new Error(`no records generated for ${code}`);
  return list;
}

function valuesBySubject(code: string): Map<string, RecordValues> {
  return new Map(records(code).map((r) => [r.subjectId, r.values]));
}

function person(id: string | number | boolean | null | undefined): DemoPerson {
  const found = personById.get(String(id));
  if (!found) throw new Error(`${String(id)} is not a demo person`);
  return found;
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

const adults = persons.filter((p) => ageOn(p.birthDate, DEMO_RECORDS_AS_OF) >= 18);

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Null when `value` is of the field's type, else what is wrong; checked here independently of the hub's validator. */
function typeProblem(field: FieldDefinition, value: string | number | boolean | null): string | null {
  if (value === null) return field.required ? 'is required' : null;
  switch (field.type) {
    case 'STRING':
      return typeof value === 'string' && value.length > 0 ? null : 'not a non-empty string';
    case 'INT':
      return Number.isInteger(value) ? null : 'not an integer';
    case 'DECIMAL':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? null : 'not a decimal string';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'not a boolean';
    case 'DATE':
      return typeof value === 'string' && isRealDate(value) ? null : 'not a real YYYY-MM-DD date';
    case 'DATETIME':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'not an ISO date-time';
    case 'ENUM':
      return typeof value === 'string' && (field.enumValues ?? []).includes(value) ? null : `not one of ${(field.enumValues ?? []).join(', ')}`;
  }
}

describe('DEMO_RESOURCE_TYPES', () => {
  it('are the five demo types, each provided by its department for the right kind of subject', () => {
    const providerOf = (shortCode: string) => DEMO_DEPARTMENTS.find((d) => d.shortCode === shortCode)?.code;
    expect(DEMO_RESOURCE_TYPES.map((d) => [d.code, d.providerCode, d.subjectKind])).toEqual([
      ['household_registration', providerOf('psb'), 'PERSON'],
      ['business_registration', providerOf('amr'), 'ORGANIZATION'],
      ['marriage_registration', providerOf('civil-affairs'), 'PERSON'],
      ['social_insurance', providerOf('hrss'), 'PERSON'],
      ['real_estate_ownership', providerOf('housing'), 'PERSON'],
    ]);
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s has 8 to 15 fields across all three sharing classes', (_code, def) => {
    expect(def.fields.length).toBeGreaterThanOrEqual(8);
    expect(def.fields.length).toBeLessThanOrEqual(15);
    expect(new Set(def.fields.map((f) => f.sharing))).toEqual(new Set(['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED']));
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s: snake_case code, distinct camelCase field names none of which the hub reserves', (_code, def) => {
    expect(def.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    for (const f of def.fields) {
      expect(f.name, f.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(RESERVED_FIELDS.has(f.name), f.name).toBe(false);
    }
    expect(['subjectId', 'version', 'updatedAt', 'id'].filter((n) => def.fields.some((f) => f.name === n))).toEqual([]);
    expect(new Set(def.fields.map((f) => f.name)).size).toBe(def.fields.length);
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s: ENUM fields list distinct UPPER_SNAKE values, other fields none', (_code, def) => {
    for (const f of def.fields) {
      if (f.type === 'ENUM') {
        expect(f.enumValues?.length, f.name).toBeGreaterThan(0);
        for (const v of f.enumValues ?? []) expect(v, f.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(new Set(f.enumValues).size, f.name).toBe(f.enumValues?.length);
      } else {
        expect(f.enumValues, f.name).toBeUndefined();
      }
    }
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s: every field has a Chinese label and an English description a developer can read', (_code, def) => {
    expect(def.nameZh).toMatch(/\p{Script=Han}/u);
    for (const f of def.fields) {
      expect(f.nameZh, f.name).toMatch(/\p{Script=Han}/u);
      expect(f.description.length, f.name).toBeGreaterThanOrEqual(30);
    }
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))("%s passes the hub's own definition checks", (_code, def) => {
    expect(definitionProblems(def, new Set())).toEqual([]);
  });
});

describe('generateDemoRecords', () => {
  const somePersons = persons.slice(0, 600);
  const someOrganizations = organizations.slice(0, 120);

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code] as const))('%s: the same seed gives the same records, another seed others', (code) => {
    const first = generateDemoRecords(code, somePersons, someOrganizations, 11);
    expect(first.length).toBeGreaterThan(0);
    expect(generateDemoRecords(code, somePersons, someOrganizations, 11)).toEqual(first);
    expect(generateDemoRecords(code, somePersons, someOrganizations, 12)).not.toEqual(first);
  });

  it('gives records for a full demo seed: 10,000 persons and 2,000 organizations', () => {
    expect(records('household_registration')).toHaveLength(persons.length);
    expect(records('business_registration')).toHaveLength(organizations.length);
    expect(records('marriage_registration')).toHaveLength(adults.length);
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))('%s: only defined fields, every required one present, every value of its field type', (_code, def) => {
    const fields = new Map(def.fields.map((f) => [f.name, f]));
    const problems: string[] = [];
    for (const { subjectId, values } of records(def.code)) {
      for (const key of Object.keys(values)) if (!fields.has(key)) problems.push(`${subjectId}.${key}: not a field`);
      for (const f of def.fields) {
        const problem = typeProblem(f, values[f.name] ?? null);
        if (problem) problems.push(`${subjectId}.${f.name}: ${problem}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each(DEMO_RESOURCE_TYPES.map((d) => [d.code, d] as const))("%s: every record passes the hub's validator, once per subject of the right kind", (_code, def) => {
    const list = records(def.code);
    const problems = list.flatMap((r) => recordProblems(def, r.values).map((p) => `${r.subjectId}.${p.field}: ${p.problem}`));
    expect(problems.slice(0, 10)).toEqual([]);
    expect(list.every((r) => detectSubjectKind(r.subjectId) === def.subjectKind)).toBe(true);
    expect(new Set(list.map((r) => r.subjectId)).size).toBe(list.length);
  });

  it.each(DEMO_RESOURCE_TYPES.filter((d) => d.subjectKind === 'PERSON').map((d) => [d.code, d] as const))('%s: no date before the person was born or after the demo day', (_code, def) => {
    const dateFields = def.fields.filter((f) => f.type === 'DATE').map((f) => f.name);
    const problems: string[] = [];
    for (const { subjectId, values } of records(def.code)) {
      const born = person(subjectId).birthDate;
      for (const name of dateFields) {
        const value = values[name];
        if (typeof value === 'string' && (value < born || value > DEMO_RECORDS_AS_OF)) problems.push(`${subjectId}.${name} = ${value}, born ${born}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('refuses a code that is not a demo type', () => {
    expect(() => generateDemoRecords('dog_licence', persons, organizations)).toThrow(RangeError);
  });
});

describe('the demo records agree with the demo subjects and with each other', () => {
  it('household registration: every person under their own name, gender and birth date, registered in a Hangzhou district', () => {
    for (const { subjectId, values } of records('household_registration')) {
      const p = person(subjectId);
      expect([values.name, values.gender, values.birthDate]).toEqual([p.name, p.gender, p.birthDate]);
      expect(HANGZHOU.has(String(values.districtCode)), String(values.districtCode)).toBe(true);
      expect(String(values.registeredSince) > p.birthDate).toBe(true);
    }
  });

  it('marriage registration: spouses are demo persons of the other sex who name each other, married at legal age, with one certificate and one household', () => {
    const marriages = valuesBySubject('marriage_registration');
    const households = valuesBySubject('household_registration');
    const married = [...marriages].filter(([, v]) => v.maritalStatus === 'MARRIED');
    expect(married.length).toBeGreaterThan(1_000);
    for (const [id, v] of married) {
      const self = person(id);
      const spouse = person(v.spouseIdNumber);
      const theirs = marriages.get(spouse.idNumber);
      expect(spouse.gender).not.toBe(self.gender);
      expect(v.spouseName).toBe(spouse.name);
      expect([theirs?.spouseIdNumber, theirs?.marriageDate, theirs?.certificateNumber]).toEqual([id, v.marriageDate, v.certificateNumber]);
      expect(ageOn(self.birthDate, String(v.marriageDate))).toBeGreaterThanOrEqual(self.gender === 'MALE' ? 22 : 20);
      expect(households.get(id)?.householdNumber).toBe(households.get(spouse.idNumber)?.householdNumber);
    }
    for (const [, v] of marriages) {
      if (v.maritalStatus !== 'MARRIED') expect([v.spouseName, v.spouseIdNumber]).toEqual([null, null]);
      if (v.maritalStatus === 'UNMARRIED') expect([v.marriageDate, v.certificateNumber, v.previousMarriages]).toEqual([null, null, 0]);
    }
  });

  it('marriage registration: marital status in realistic proportions', () => {
    const count = (status: string) => records('marriage_registration').filter((r) => r.values.maritalStatus === status).length / adults.length;
    expect(count('MARRIED')).toBeGreaterThan(0.45);
    expect(count('MARRIED')).toBeLessThan(0.7);
    expect(count('UNMARRIED')).toBeGreaterThan(0.15);
    expect(count('UNMARRIED')).toBeLessThan(0.45);
    expect(count('DIVORCED')).toBeGreaterThan(0.01);
    expect(count('DIVORCED')).toBeLessThan(0.1);
    expect(count('WIDOWED')).toBeGreaterThan(0.02);
    expect(count('WIDOWED')).toBeLessThan(0.15);
  });

  it('business registration: every organization under its own name and district, represented by a demo person of age', () => {
    const byCode = new Map(organizations.map((o) => [o.creditCode, o]));
    for (const { subjectId, values } of records('business_registration')) {
      const organization = byCode.get(subjectId);
      expect([values.name, values.districtCode]).toEqual([organization?.name, organization?.regionCode]);
      const representative = person(values.legalRepresentativeIdNumber);
      expect(values.legalRepresentative).toBe(representative.name);
      expect(ageOn(representative.birthDate, String(values.establishedDate))).toBeGreaterThanOrEqual(18);
      expect(values.registeredCapital === null).toBe(values.enterpriseType === 'INDIVIDUAL_BUSINESS');
    }
  });

  it('social insurance: about 80% of those aged 18 to 65, employed by operating demo organizations', () => {
    const working = persons.filter((p) => ageOn(p.birthDate, DEMO_RECORDS_AS_OF) >= 18 && ageOn(p.birthDate, DEMO_RECORDS_AS_OF) <= 65);
    const insured = records('social_insurance');
    expect(insured.length / working.length).toBeGreaterThan(0.72);
    expect(insured.length / working.length).toBeLessThan(0.88);
    const businesses = valuesBySubject('business_registration');
    for (const { subjectId, values } of insured) {
      const age = ageOn(person(subjectId).birthDate, DEMO_RECORDS_AS_OF);
      expect(age >= 18 && age <= 65).toBe(true);
      expect(values.currentEmployer === null).toBe(values.employerCreditCode === null);
      if (values.employerCreditCode !== null) {
        const employer = businesses.get(String(values.employerCreditCode));
        expect([employer?.name, employer?.status]).toEqual([values.currentEmployer, 'OPERATING']);
      }
      expect(String(values.lastContributionMonth)).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(String(values.lastContributionMonth) >= String(values.firstContributionDate).slice(0, 7)).toBe(true);
    }
  });

  it('real estate: about 45% of adults; a property held jointly is the same property in both spouses\' records', () => {
    const owned = valuesBySubject('real_estate_ownership');
    expect(owned.size / adults.length).toBeGreaterThan(0.35);
    expect(owned.size / adults.length).toBeLessThan(0.55);
    const marriages = valuesBySubject('marriage_registration');
    const joint = [...owned].filter(([, v]) => v.ownershipType === 'JOINT');
    expect(joint.length).toBeGreaterThan(100);
    const propertyOf = (values: RecordValues | undefined) => Object.fromEntries(Object.entries(values ?? {}).filter(([name]) => name !== 'ownerName'));
    for (const [id, v] of joint) {
      const spouseId = String(marriages.get(id)?.spouseIdNumber);
      expect(propertyOf(owned.get(spouseId))).toEqual(propertyOf(v));
    }
  });
});
