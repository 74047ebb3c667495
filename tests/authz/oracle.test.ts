// The oracle of the generative test against docs/authorization.md's own words, case by case: if it drifted from the
// page, the property would check the wrong promise.
import { describe, expect, it } from 'vitest';
import { applicableGrants, decideField, defaultIdNumberMask, defaultNameMask, expectRecordMaterial, isTypeGiven, isVisible, maskingKeyOf, maskOf, type OracleGrant, type OracleReader } from './oracle.js';
import type { FieldSpec } from './world.js';

const now = new Date('2026-12-01T00:00:00Z');
const reader: OracleReader = { departmentCode: 'D', clientId: 'C', purpose: 'U', now, isProvider: false };
const key = maskingKeyOf('secret', 'D');

function grant(id: string, rules: OracleGrant['rules'], extra: Partial<OracleGrant> = {}): OracleGrant {
  return { id, consumerCode: 'D', clientId: null, purposes: ['U'], validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2027-01-01T00:00:00Z'), status: 'ACTIVE', rules, rowScope: null, ...extra };
}

const address: FieldSpec = { name: 'address', type: 'STRING', sharing: 'CONDITIONAL' };
const gender: FieldSpec = { name: 'gender', type: 'ENUM', sharing: 'UNCONDITIONAL' };
const district: FieldSpec = { name: 'districtCode', type: 'STRING', sharing: 'UNCONDITIONAL' };
const religion: FieldSpec = { name: 'religion', type: 'STRING', sharing: 'NOT_SHARED' };
const fields = [district, gender, address, religion];
const inScope = { districtCode: '330106', gender: 'MALE', address: '文三路1号', religion: '无' };
const outOfScope = { ...inScope, districtCode: '330102' };

describe('which grants count', () => {
  it('only ACTIVE grants of the department, valid now, for the purpose, for the department or this client', () => {
    const counted = applicableGrants(
      [
        grant('1', []),
        grant('2', [], { consumerCode: 'E' }),
        grant('3', [], { status: 'SUSPENDED' }),
        grant('4', [], { status: 'REVOKED' }),
        grant('5', [], { validUntil: now }),
        grant('6', [], { validFrom: new Date(now.getTime() + 1) }),
        grant('7', [], { purposes: ['V'] }),
        grant('8', [], { clientId: 'other' }),
        grant('9', [], { clientId: 'C', validFrom: now }),
      ],
      reader,
    );
    expect(counted.map((g) => g.id)).toEqual(['1', '9']);
  });
});

describe('one decision per field and per record', () => {
  const scoped = grant('b', [{ field: 'address', effect: 'ALLOW' }], { rowScope: { field: 'districtCode', values: ['330106'] } });
  const unscopedOther = grant('a', [{ field: 'gender', effect: 'ALLOW' }]);

  it('an unscoped grant for another field never widens a scoped one (issue 12, defect 1)', () => {
    expect(decideField(address, inScope, [unscopedOther, scoped], false).kind).toBe('CLEAR');
    expect(decideField(address, outOfScope, [unscopedOther, scoped], false).kind).toBe('WITHHELD');
    expect(decideField(gender, outOfScope, [unscopedOther, scoped], false).kind).toBe('CLEAR');
  });

  it('ALLOW from a covering grant wins over MASK; MASK takes the first covering masking grant by id; NOT_SHARED and DENY withhold', () => {
    const masks = [
      grant('c', [{ field: 'address', effect: 'MASK', mask: { strategy: 'REDACT' } }]),
      grant('a', [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 2 } }], { rowScope: { field: 'districtCode', values: ['330102'] } }),
      grant('b', [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_LAST', n: 2 } }]),
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(decideField(address, inScope, masks, false)).toEqual({ kind: 'MASKED', grant: 'b', mask: { strategy: 'KEEP_LAST', n: 2 } });
    expect(decideField(address, inScope, [...masks, grant('d', [{ field: 'address', effect: 'ALLOW' }])], false).kind).toBe('CLEAR');
    expect(decideField(address, inScope, [grant('a', [{ field: 'address', effect: 'ALLOW' }]), grant('z', [{ field: 'address', effect: 'DENY' }])], false).kind).toBe('WITHHELD');
    expect(decideField(religion, inScope, [grant('a', [{ field: 'religion', effect: 'ALLOW' }])], false).kind).toBe('WITHHELD');
    expect(decideField(religion, inScope, [], true).kind).toBe('CLEAR');
  });

  it('a record no grant lets any field out of is not visible; a type no grant gives is refused', () => {
    expect(isVisible(fields, outOfScope, [scoped], false)).toBe(false);
    expect(isVisible(fields, inScope, [scoped], false)).toBe(true);
    expect(isVisible(fields, outOfScope, [scoped, unscopedOther], false)).toBe(true);
    expect(isTypeGiven(fields, [], false)).toBe(false);
    expect(isTypeGiven(fields, [grant('a', [{ field: 'religion', effect: 'ALLOW' }])], false)).toBe(false);
  });
});

describe('masks', () => {
  it('keep n code points at one end and star the rest; a value not longer than n is ***', () => {
    expect(maskOf({ strategy: 'KEEP_FIRST', n: 1 }, '张三丰', key)).toBe('张**');
    expect(maskOf({ strategy: 'KEEP_LAST', n: 2 }, 'a𠀀b😀', key)).toBe('**b😀');
    expect(maskOf({ strategy: 'KEEP_LAST', n: 3 }, '张三丰', key)).toBe('***');
    expect(maskOf({ strategy: 'REDACT' }, 'anything', key)).toBe('***');
    expect(maskOf({ strategy: 'DATE_YEAR_ONLY' }, '1990-05-17', key)).toBe('1990');
    expect(maskOf({ strategy: 'DATE_YEAR_ONLY' }, '2001-02-03T04:05:06.000Z', key)).toBe('2001');
    expect(maskOf({ strategy: 'REDACT' }, null, key)).toBeNull();
  });

  it('HASH is keyed per consumer department: the same value hashes differently for another department', () => {
    const mine = maskOf({ strategy: 'HASH' }, '文三路1号', key);
    expect(mine).toMatch(/^[0-9a-f]{64}$/);
    expect(maskOf({ strategy: 'HASH' }, '文三路1号', maskingKeyOf('secret', 'E'))).not.toBe(mine);
  });

  it('the holder’s default masks: 张*, 330***********1234', () => {
    expect(defaultNameMask('张三')).toBe('张*');
    expect(defaultIdNumberMask('330106199001011234')).toBe('330***********1234');
  });
});

describe('values used in a computation', () => {
  const income: FieldSpec = { name: 'income', type: 'INT', sharing: 'CONDITIONAL' };
  const typeFields = [district, address, income];
  const stored = { districtCode: '330106', address: '文三路1号', income: 5000 };
  const material = { fields: ['address'], condition: { field: 'income', operator: 'AT_LEAST' as const, values: ['4000'] }, isSatisfiedWhenAbsent: false };

  it('a condition on a masked field is NO_GRANT naming it, whatever the value', () => {
    const grants = [grant('a', [{ field: 'address', effect: 'ALLOW' }, { field: 'income', effect: 'MASK', mask: { strategy: 'REDACT' } }])];
    expect(expectRecordMaterial('t', typeFields, material, stored, grants, key)).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT', missing: ['income'] });
  });

  it('a condition on a field in the clear decides, and the values leave as the grant shows them', () => {
    const grants = [grant('a', [{ field: 'address', effect: 'MASK', mask: { strategy: 'KEEP_FIRST', n: 2 } }, { field: 'income', effect: 'ALLOW' }])];
    const met = expectRecordMaterial('t', typeFields, material, stored, grants, key);
    expect(met).toMatchObject({ outcome: 'SATISFIED', values: { address: { value: '文三***' } } });
    expect([...met.audit.masked]).toEqual(['t.address']);
    expect(expectRecordMaterial('t', typeFields, material, { ...stored, income: 3000 }, grants, key)).toMatchObject({ outcome: 'NEEDED', reason: 'CONDITION_NOT_MET' });
  });

  it('an out-of-scope record is answered as absent, and a scoped grant never certifies an absence', () => {
    const scopedOnly = [grant('a', [{ field: 'address', effect: 'ALLOW' }], { rowScope: { field: 'districtCode', values: ['330102'] } })];
    const absentOk = { fields: ['address'], condition: null, isSatisfiedWhenAbsent: true };
    expect(expectRecordMaterial('t', typeFields, { ...absentOk, isSatisfiedWhenAbsent: false }, stored, scopedOnly, key)).toMatchObject({ outcome: 'NEEDED', reason: 'NO_RECORD', situation: 'OUT_OF_SCOPE' });
    // With scoped grants alone, absent and out of scope give the same NO_GRANT: neither certifies an absence.
    expect(expectRecordMaterial('t', typeFields, absentOk, stored, scopedOnly, key)).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT', situation: 'OUT_OF_SCOPE' });
    expect(expectRecordMaterial('t', typeFields, absentOk, null, scopedOnly, key)).toMatchObject({ outcome: 'NEEDED', reason: 'NO_GRANT', situation: 'ABSENT' });
    const unscoped = [grant('a', [{ field: 'address', effect: 'ALLOW' }])];
    expect(expectRecordMaterial('t', typeFields, absentOk, null, unscoped, key)).toMatchObject({ outcome: 'SATISFIED', values: null });
  });
});
