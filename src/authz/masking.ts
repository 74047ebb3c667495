// Masking strategies: how a MASK decision shows a value. Pure functions; the key for HASH is per consumer department.
import { createHmac } from 'node:crypto';
import type { FieldDefinition, MaskRule } from '../catalog/definition.js';

const REDACTED = '***';

/** A key of the consumer department's own, so two consumers cannot join their hashes. */
export function deriveMaskingKey(secret: string, consumerDepartmentCode: string): Buffer {
  return createHmac('sha256', secret).update(`sharehub:mask:${consumerDepartmentCode}`).digest();
}

/** Null when the strategy fits the field (the masked value must still fit the field's GraphQL type). */
export function maskCompatibility(field: FieldDefinition, rule: MaskRule): string | null {
  const isKeep = rule.strategy === 'KEEP_FIRST' || rule.strategy === 'KEEP_LAST';
  if (isKeep && !(Number.isInteger(rule.n) && rule.n! >= 1 && rule.n! <= 32)) return `${rule.strategy} needs n, an integer from 1 to 32`;
  if (!isKeep && rule.n !== undefined) return `${rule.strategy} takes no n`;
  switch (field.type) {
    case 'STRING':
    case 'DECIMAL':
      return rule.strategy === 'DATE_YEAR_ONLY' ? `DATE_YEAR_ONLY is for DATE and DATETIME fields, not ${field.type}` : null;
    case 'DATE':
    case 'DATETIME':
      return rule.strategy === 'DATE_YEAR_ONLY' ? null : `${field.type} fields can only be masked with DATE_YEAR_ONLY`;
    default:
      return `${field.type} fields cannot be masked; grant ALLOW or DENY`;
  }
}

export function maskValue(value: string | number | boolean | null, field: FieldDefinition, rule: MaskRule, hashKey: Uint8Array | string): string | null {
  if (value === null) return null;
  const text = String(value);
  switch (rule.strategy) {
    case 'REDACT':
      return REDACTED;
    case 'KEEP_FIRST':
    case 'KEEP_LAST': {
      const chars = [...text];
      const n = rule.n ?? 1;
      // A value no longer than what would stay visible is shown no more than REDACT would show it.
      if (chars.length <= n) return REDACTED;
      const kept = rule.strategy === 'KEEP_FIRST' ? chars.slice(0, n).join('') : chars.slice(-n).join('');
      const stars = '*'.repeat(chars.length - n);
      return rule.strategy === 'KEEP_FIRST' ? kept + stars : stars + kept;
    }
    case 'DATE_YEAR_ONLY':
      return field.type === 'DATE' || field.type === 'DATETIME' ? text.slice(0, 4) : REDACTED;
    case 'HASH':
      return createHmac('sha256', hashKey).update(text).digest('hex');
  }
}
