// What changed between two versions of a catalog entry, as the console's catalog page shows it.
import { describe, expect, it } from 'vitest';
import { diffVersions, type DiffEntry } from '../../console/src/admin/catalog/versionDiff.js';

const field = (name: string, extra: Partial<DiffEntry['fields'][number]> = {}) => ({ name, nameZh: name, type: 'STRING', sharing: 'CONDITIONAL', required: false, description: `${name}.`, ...extra });
const entry = (fields: DiffEntry['fields'], extra: Partial<DiffEntry> = {}): DiffEntry => ({ nameZh: '户籍', nameEn: 'Household', description: 'd', fields, ...extra });

describe('diffVersions', () => {
  it('names fields added, removed and changed, with each changed property before and after', () => {
    const before = entry([field('name'), field('address'), field('gender', { type: 'ENUM', enumValues: ['MALE', 'FEMALE'] })]);
    const after = entry([field('name', { sharing: 'UNCONDITIONAL' }), field('gender', { type: 'ENUM', enumValues: ['MALE', 'FEMALE', 'OTHER'] }), field('phone')], { nameEn: 'Household registration' });
    const diff = diffVersions(before, after);
    expect(diff.entry).toEqual([{ property: 'nameEn', before: 'Household', after: 'Household registration' }]);
    expect(diff.fields).toEqual([
      { name: 'address', kind: 'REMOVED', changes: [] },
      { name: 'name', kind: 'CHANGED', changes: [{ property: 'sharing', before: 'CONDITIONAL', after: 'UNCONDITIONAL' }] },
      { name: 'gender', kind: 'CHANGED', changes: [{ property: 'enumValues', before: 'MALE, FEMALE', after: 'MALE, FEMALE, OTHER' }] },
      { name: 'phone', kind: 'ADDED', changes: [] },
    ]);
  });

  it('finds nothing between a version and itself (null and absent enum values alike)', () => {
    const a = entry([field('name', { enumValues: null })]);
    const b = entry([field('name')]);
    expect(diffVersions(a, b)).toEqual({ entry: [], fields: [] });
  });

  it('names a certificate type’s change of default validity, and a change to no end', () => {
    expect(diffVersions(entry([], { defaultValidityDays: 365 }), entry([], { defaultValidityDays: 730 })).entry).toEqual([{ property: 'defaultValidityDays', before: '365', after: '730' }]);
    expect(diffVersions(entry([], { defaultValidityDays: 365 }), entry([], { defaultValidityDays: null })).entry).toEqual([{ property: 'defaultValidityDays', before: '365', after: '' }]);
  });
});
