// Masking strategies as pure functions: every strategy, Chinese text, short values, per-department hash keys, refusals.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveMaskingKey, maskCompatibility, maskValue } from '../../src/authz/masking.js';
import type { FieldDefinition, FieldType, MaskRule, MaskStrategy } from '../../src/catalog/definition.js';

function field(type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { name: 'f', nameZh: '字段', type, sharing: 'CONDITIONAL', required: false, description: '', ...extra };
}

const STRING = field('STRING');
const KEY = deriveMaskingKey('test-secret', 'HRSS');

describe('maskValue REDACT', () => {
  it('shows a fixed *** for a string', () => {
    expect(maskValue('张三丰', STRING, { strategy: 'REDACT' }, KEY)).toBe('***');
  });

  it('gives the same output for a one-character and a long value, so the length does not leak', () => {
    const short = maskValue('张', STRING, { strategy: 'REDACT' }, KEY);
    const long = maskValue('北京市东城区景山前街4号故宫博物院西华门内'.repeat(20), STRING, { strategy: 'REDACT' }, KEY);
    expect(short).toBe(long);
    expect(maskValue('', STRING, { strategy: 'REDACT' }, KEY)).toBe(short);
  });

  it('redacts a DECIMAL, which the hub serves as a String', () => {
    expect(maskValue('123456.78', field('DECIMAL'), { strategy: 'REDACT' }, KEY)).toBe('***');
  });
});

describe('maskValue KEEP_FIRST and KEEP_LAST', () => {
  it('keeps the first Chinese character of a name and stars each of the others', () => {
    expect(maskValue('张三丰', STRING, { strategy: 'KEEP_FIRST', n: 1 }, KEY)).toBe('张**');
  });

  it('keeps the last characters of a name', () => {
    expect(maskValue('欧阳娜娜', STRING, { strategy: 'KEEP_LAST', n: 2 }, KEY)).toBe('**娜娜');
  });

  it('keeps the region prefix or the last four characters of a resident ID number', () => {
    expect(maskValue('11010519491231002X', STRING, { strategy: 'KEEP_FIRST', n: 6 }, KEY)).toBe('110105************');
    expect(maskValue('11010519491231002X', STRING, { strategy: 'KEEP_LAST', n: 4 }, KEY)).toBe('**************002X');
  });

  it('counts a supplementary-plane character as one character and never splits it', () => {
    // 𠮷 (U+20BB7) is two UTF-16 units.
    expect(maskValue('𠮷野家', STRING, { strategy: 'KEEP_FIRST', n: 1 }, KEY)).toBe('𠮷**');
    expect(maskValue('吉野𠮷', STRING, { strategy: 'KEEP_LAST', n: 1 }, KEY)).toBe('**𠮷');
  });

  it('shows a value no longer than n no more than REDACT would', () => {
    expect(maskValue('张三', STRING, { strategy: 'KEEP_FIRST', n: 2 }, KEY)).toBe('***');
    expect(maskValue('张', STRING, { strategy: 'KEEP_LAST', n: 3 }, KEY)).toBe('***');
    expect(maskValue('', STRING, { strategy: 'KEEP_FIRST', n: 1 }, KEY)).toBe('***');
  });

  it('keeps the first digits of a DECIMAL', () => {
    expect(maskValue('8500.00', field('DECIMAL'), { strategy: 'KEEP_FIRST', n: 1 }, KEY)).toBe('8******');
  });
});

describe('maskValue DATE_YEAR_ONLY', () => {
  it('reduces a DATE to its year', () => {
    expect(maskValue('1985-07-14', field('DATE'), { strategy: 'DATE_YEAR_ONLY' }, KEY)).toBe('1985');
  });

  it('reduces a DATETIME to the year as written', () => {
    expect(maskValue('2024-01-01T00:30:00+08:00', field('DATETIME'), { strategy: 'DATE_YEAR_ONLY' }, KEY)).toBe('2024');
    expect(maskValue('1999-12-31T23:59:59.123Z', field('DATETIME'), { strategy: 'DATE_YEAR_ONLY' }, KEY)).toBe('1999');
  });

  it('withholds a stored value that is not a date rather than showing part of it', () => {
    expect(maskValue('not a date', field('DATE'), { strategy: 'DATE_YEAR_ONLY' }, KEY)).toBeNull();
  });
});

describe('maskValue HASH', () => {
  it('is the lowercase hex HMAC-SHA-256 of the value under the given key, all 64 characters', () => {
    const hash = maskValue('11010519491231002X', STRING, { strategy: 'HASH' }, KEY);
    expect(hash).toBe(createHmac('sha256', KEY).update('11010519491231002X').digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes Chinese text as UTF-8', () => {
    expect(maskValue('张三丰', STRING, { strategy: 'HASH' }, 'k')).toBe(createHmac('sha256', 'k').update(Buffer.from('张三丰', 'utf8')).digest('hex'));
  });

  it('gives one department the same hash for the same value, so it can still join its own records', () => {
    const again = deriveMaskingKey('test-secret', 'HRSS');
    expect(maskValue('张三丰', STRING, { strategy: 'HASH' }, again)).toBe(maskValue('张三丰', STRING, { strategy: 'HASH' }, KEY));
  });

  it('gives two departments different hashes for the same value, so they cannot join theirs', () => {
    const other = deriveMaskingKey('test-secret', 'CIVIL_AFFAIRS');
    expect(maskValue('张三丰', STRING, { strategy: 'HASH' }, other)).not.toBe(maskValue('张三丰', STRING, { strategy: 'HASH' }, KEY));
  });

  it('refuses an empty key instead of producing an unkeyed, reversible hash', () => {
    expect(() => maskValue('张三丰', STRING, { strategy: 'HASH' }, '')).toThrow(/non-empty/);
    expect(() => maskValue('张三丰', STRING, { strategy: 'HASH' }, new Uint8Array(0))).toThrow(/non-empty/);
  });
});

describe('maskValue null and rules that do not fit', () => {
  it('keeps null as null under every strategy', () => {
    const rules: [FieldDefinition, MaskRule][] = [
      [STRING, { strategy: 'REDACT' }],
      [STRING, { strategy: 'KEEP_FIRST', n: 1 }],
      [STRING, { strategy: 'KEEP_LAST', n: 1 }],
      [STRING, { strategy: 'HASH' }],
      [field('DATE'), { strategy: 'DATE_YEAR_ONLY' }],
    ];
    for (const [f, rule] of rules) expect(maskValue(null, f, rule, KEY)).toBeNull();
  });

  it('withholds the value when the rule does not fit the field, never showing it in clear', () => {
    expect(maskValue(42, field('INT'), { strategy: 'REDACT' }, KEY)).toBeNull();
    expect(maskValue('1985-07-14', field('DATE'), { strategy: 'HASH' }, KEY)).toBeNull();
    expect(maskValue('张三丰', STRING, { strategy: 'KEEP_LAST', n: 0 }, KEY)).toBeNull();
    expect(maskValue('张三丰', STRING, { strategy: 'KEEP_FIRST' }, KEY)).toBeNull();
  });
});

describe('deriveMaskingKey', () => {
  it('is HMAC-SHA-256 of the secret over "sharehub:mask:" and the department code', () => {
    expect(deriveMaskingKey('s', 'HRSS').equals(createHmac('sha256', 's').update('sharehub:mask:HRSS').digest())).toBe(true);
    expect(deriveMaskingKey('s', 'HRSS')).toHaveLength(32);
  });

  it('gives each department its own key', () => {
    expect(deriveMaskingKey('s', 'HRSS').equals(deriveMaskingKey('s', 'PSB'))).toBe(false);
  });
});

describe('maskCompatibility', () => {
  const fits = (type: FieldType, rule: MaskRule) => maskCompatibility(field(type), rule);

  it('accepts REDACT, KEEP_FIRST, KEEP_LAST and HASH for STRING and DECIMAL', () => {
    for (const type of ['STRING', 'DECIMAL'] as const) {
      expect(fits(type, { strategy: 'REDACT' })).toBeNull();
      expect(fits(type, { strategy: 'KEEP_FIRST', n: 1 })).toBeNull();
      expect(fits(type, { strategy: 'KEEP_LAST', n: 32 })).toBeNull();
      expect(fits(type, { strategy: 'HASH' })).toBeNull();
    }
  });

  it('accepts only DATE_YEAR_ONLY for DATE and DATETIME, whose scalars accept a bare year', () => {
    for (const type of ['DATE', 'DATETIME'] as const) {
      expect(fits(type, { strategy: 'DATE_YEAR_ONLY' })).toBeNull();
      for (const strategy of ['REDACT', 'HASH'] as const) expect(fits(type, { strategy })).toBe(`${strategy} cannot mask a ${type} field; use DATE_YEAR_ONLY`);
      expect(fits(type, { strategy: 'KEEP_FIRST', n: 4 })).toMatch(/cannot mask/);
    }
  });

  it('refuses DATE_YEAR_ONLY for a STRING field', () => {
    expect(fits('STRING', { strategy: 'DATE_YEAR_ONLY' })).toBe('DATE_YEAR_ONLY cannot mask a STRING field; use REDACT, KEEP_FIRST, KEEP_LAST, HASH');
  });

  it('refuses every strategy for INT, BOOLEAN and ENUM: they are ALLOW or DENY', () => {
    const strategies: MaskStrategy[] = ['REDACT', 'KEEP_FIRST', 'KEEP_LAST', 'DATE_YEAR_ONLY', 'HASH'];
    for (const type of ['INT', 'BOOLEAN', 'ENUM'] as const) {
      for (const strategy of strategies) {
        const rule: MaskRule = strategy === 'KEEP_FIRST' || strategy === 'KEEP_LAST' ? { strategy, n: 1 } : { strategy };
        expect(fits(type, rule)).toBe(`${type} fields cannot be masked; grant ALLOW or DENY`);
      }
    }
    expect(fits('INT', { strategy: 'REDACT' })).toBe('INT fields cannot be masked; grant ALLOW or DENY');
  });

  it('requires KEEP_FIRST and KEEP_LAST to carry an integer n from 1 to 32', () => {
    for (const n of [undefined, 0, -1, 33, 1.5, Number.NaN]) {
      expect(fits('STRING', n === undefined ? { strategy: 'KEEP_FIRST' } : { strategy: 'KEEP_FIRST', n })).toBe('KEEP_FIRST needs n, an integer from 1 to 32');
      expect(fits('STRING', n === undefined ? { strategy: 'KEEP_LAST' } : { strategy: 'KEEP_LAST', n })).toBe('KEEP_LAST needs n, an integer from 1 to 32');
    }
  });

  it('refuses n on a strategy that takes none', () => {
    expect(fits('STRING', { strategy: 'REDACT', n: 2 })).toBe('REDACT takes no n');
    expect(fits('STRING', { strategy: 'HASH', n: 2 })).toBe('HASH takes no n');
    expect(fits('DATE', { strategy: 'DATE_YEAR_ONLY', n: 2 })).toBe('DATE_YEAR_ONLY takes no n');
  });

  it('refuses a strategy it does not know, as may come from stored JSON', () => {
    const rule = JSON.parse('{"strategy":"SHOW_ALL"}') as MaskRule;
    expect(fits('STRING', rule)).toBe('Unknown mask strategy SHOW_ALL; expected one of REDACT, KEEP_FIRST, KEEP_LAST, DATE_YEAR_ONLY, HASH');
    expect(maskValue('张三丰', STRING, rule, KEY)).toBeNull();
  });
});
