// The oracle: what may leave the hub, written from docs/authorization.md alone (it imports nothing of src/authz or
// src/services). Pure functions over plain data: grants as the hub answered them, a reader, stored values.
import { createHmac } from 'node:crypto';
import type { FieldSpec, MaskRule, Value, Values } from './world.js';

export interface OracleGrant {
  id: string;
  consumerCode: string;
  clientId: string | null;
  purposes: string[];
  validFrom: Date;
  validUntil: Date;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  rules: Array<{ field: string; effect: 'ALLOW' | 'MASK' | 'DENY'; mask?: MaskRule }>;
  rowScope: { field: string; values: string[] } | null;
  /** For failure messages only. */
  typeCode?: string;
}

export interface OracleReader {
  departmentCode: string;
  clientId: string;
  purpose: string;
  now: Date;
  /** The provider (issuer) reads its own data in full. */
  isProvider: boolean;
}

export type Decision = { kind: 'CLEAR'; grant: string } | { kind: 'MASKED'; grant: string; mask: MaskRule } | { kind: 'WITHHELD' };

/** "Which grants count": consumer, ACTIVE, valid now, for the purpose, for the department or this client. */
export function applicableGrants(grants: readonly OracleGrant[], reader: OracleReader): OracleGrant[] {
  return grants
    .filter(
      (g) =>
        g.consumerCode === reader.departmentCode &&
        g.status === 'ACTIVE' &&
        g.validFrom.getTime() <= reader.now.getTime() &&
        reader.now.getTime() < g.validUntil.getTime() &&
        g.purposes.includes(reader.purpose) &&
        (g.clientId === null || g.clientId === reader.clientId),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function asText(value: Value | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Rule 3: no row scope, or the record's stored value of the scope field (as text) is one of the scope's values. */
export function covers(grant: OracleGrant, stored: Values): boolean {
  if (grant.rowScope === null) return true;
  const text = asText(stored[grant.rowScope.field]);
  return text !== null && grant.rowScope.values.includes(text);
}

/** Rules 1–6 for one field of one stored record, under the applicable grants (sorted by id). */
export function decideField(field: FieldSpec, stored: Values, applicable: readonly OracleGrant[], isProvider: boolean): Decision {
  if (isProvider) return { kind: 'CLEAR', grant: 'provider' };
  if (field.sharing === 'NOT_SHARED') return { kind: 'WITHHELD' };
  if (applicable.some((g) => g.rules.some((r) => r.field === field.name && r.effect === 'DENY'))) return { kind: 'WITHHELD' };
  const covering = applicable.filter((g) => covers(g, stored));
  const allowing = covering.find((g) => g.rules.some((r) => r.field === field.name && r.effect === 'ALLOW'));
  if (allowing) return { kind: 'CLEAR', grant: allowing.id };
  for (const g of covering) {
    const rule = g.rules.find((r) => r.field === field.name && r.effect === 'MASK');
    if (rule?.mask) return { kind: 'MASKED', grant: g.id, mask: rule.mask };
  }
  return { kind: 'WITHHELD' };
}

/** Whether any applicable grant gives the field at all (ALLOW or MASK), for any record. */
export function isGivenAtAll(field: FieldSpec, applicable: readonly OracleGrant[], isProvider: boolean): boolean {
  if (isProvider) return true;
  if (field.sharing === 'NOT_SHARED') return false;
  if (applicable.some((g) => g.rules.some((r) => r.field === field.name && r.effect === 'DENY'))) return false;
  return applicable.some((g) => g.rules.some((r) => r.field === field.name && (r.effect === 'ALLOW' || r.effect === 'MASK')));
}

/** Whether some applicable grant could let the field out in the clear, for any record. */
export function isAllowedAtAll(field: FieldSpec, applicable: readonly OracleGrant[], isProvider: boolean): boolean {
  if (isProvider) return true;
  if (field.sharing === 'NOT_SHARED') return false;
  if (applicable.some((g) => g.rules.some((r) => r.field === field.name && r.effect === 'DENY'))) return false;
  return applicable.some((g) => g.rules.some((r) => r.field === field.name && r.effect === 'ALLOW'));
}

/** "When no applicable grant gives any field of the type, the read of that type is refused (FORBIDDEN)." */
export function isTypeGiven(fields: readonly FieldSpec[], applicable: readonly OracleGrant[], isProvider: boolean): boolean {
  return fields.some((f) => isGivenAtAll(f, applicable, isProvider));
}

/** A record is visible when at least one field of its type is in the clear or masked for it. */
export function isVisible(fields: readonly FieldSpec[], stored: Values, applicable: readonly OracleGrant[], isProvider: boolean): boolean {
  return fields.some((f) => decideField(f, stored, applicable, isProvider).kind !== 'WITHHELD');
}

// ---- masks, reimplemented from the strategies' definitions ----

const REDACTED = '***';

/** The hub's per-consumer-department HASH key: HMAC-SHA256(masking secret, 'sharehub:mask:' + department code). */
export function maskingKeyOf(maskingSecret: string, consumerDepartmentCode: string): Buffer {
  return createHmac('sha256', maskingSecret).update(`sharehub:mask:${consumerDepartmentCode}`).digest();
}

export function maskOf(rule: MaskRule, value: Value, hashKey: Buffer): Value {
  if (value === null) return null;
  const text = String(value);
  switch (rule.strategy) {
    case 'REDACT':
      return REDACTED;
    case 'KEEP_FIRST':
    case 'KEEP_LAST': {
      const chars = [...text];
      if (chars.length <= rule.n) return REDACTED;
      const kept = rule.strategy === 'KEEP_FIRST' ? chars.slice(0, rule.n) : chars.slice(chars.length - rule.n);
      const stars = '*'.repeat(chars.length - rule.n);
      return rule.strategy === 'KEEP_FIRST' ? kept.join('') + stars : stars + kept.join('');
    }
    case 'DATE_YEAR_ONLY':
      return /^(\d{4})/.exec(text)?.[1] ?? null;
    case 'HASH':
      return createHmac('sha256', hashKey).update(text, 'utf8').digest('hex');
  }
}

/** The value as it leaves under a decision; undefined for a withheld one (null with FIELD_FORBIDDEN). */
export function shownValue(decision: Decision, value: Value, hashKey: Buffer): Value | undefined {
  if (decision.kind === 'CLEAR') return value;
  if (decision.kind === 'MASKED') return maskOf(decision.mask, value, hashKey);
  return undefined;
}

/** Default holder masks: 张三丰 → 张**, 330106199001011234 → 330***********1234. */
export function defaultNameMask(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

export function defaultIdNumberMask(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

// ---- conditions (values used in a computation) ----

export interface Condition {
  field: string;
  operator: 'EQUALS' | 'NOT_EQUALS' | 'IN' | 'AT_LEAST' | 'AT_MOST';
  values: string[];
}

/** A condition over a value the reader may read in the clear (the only values a computation may use). */
export function conditionHolds(condition: Condition, value: Value): boolean {
  const text = asText(value);
  switch (condition.operator) {
    case 'EQUALS':
      return text !== null && text === condition.values[0];
    case 'NOT_EQUALS':
      return text !== condition.values[0];
    case 'IN':
      return text !== null && condition.values.includes(text);
    case 'AT_LEAST':
      return text !== null && Number(text) >= Number(condition.values[0]);
    case 'AT_MOST':
      return text !== null && Number(text) <= Number(condition.values[0]);
  }
}

// ---- a service item's material ----

export interface MaterialExpectation {
  outcome: 'SATISFIED' | 'NEEDED';
  reason: null | 'NO_GRANT' | 'NO_RECORD' | 'CONDITION_NOT_MET';
  /** For NO_GRANT: fields that must be named (the missing grant's fields include them). */
  missing: string[];
  /** For a SATISFIED material: each field's decision and shown value. */
  values: Record<string, { decision: Decision; value: Value | undefined }> | null;
  /** The audit of the material. */
  audit: AuditFields;
  /** What the stored record's visibility was (for counting). */
  situation: 'NO_GRANT' | 'ABSENT' | 'OUT_OF_SCOPE' | 'VISIBLE';
}

export interface AuditFields {
  returned: Set<string>;
  masked: Set<string>;
  denied: Set<string>;
}

export function emptyAudit(): AuditFields {
  return { returned: new Set(), masked: new Set(), denied: new Set() };
}

/**
 * A RECORD material, by "Values used in a computation" and "One decision per field and per record":
 * - every material field must be given (ALLOW or MASK) and the condition's field ALLOWed by an applicable grant, else
 *   NO_GRANT naming those fields (the record is not consulted);
 * - no record, or a record that is not visible: answered as absent (NO_RECORD). A material satisfied when absent is
 *   SATISFIED only if a grant that gives one of its fields has no row scope; otherwise NO_GRANT naming its fields (a
 *   scoped grant cannot tell "no record" from "out of scope");
 * - a visible record whose condition field or material field is not readable (condition: in the clear; fields: clear
 *   or masked) for it: NO_GRANT naming those fields, as if there were no grant;
 * - then the condition on the clear value: CONDITION_NOT_MET, or SATISFIED with the values shown.
 */
export function expectRecordMaterial(
  code: string,
  typeFields: readonly FieldSpec[],
  material: { fields: string[]; condition: Condition | null; isSatisfiedWhenAbsent: boolean },
  stored: Values | null,
  applicable: readonly OracleGrant[],
  hashKey: Buffer,
): MaterialExpectation {
  const fieldOf = (name: string) => typeFields.find((f) => f.name === name)!;
  const q = (f: string) => `${code}.${f}`;
  const audit = emptyAudit();
  const notGiven = material.fields.filter((f) => !isGivenAtAll(fieldOf(f), applicable, false));
  const conditionUnreadable = material.condition && !isAllowedAtAll(fieldOf(material.condition.field), applicable, false) ? [material.condition.field] : [];
  if (notGiven.length || conditionUnreadable.length) {
    for (const f of notGiven) audit.denied.add(q(f));
    return { outcome: 'NEEDED', reason: 'NO_GRANT', missing: [...new Set([...notGiven, ...conditionUnreadable])], values: null, audit, situation: 'NO_GRANT' };
  }
  const visible = stored !== null && isVisible(typeFields, stored, applicable, false);
  if (!visible) {
    const giving = applicable.filter((g) => g.rules.some((r) => material.fields.includes(r.field) && r.effect !== 'DENY'));
    const canCertifyAbsence = giving.some((g) => g.rowScope === null);
    const situation = stored === null ? 'ABSENT' : 'OUT_OF_SCOPE';
    if (material.isSatisfiedWhenAbsent && canCertifyAbsence) return { outcome: 'SATISFIED', reason: null, missing: [], values: null, audit, situation };
    if (material.isSatisfiedWhenAbsent) return { outcome: 'NEEDED', reason: 'NO_GRANT', missing: [...material.fields], values: null, audit, situation };
    return { outcome: 'NEEDED', reason: 'NO_RECORD', missing: [], values: null, audit, situation };
  }
  const decisions = Object.fromEntries(material.fields.map((f) => [f, decideField(fieldOf(f), stored, applicable, false)]));
  const withheld = material.fields.filter((f) => decisions[f]!.kind === 'WITHHELD');
  const conditionWithheld = material.condition && decideField(fieldOf(material.condition.field), stored, applicable, false).kind !== 'CLEAR' ? [material.condition.field] : [];
  if (withheld.length || conditionWithheld.length) {
    for (const f of withheld) audit.denied.add(q(f));
    return { outcome: 'NEEDED', reason: 'NO_GRANT', missing: [...new Set([...withheld, ...conditionWithheld])], values: null, audit, situation: 'VISIBLE' };
  }
  if (material.condition && !conditionHolds(material.condition, stored[material.condition.field] ?? null)) {
    return { outcome: 'NEEDED', reason: 'CONDITION_NOT_MET', missing: [], values: null, audit, situation: 'VISIBLE' };
  }
  const values: Record<string, { decision: Decision; value: Value | undefined }> = {};
  for (const f of material.fields) {
    const d = decisions[f]!;
    values[f] = { decision: d, value: shownValue(d, stored[f] ?? null, hashKey) };
    (d.kind === 'CLEAR' ? audit.returned : audit.masked).add(q(f));
  }
  return { outcome: 'SATISFIED', reason: null, missing: [], values, audit, situation: 'VISIBLE' };
}
