// Masking strategies: how a MASK decision shows a value. Pure functions; the key for HASH is per consumer department.
// The rules themselves (maskRules.ts) are shared with the console's preview.
import { createHmac } from 'node:crypto';
import type { FieldDefinition, MaskRule } from '../catalog/definition.js';
import { applyMask } from './maskRules.js';

export { maskCompatibility } from './maskRules.js';

/** Keys derived so far, by secret and department: a pure function's answers, so nothing ever invalidates them. */
const derivedKeys = new Map<string, Buffer>();
const MAX_DERIVED_KEYS = 10_000;

/**
 * A key of the consumer department's own, so two consumers cannot join their hashes. Derived once per department
 * (an HMAC per request was a visible part of a small read's CPU); callers must not alter the Buffer.
 */
export function deriveMaskingKey(secret: string, consumerDepartmentCode: string): Buffer {
  const memo = `${consumerDepartmentCode}\n${secret}`;
  const known = derivedKeys.get(memo);
  if (known) return known;
  const key = createHmac('sha256', secret).update(`sharehub:mask:${consumerDepartmentCode}`).digest();
  if (derivedKeys.size >= MAX_DERIVED_KEYS) derivedKeys.delete(derivedKeys.keys().next().value!);
  derivedKeys.set(memo, key);
  return key;
}

function hashValue(text: string, hashKey: Uint8Array | string): string {
  // An empty key would make the hash a plain SHA-256 anyone can reverse by trying every ID number: refuse, loudly.
  const isEmpty = typeof hashKey === 'string' ? hashKey.length === 0 : hashKey.byteLength === 0;
  if (isEmpty) throw new Error('HASH masking needs a non-empty per-consumer-department key (deriveMaskingKey)');
  return createHmac('sha256', hashKey).update(text, 'utf8').digest('hex');
}

/**
 * The value as a MASK decision shows it. Null stays null. A rule that does not fit the field (maskCompatibility
 * refuses it, e.g. a stored grant after the catalog changed the field's type) withholds the value: null, never the
 * clear value and never a string the field's GraphQL type cannot carry.
 */
export function maskValue(value: string | number | boolean | null, field: FieldDefinition, rule: MaskRule, hashKey: Uint8Array | string): string | null {
  return applyMask(value, field, rule, (text) => hashValue(text, hashKey));
}
