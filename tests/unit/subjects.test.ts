// The demo's synthetic subjects: the same seed gives the same people and organizations, every identifier valid and distinct.
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, detectSubjectKind, organizationCodeCheckChar, residentIdProblem } from '../../src/certs/identifiers.js';
import { createRandom, DEMO_DEPARTMENTS, DEMO_REGIONS, generateOrganizations, generatePersons } from '../../src/demo/subjects.js';

// One demo seed's worth, generated once for the whole file.
const persons = generatePersons(10_000);
const organizations = generateOrganizations(2_000);

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within its bounds: next in [0, 1), int inclusive at both ends, pick from the list', () => {
    const random = createRandom(7);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      ints.add(random.int(3, 6));
      expect(['a', 'b']).toContain(random.pick(['a', 'b'] as const));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});

describe('generatePersons', () => {
  it('gives the same persons for the same seed and different ones for another seed', () => {
    expect(generatePersons(500)).toEqual(persons.slice(0, 500));
    expect(generatePersons(50, 99)).toEqual(generatePersons(50, 99));
    expect(generatePersons(50, 99)).not.toEqual(persons.slice(0, 50));
  });

  it('makes exactly as many persons as asked', () => {
    expect(persons).toHaveLength(10_000);
    expect(generatePersons(0)).toEqual([]);
    expect(generatePersons(1)).toHaveLength(1);
  });

  it('gives every person a valid resident ID number, none shared', () => {
    expect(persons.filter((p) => residentIdProblem(p.idNumber) !== null)).toEqual([]);
    expect(persons.every((p) => detectSubjectKind(p.idNumber) === 'PERSON')).toBe(true);
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
  });

  it('writes region, birth date and gender into the ID number: odd sequence for men, even for women', () => {
    for (const p of persons) {
      expect(p.idNumber.slice(0, 6)).toBe(p.regionCode);
      expect(p.idNumber.slice(6, 14)).toBe(p.birthDate.replaceAll('-', ''));
      expect(Number(p.idNumber[16]) % 2).toBe(p.gender === 'MALE' ? 1 : 0);
    }
  });

  it('keeps birth dates between 1940 and 2006, as real YYYY-MM-DD dates', () => {
    for (const p of persons) {
      expect(p.birthDate).toMatch(/^(19[4-9]\d|200[0-6])-\d\d-\d\d$/);
      expect(new Date(`${p.birthDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.birthDate);
    }
  });

  it('uses plausible Chinese names of two or three characters and both genders', () => {
    expect(persons.every((p) => /^\p{Script=Han}{2,3}$/u.test(p.name))).toBe(true);
    const men = persons.filter((p) => p.gender === 'MALE').length;
    expect(men).toBeGreaterThan(4_500);
    expect(men).toBeLessThan(5_500);
    // The commonest surname should be common, not the only one.
    const wang = persons.filter((p) => p.name.startsWith('王')).length;
    expect(wang).toBeGreaterThan(200);
    expect(wang).toBeLessThan(1_500);
  });

  it('mostly draws residents from Hangzhou, with some from other cities', () => {
    const hangzhou = persons.filter((p) => p.regionCode.startsWith('3301')).length;
    expect(hangzhou).toBeGreaterThan(7_000);
    expect(hangzhou).toBeLessThan(persons.length);
    expect(persons.every((p) => /^\d{6}$/.test(p.regionCode) && p.regionName.length > 0)).toBe(true);
  });

  it('gives no one born before 2021 a region code created in 2021', () => {
    expect(persons.filter((p) => p.regionCode === '330113' || p.regionCode === '330114')).toEqual([]);
  });
});

describe('generateOrganizations', () => {
  it('gives the same organizations for the same seed and different ones for another seed', () => {
    expect(generateOrganizations(300)).toEqual(organizations.slice(0, 300));
    expect(generateOrganizations(30, 5)).not.toEqual(organizations.slice(0, 30));
  });

  it('makes exactly as many organizations as asked', () => {
    expect(organizations).toHaveLength(2_000);
    expect(generateOrganizations(0)).toEqual([]);
  });

  it('gives every organization a valid credit code, none shared, and a distinct name', () => {
    expect(organizations.filter((o) => creditCodeProblem(o.creditCode) !== null)).toEqual([]);
    expect(organizations.every((o) => detectSubjectKind(o.creditCode) === 'ORGANIZATION')).toBe(true);
    expect(new Set(organizations.map((o) => o.creditCode)).size).toBe(organizations.length);
    expect(new Set(organizations.map((o) => o.name)).size).toBe(organizations.length);
  });

  it('registers them with market regulation in a Hangzhou district, with the category that fits the form', () => {
    const categoryOf: Record<string, string> = { 有限责任公司: '1', 股份有限公司: '1', 个体工商户: '2', 农民专业合作社: '3' };
    const hangzhou = new Set(DEMO_REGIONS.map((r) => r.code));
    for (const o of organizations) {
      expect(o.creditCode[0]).toBe('9');
      expect(o.creditCode[1]).toBe(categoryOf[o.kind]);
      expect(o.creditCode.slice(2, 8)).toBe(o.regionCode);
      expect(hangzhou.has(o.regionCode)).toBe(true);
    }
    expect(new Set(organizations.map((o) => o.kind))).toEqual(new Set(Object.keys(categoryOf)));
  });

  it('names companies after city, district, trade name, industry and form', () => {
    const companies = organizations.filter((o) => o.kind === '有限责任公司');
    expect(companies.length).toBeGreaterThan(1_000);
    expect(companies.every((o) => /^杭州\p{Script=Han}+有限公司$/u.test(o.name) && !o.name.includes('股份'))).toBe(true);
    const xihu = companies.find((o) => o.regionCode === '330106');
    expect(xihu?.name).toMatch(/^杭州西湖/);
  });
});

describe('DEMO_DEPARTMENTS', () => {
  it('lists the six demo departments once each', () => {
    expect(DEMO_DEPARTMENTS.map((d) => d.shortCode)).toEqual(['psb', 'amr', 'civil-affairs', 'hrss', 'housing', 'service-center']);
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.code)).size).toBe(6);
    expect(DEMO_DEPARTMENTS.every((d) => d.name.startsWith('杭州市') && d.nameEn.startsWith('Hangzhou '))).toBe(true);
  });

  it('gives each a valid credit code of a Hangzhou government organ (机构编制, 机关, 330100)', () => {
    for (const d of DEMO_DEPARTMENTS) {
      expect(creditCodeProblem(d.code)).toBeNull();
      expect(d.code.slice(0, 8)).toBe('11330100');
    }
  });

  it('stores exactly the codes built from organization code bodies MBDEM001 … MBDEM006', () => {
    const built = DEMO_DEPARTMENTS.map((_, i) => {
      const orgBody = `MBDEM00${i + 1}`;
      const body = `11330100${orgBody}${organizationCodeCheckChar(orgBody)}`;
      return body + creditCodeCheckChar(body);
    });
    expect(DEMO_DEPARTMENTS.map((d) => d.code)).toEqual(built);
  });
});
