// What a span may carry (issue 17): SQL text without literal values (MikroORM inlines its parameters into the text),
// and no identifier anywhere in a text.
import { describe, expect, it } from 'vitest';
import { redactIdentifiers, sanitizeStatement } from '../../src/tracing/redaction.js';

describe('sanitizeStatement', () => {
  it('replaces string literals, escaped quotes included, and keeps placeholders, names and casts', () => {
    expect(sanitizeStatement(`SELECT r.data FROM record r WHERE r.subject_id = '330102197512316137' AND t0.note = 'it''s' AND x = $1::jsonb`)).toBe(
      `SELECT r.data FROM record r WHERE r.subject_id = ? AND t0.note = ? AND x = $1::jsonb`,
    );
  });

  it('replaces escape strings, dollar-quoted strings and numbers, but not digits inside names', () => {
    expect(sanitizeStatement(`SELECT E'a\\'b', $tag$91330100MA2H0F0X1K$tag$, $$x$$, 42, 3.5, col2 FROM t1 LIMIT 10`)).toBe(`SELECT ?, ?, ?, ?, ?, col2 FROM t1 LIMIT ?`);
  });

  it('leaves no identifier even where a literal is not quoted', () => {
    expect(sanitizeStatement('SELECT * FROM x WHERE id = 330102197512316137')).not.toContain('330102197512316137');
  });
});

describe('redactIdentifiers', () => {
  it('cuts resident ID numbers and credit codes out of a text, also when glued to other characters', () => {
    const redacted = redactIdentifiers('Q330102197512316137 and 91330100MA2H0F0X1K.');
    expect(redacted).not.toMatch(/330102197512316137|91330100MA2H0F0X1K/);
    expect(redacted).toMatch(/^\S*\[identifier\]\S* and \[identifier\]\.$/);
  });

  it('leaves request ids and short numbers alone', () => {
    expect(redactIdentifiers('trace-on-1796195874837 3f2b9c1e-5d7a-4c1b-9e8f-0a1b2c3d4e5f')).toBe('trace-on-1796195874837 3f2b9c1e-5d7a-4c1b-9e8f-0a1b2c3d4e5f');
  });
});
