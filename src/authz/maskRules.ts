// The masking rules without their key: which strategy fits which field type, and what a mask leaves of a value. Pure
// and free of Node.js APIs, so the console previews a mask exactly as the hub applies it (the keyed HASH is injected).
import { MASK_STRATEGIES, type FieldDefinition, type FieldType, type MaskRule, type MaskStrategy } from '../catalog/definition.js';

/** REDACT's output, and what a value too short to mask partly becomes: the same for every value, so no length leaks. */
const REDACTED = '***';
const MIN_KEEP = 1;
const MAX_KEEP = 32;

/**
 * Which strategies each field type accepts. A masked value must still be valid for the field's GraphQL output type:
 * STRING and DECIMAL are served as String, DATE and DATETIME as scalars that accept a reduced-precision `YYYY`;
 * Int, Boolean and enum types can carry no mask, so those fields are ALLOW or DENY.
 */
export const STRATEGIES_BY_TYPE: Record<FieldType, readonly MaskStrategy[]> = {
  STRING: ['REDACT', 'KEEP_FIRST', 'KEEP_LAST', 'HASH'],
  DECIMAL: ['REDACT', 'KEEP_FIRST', 'KEEP_LAST', 'HASH'],
  DATE: ['DATE_YEAR_ONLY'],
  DATETIME: ['DATE_YEAR_ONLY'],
  INT: [],
  BOOLEAN: [],
  ENUM: [],
};

/** DATE 'YYYY-MM-DD' and DATETIME ISO 8601 both begin with the four-digit year. */
const LEADING_YEAR = /^(\d{4})-\d{2}-\d{2}/;

function takesCount(strategy: MaskStrategy): boolean {
  return strategy === 'KEEP_FIRST' || strategy === 'KEEP_LAST';
}

function isKeepCount(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= MIN_KEEP && n <= MAX_KEEP;
}

/** Null when the rule fits the field (its masked value still fits the field's GraphQL type), else the reason it does not. */
export function maskCompatibility(field: Pick<FieldDefinition, 'type'>, rule: MaskRule): string | null {
  // Rules also arrive from stored JSON: an unknown strategy is refused here rather than reaching maskValue.
  if (!(MASK_STRATEGIES as readonly string[]).includes(rule.strategy)) {
    return `Unknown mask strategy ${String(rule.strategy)}; expected one of ${MASK_STRATEGIES.join(', ')}`;
  }
  const accepted = STRATEGIES_BY_TYPE[field.type];
  if (accepted.length === 0) return `${field.type} fields cannot be masked; grant ALLOW or DENY`;
  if (!accepted.includes(rule.strategy)) return `${rule.strategy} cannot mask a ${field.type} field; use ${accepted.join(', ')}`;
  if (takesCount(rule.strategy)) {
    if (!isKeepCount(rule.n)) return `${rule.strategy} needs n, an integer from ${MIN_KEEP} to ${MAX_KEEP}`;
  } else if (rule.n !== undefined) {
    return `${rule.strategy} takes no n`;
  }
  return null;
}

/** Keeps `n` code points at one end and replaces each other one with `*`; a value not longer than `n` is fully redacted. */
function keepEnd(text: string, n: number, end: 'FIRST' | 'LAST'): string {
  // Code points, not UTF-16 units: 张三丰 is three characters, and a supplementary-plane character is never split.
  const chars = [...text];
  if (chars.length <= n) return REDACTED;
  const stars = '*'.repeat(chars.length - n);
  return end === 'FIRST' ? chars.slice(0, n).join('') + stars : stars + chars.slice(chars.length - n).join('');
}

/**
 * The value as a MASK decision shows it, HASH through `hashText` (the hub's is keyed per consumer department). Null stays null. A rule that does not fit the field (maskCompatibility
 * refuses it, e.g. a stored grant after the catalog changed the field's type) withholds the value: null, never the
 * clear value and never a string the field's GraphQL type cannot carry.
 */
export function applyMask(value: string | number | boolean | null, field: Pick<FieldDefinition, 'type'>, rule: MaskRule, hashText: (text: string) => string): string | null {
  if (value === null) return null;
  if (maskCompatibility(field, rule) !== null) return null;
  const text = String(value);
  switch (rule.strategy) {
    case 'REDACT':
      return REDACTED;
    case 'KEEP_FIRST':
    case 'KEEP_LAST':
      // maskCompatibility has checked n; the guard only narrows the type.
      return isKeepCount(rule.n) ? keepEnd(text, rule.n, rule.strategy === 'KEEP_FIRST' ? 'FIRST' : 'LAST') : null;
    case 'DATE_YEAR_ONLY':
      // ISO 8601 reduced precision; a stored value that is not a date shows nothing rather than something wrong.
      return LEADING_YEAR.exec(text)?.[1] ?? null;
    case 'HASH':
      return hashText(text);
  }
}
