// Validation of catalog definitions before they are published: names, types, enum values, uniqueness.
import { FIELD_TYPES, SHARING_CLASSES, type ResourceTypeDefinition } from './definition.js';
import { enumTypeNameOf, listQueryNameOf, singleQueryNameOf, typeNameOf } from './naming.js';

export interface DefinitionProblem {
  field: string;
  problem: string;
}

const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]*$/;
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;
/** Fields every record type has from the hub itself. */
export const RESERVED_FIELDS = new Set(['subjectId', 'version', 'updatedAt', 'id', '__typename']);
export const MAX_FIELDS = 100;

/**
 * Problems with a definition (empty when valid). `takenNames` are GraphQL type and query field names already
 * used by the static schema or by other resource types, so a catalog entry can never shadow them.
 */
export function definitionProblems(def: ResourceTypeDefinition, takenNames: ReadonlySet<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (!CODE.test(def.code) || def.code.length > 63) add('code', 'must be snake_case (a-z, 0-9, _), at most 63 characters');
  for (const name of [typeNameOf(def.code), singleQueryNameOf(def.code), listQueryNameOf(def.code)]) {
    if (takenNames.has(name)) add('code', `the GraphQL name ${name} is already taken`);
  }
  if (!def.nameZh.trim()) add('nameZh', 'is required');
  if (!def.nameEn.trim()) add('nameEn', 'is required');
  if (!def.description.trim()) add('description', 'is required');
  if (def.fields.length === 0) add('fields', 'at least one field is required');
  if (def.fields.length > MAX_FIELDS) add('fields', `at most ${MAX_FIELDS} fields`);
  const seen = new Set<string>();
  def.fields.forEach((f, i) => {
    const at = `fields[${i}]`;
    if (!FIELD_NAME.test(f.name) || f.name.length > 63) add(`${at}.name`, 'must be camelCase (a-z first, then letters and digits)');
    else if (RESERVED_FIELDS.has(f.name)) add(`${at}.name`, `"${f.name}" is reserved by the hub`);
    else if (seen.has(f.name)) add(`${at}.name`, `"${f.name}" appears twice`);
    seen.add(f.name);
    if (!FIELD_TYPES.includes(f.type)) add(`${at}.type`, `must be one of ${FIELD_TYPES.join(', ')}`);
    if (!SHARING_CLASSES.includes(f.sharing)) add(`${at}.sharing`, `must be one of ${SHARING_CLASSES.join(', ')}`);
    if (!f.description.trim()) add(`${at}.description`, 'is required (it is the GraphQL field description)');
    if (!f.nameZh.trim()) add(`${at}.nameZh`, 'is required');
    if (f.type === 'ENUM') {
      const values = f.enumValues ?? [];
      if (values.length === 0) add(`${at}.enumValues`, 'an ENUM field needs at least one value');
      if (values.some((v) => !ENUM_VALUE.test(v))) add(`${at}.enumValues`, 'values must be UPPER_SNAKE');
      if (new Set(values).size !== values.length) add(`${at}.enumValues`, 'values must be distinct');
      if (takenNames.has(enumTypeNameOf(def.code, f.name))) add(`${at}.name`, `the GraphQL name ${enumTypeNameOf(def.code, f.name)} is already taken`);
    } else if (f.enumValues?.length) {
      add(`${at}.enumValues`, 'only ENUM fields have values');
    }
  });
  return problems;
}
