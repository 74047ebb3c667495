// Checks a live source's federation SDL against a resource type: the entity type, its key, and every catalog
// field with a compatible type. Inspects the parsed document only; no schema is built from it. Pure.
import { GraphQLError, Kind, parse, type ConstDirectiveNode, type DocumentNode, type TypeNode } from 'graphql';
import type { FieldDefinition, FieldType, ResourceTypeDefinition } from '../catalog/definition.js';

export interface SdlMismatch {
  /** The catalog field (or `(sdl)`, `(entity)`, the key field) that does not fit. */
  field: string;
  problem: string;
}

interface SdlIndex {
  /** Object type name → field name → its type. Definitions and extensions merged. */
  objects: Map<string, Map<string, TypeNode>>;
  /** Object type name → its directives (definitions and extensions). */
  directives: Map<string, ConstDirectiveNode[]>;
  enums: Map<string, Set<string>>;
  scalars: Set<string>;
}

function indexOf(document: DocumentNode): SdlIndex {
  const index: SdlIndex = { objects: new Map(), directives: new Map(), enums: new Map(), scalars: new Set() };
  for (const d of document.definitions) {
    switch (d.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION: {
        const fields = index.objects.get(d.name.value) ?? new Map<string, TypeNode>();
        for (const f of d.fields ?? []) fields.set(f.name.value, f.type);
        index.objects.set(d.name.value, fields);
        index.directives.set(d.name.value, [...(index.directives.get(d.name.value) ?? []), ...(d.directives ?? [])]);
        break;
      }
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION: {
        const values = index.enums.get(d.name.value) ?? new Set<string>();
        for (const v of d.values ?? []) values.add(v.name.value);
        index.enums.set(d.name.value, values);
        break;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
        index.scalars.add(d.name.value);
        break;
      default:
        break;
    }
  }
  return index;
}

/** The named type of a field, or null for a list (a catalog field holds one value). */
function namedTypeOf(type: TypeNode): string | null {
  if (type.kind === Kind.NON_NULL_TYPE) return namedTypeOf(type.type);
  return type.kind === Kind.NAMED_TYPE ? type.name.value : null;
}

/** `@key(fields: "...")` selections of a type; federation may spell the directive `@federation__key`. */
function keysOf(directives: readonly ConstDirectiveNode[]): string[] {
  return directives
    .filter((d) => d.name.value === 'key' || d.name.value === 'federation__key')
    .flatMap((d) => d.arguments?.filter((a) => a.name.value === 'fields' && a.value.kind === Kind.STRING).map((a) => (a.value.kind === Kind.STRING ? a.value.value : '')) ?? [])
    .map((fields) => fields.trim().split(/\s+/).join(' '));
}

interface Compatibility {
  /** What the catalog type accepts, for the message. */
  expected: string;
  accepts(named: string, index: SdlIndex, field: FieldDefinition): boolean;
}

const builtIn = (...names: string[]) => (named: string) => names.includes(named);

const COMPATIBLE: Record<FieldType, Compatibility> = {
  STRING: { expected: 'String or ID', accepts: builtIn('String', 'ID') },
  INT: { expected: 'Int', accepts: builtIn('Int') },
  DECIMAL: { expected: 'String or Float', accepts: builtIn('String', 'Float') },
  BOOLEAN: { expected: 'Boolean', accepts: builtIn('Boolean') },
  DATE: { expected: 'String or a scalar named Date', accepts: (n, index) => n === 'String' || (n === 'Date' && index.scalars.has(n)) },
  DATETIME: { expected: 'String or a scalar named DateTime', accepts: (n, index) => n === 'String' || (n === 'DateTime' && index.scalars.has(n)) },
  ENUM: {
    expected: 'String or an enum with every catalog value',
    accepts: (n, index, field) => n === 'String' || (field.enumValues ?? []).every((v) => index.enums.get(n)?.has(v) ?? false),
  },
};

function fieldProblem(field: FieldDefinition, type: TypeNode | undefined, index: SdlIndex, entityTypeName: string): string | null {
  if (!type) return `is not a field of ${entityTypeName}`;
  const named = namedTypeOf(type);
  if (named === null) return `is a list in the source; ${field.type} needs ${COMPATIBLE[field.type].expected}`;
  if (COMPATIBLE[field.type].accepts(named, index, field)) return null;
  if (field.type === 'ENUM' && index.enums.has(named)) {
    const missing = (field.enumValues ?? []).filter((v) => !index.enums.get(named)?.has(v));
    return `is the enum ${named}, which lacks the catalog value(s) ${missing.join(', ')}`;
  }
  return `is ${named} in the source; ${field.type} needs ${COMPATIBLE[field.type].expected}`;
}

/** Every way the source's SDL does not fit the resource type; empty when it fits. */
export function sourceSdlMismatches(sdl: string, entry: Pick<ResourceTypeDefinition, 'fields'>, entityTypeName: string, keyField: string): SdlMismatch[] {
  let document: DocumentNode;
  try {
    document = parse(sdl, { noLocation: true });
  } catch (error) {
    return [{ field: '(sdl)', problem: `is not valid GraphQL: ${error instanceof GraphQLError ? error.message : 'unreadable'}` }];
  }
  const index = indexOf(document);
  const fields = index.objects.get(entityTypeName);
  if (!fields) return [{ field: '(entity)', problem: `the source has no object type ${entityTypeName}` }];
  const mismatches: SdlMismatch[] = [];
  if (!keysOf(index.directives.get(entityTypeName) ?? []).includes(keyField)) {
    mismatches.push({ field: keyField, problem: `${entityTypeName} is not an entity keyed by it: no @key(fields: "${keyField}")` });
  }
  const keyType = fields.get(keyField);
  const keyNamed = keyType ? namedTypeOf(keyType) : null;
  if (!keyType) mismatches.push({ field: keyField, problem: `is not a field of ${entityTypeName}` });
  else if (keyNamed !== 'ID' && keyNamed !== 'String') mismatches.push({ field: keyField, problem: `holds the subject id, so it must be ID or String, not ${keyNamed ?? 'a list'}` });
  for (const field of entry.fields) {
    const problem = fieldProblem(field, fields.get(field.name), index, entityTypeName);
    if (problem) mismatches.push({ field: field.name, problem });
  }
  return mismatches;
}
