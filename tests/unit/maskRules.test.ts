// The masking rules the console previews are the hub's own: maskValue is applyMask with the keyed hash.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../src/catalog/definition.js';
import { maskValue } from '../../src/authz/masking.js';
import { applyMask, maskCompatibility, STRATEGIES_BY_TYPE } from '../../src/authz/maskRules.js';

const field = (type: FieldDefinition['type']): FieldDefinition => ({ name: 'f', nameZh: 'f', type, sharing: 'CONDITIONAL', required: false, description: 'f' });
const noHash = () => {
  throw new Error('not HASH');
};

describe('the masking rules without their key', () => {
  it('give what the hub gives for every strategy but HASH', () => {
    for (const [value, type, rule] of [
      ['杭州市西湖区文三路 1 号', 'STRING', { strategy: 'KEEP_FIRST', n: 3 }],
      ['330102197512316137', 'STRING', { strategy: 'KEEP_LAST', n: 4 }],
      ['abc', 'STRING', { strategy: 'KEEP_FIRST', n: 5 }],
      ['secret', 'DECIMAL', { strategy: 'REDACT' }],
      ['1975-12-31', 'DATE', { strategy: 'DATE_YEAR_ONLY' }],
    ] as const) {
      expect(applyMask(value, field(type), rule, noHash)).toBe(maskValue(value, field(type), rule, 'key'));
    }
    expect(applyMask('杭州市西湖区文三路 1 号', field('STRING'), { strategy: 'KEEP_FIRST', n: 3 }, noHash)).toBe('杭州市**********');
  });

  it('hash through the function given, and refuse what does not fit the field', () => {
    expect(applyMask('x', field('STRING'), { strategy: 'HASH' }, (t) => `h(${t})`)).toBe('h(x)');
    expect(STRATEGIES_BY_TYPE.INT).toEqual([]);
    expect(maskCompatibility(field('INT'), { strategy: 'REDACT' })).toMatch(/cannot be masked/);
    expect(applyMask(42, field('INT'), { strategy: 'REDACT' }, noHash)).toBeNull();
  });
});
