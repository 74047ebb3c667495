// The access plan's hard cases, as pure functions: deny by default, DENY wins, NOT_SHARED, provider, purpose, and
// row scopes per field through the one enforcement point (releaseValues).
import { describe, expect, it } from 'vitest';
import { decideForRow, fieldsToFetch, planResource, type ApplicableGrant } from '../../src/authz/plan.js';
import { releaseValues, tallyReleases } from '../../src/authz/release.js';
import type { CatalogEntry } from '../../src/catalog/catalog.js';

const entry: CatalogEntry = {
  code: 'household_registration',
  nameZh: '户籍信息',
  nameEn: 'Household registration',
  providerCode: 'PSB',
  subjectKind: 'PERSON',
  description: '',
  version: 1,
  fields: [
    { name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: '' },
    { name: 'address', nameZh: '住址', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: '' },
    { name: 'districtCode', nameZh: '区划', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: '' },
    { name: 'religion', nameZh: '宗教', type: 'STRING', sharing: 'NOT_SHARED', required: false, description: '' },
  ],
};

function grant(id: string, rules: ApplicableGrant['rules'], extra: Partial<ApplicableGrant> = {}): ApplicableGrant {
  return { id, version: 1, clientId: null, purposes: ['P1'], rules, rowScope: null, ...extra };
}

const plan = (grants: ApplicableGrant[], over: Partial<Parameters<typeof planResource>[0]> = {}) =>
  planResource({ departmentCode: 'HRSS', clientId: 'hrss-system', purpose: 'P1', entry, selected: new Set(['name', 'address']), grants, ...over });

describe('planResource', () => {
  it('denies every field when there is no grant', () => {
    const p = plan([]);
    expect([...p.fields.values()].every((d) => d.effect === 'DENY')).toBe(true);
  });

  it('the provider reads all its fields, NOT_SHARED included', () => {
    const p = plan([], { departmentCode: 'PSB' });
    expect(p.isProvider).toBe(true);
    expect(p.fields.get('religion')?.effect).toBe('ALLOW');
  });

  it('an explicit DENY in one grant wins over an ALLOW in another', () => {
    const p = plan([grant('a', [{ field: 'name', effect: 'ALLOW' }]), grant('b', [{ field: 'name', effect: 'DENY' }])]);
    expect(p.fields.get('name')).toEqual({ effect: 'DENY', grants: [], deniedBy: 'b@1' });
  });

  it('an ALLOW wins over a MASK, and the deciding grant is cited', () => {
    const p = plan([grant('m', [{ field: 'address', effect: 'MASK', mask: { strategy: 'REDACT' } }]), grant('a', [{ field: 'address', effect: 'ALLOW' }])]);
    expect(p.fields.get('address')?.effect).toBe('ALLOW');
    expect(decideForRow(p.fields.get('address')!, {})).toEqual({ effect: 'ALLOW', grant: 'a@1' });
  });

  it('a MASK alone masks', () => {
    const p = plan([grant('m', [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 } }])]);
    expect(p.fields.get('address')?.effect).toBe('MASK');
    expect(decideForRow(p.fields.get('address')!, {})).toEqual({ effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 }, grant: 'm@1' });
  });

  it('a NOT_SHARED field stays denied even if a grant names it', () => {
    const p = plan([grant('a', [{ field: 'religion', effect: 'ALLOW' }])]);
    expect(p.fields.get('religion')?.effect).toBe('DENY');
  });

  it('a grant for another purpose does not apply', () => {
    const p = plan([grant('a', [{ field: 'name', effect: 'ALLOW' }], { purposes: ['P2'] })]);
    expect(p.fields.get('name')?.effect).toBe('DENY');
  });

  it('a grant for one client does not apply to another client of the department', () => {
    const p = plan([grant('a', [{ field: 'name', effect: 'ALLOW' }], { clientId: 'hrss-other' })]);
    expect(p.fields.get('name')?.effect).toBe('DENY');
    expect(plan([grant('a', [{ field: 'name', effect: 'ALLOW' }], { clientId: 'hrss-system' })]).fields.get('name')?.effect).toBe('ALLOW');
  });

  const district = (values: string[]) => ({ rowScope: { field: 'districtCode', values } });
  const row = (districtCode: string | null) => ({ name: '唐翔', address: '西湖区文三路 1 号', districtCode, religion: 'x' });

  it('row scopes: a record is covered by the union of the scoped grants', () => {
    const scoped = plan([grant('a', [{ field: 'name', effect: 'ALLOW' }], district(['330106'])), grant('b', [{ field: 'name', effect: 'ALLOW' }], district(['330108']))]);
    expect(releaseValues(scoped, entry.fields, row('330106'), 'k').values).toEqual({ name: '唐翔' });
    expect(releaseValues(scoped, entry.fields, row('330108'), 'k').isVisible).toBe(true);
    expect(releaseValues(scoped, entry.fields, row('330102'), 'k').isVisible).toBe(false);
    expect(releaseValues(scoped, entry.fields, row(null), 'k').isVisible).toBe(false);
    expect(fieldsToFetch(scoped)).toContain('districtCode');
  });

  it('an unscoped grant for one field never lifts the row scope of another field (defect 1)', () => {
    const p = plan([grant('a', [{ field: 'address', effect: 'ALLOW' }], district(['330106'])), grant('g', [{ field: 'name', effect: 'ALLOW' }])]);
    const outside = releaseValues(p, entry.fields, row('330102'), 'k');
    expect(outside.isVisible).toBe(true);
    expect(outside.values).toEqual({ name: '唐翔' });
    expect(outside.withheld.has('address')).toBe(true);
    const inside = releaseValues(p, entry.fields, row('330106'), 'k');
    expect(inside.values).toEqual({ name: '唐翔', address: '西湖区文三路 1 号' });
    expect(inside.cited.get('address')).toBe('a@1');
  });

  it('a scoped ALLOW and an unscoped MASK: clear inside the scope, masked outside it, never clear outside', () => {
    const p = plan([grant('a', [{ field: 'address', effect: 'ALLOW' }], district(['330106'])), grant('m', [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 3 } }])]);
    expect(releaseValues(p, entry.fields, row('330106'), 'k').values.address).toBe('西湖区文三路 1 号');
    const outside = releaseValues(p, entry.fields, row('330102'), 'k');
    expect(outside.values.address).toBe('西湖区*******');
    expect(outside.clear).toEqual({});
    expect(outside.masked.has('address')).toBe(true);
  });

  it('the audit tally names what left for some record, and what no grant gives', () => {
    const p = plan([grant('a', [{ field: 'address', effect: 'ALLOW' }], district(['330106'])), grant('m', [{ field: 'address', effect: 'MASK', mask: { strategy: 'REDACT' } }])]);
    const tally = tallyReleases(p, 'household_registration', [releaseValues(p, entry.fields, row('330106'), 'k'), releaseValues(p, entry.fields, row('330102'), 'k')]);
    expect(tally.returned).toEqual(['household_registration.address']);
    expect(tally.masked).toEqual(['household_registration.address']);
    expect(tally.denied).toEqual(['household_registration.name']);
  });

  it('fetches only fields that are allowed or masked', () => {
    const p = plan([grant('a', [{ field: 'name', effect: 'ALLOW' }])]);
    expect(fieldsToFetch(p)).toEqual(['name']);
  });
});
