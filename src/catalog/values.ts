// Validation of a record's values against its resource type: types, required fields, enum values.
import type { FieldDefinition, RecordValues, ResourceTypeDefinition } from './definition.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;
const MAX_STRING = 4_000;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Null when `value` fits the field, else the problem. DECIMAL may be given as a number or a string. */
export function valueProblem(field: FieldDefinition, value: unknown): string | null {
  if (value === null || value === undefined) return field.required ? 'is required' : null;
  switch (field.type) {
    case 'STRING':
      return typeof value === 'string' && value.length <= MAX_STRING ? null : `must be a string of at most ${MAX_STRING} characters`;
    case 'INT':
      return Number.isSafeInteger(value) && Math.abs(value as number) <= 2_147_483_647 ? null : 'must be a 32-bit integer';
    case 'DECIMAL':
      return (typeof value === 'string' && DECIMAL.test(value)) || (typeof value === 'number' && Number.isFinite(value)) ? null : 'must be a decimal number such as "1234.56"';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'DATE':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'DATETIME':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be an ISO 8601 date-time with a time zone';
    case 'ENUM':
      return typeof value === 'string' && (field.enumValues ?? []).includes(value) ? null : `must be one of ${(field.enumValues ?? []).join(', ')}`;
  }
}

export interface ValueProblem {
  field: string;
  problem: string;
}

/** Every problem with a record's values; unknown fields are problems too. */
export function recordProblems(def: ResourceTypeDefinition, values: unknown): ValueProblem[] {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return [{ field: '(fields)', problem: 'must be an object of field values' }];
  const given = values as Record<string, unknown>;
  const known = new Set(def.fields.map((f) => f.name));
  const problems: ValueProblem[] = [];
  for (const key of Object.keys(given)) if (!known.has(key)) problems.push({ field: key, problem: `is not a field of ${def.code}` });
  for (const field of def.fields) {
    const problem = valueProblem(field, given[field.name]);
    if (problem) problems.push({ field: field.name, problem });
  }
  return problems;
}

/** The stored form: known fields only, DECIMAL as a string, absent optional fields as null. */
export function normalizeRecord(def: ResourceTypeDefinition, values: Record<string, unknown>): RecordValues {
  const out: RecordValues = {};
  for (const field of def.fields) {
    const v = values[field.name];
    out[field.name] = v === undefined || v === null ? null : field.type === 'DECIMAL' ? String(v) : (v as string | number | boolean);
  }
  return out;
}
