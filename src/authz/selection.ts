// Walks an operation's selection over the schema (all fragments, inline fragments and aliases) and
// collects which catalog fields it selects, per resource type. This is what the access plan decides on.
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CatalogFieldExtension, CatalogReadExtension } from '../schema/catalogSchema.js';

/** Marks a query field that reads certificates of any type (verification): the plan covers every certificate type. */
export interface CertificateReadExtension {
  readsCertificates: true;
}

/** Marks a field that carries a certificate's whole signed face: selecting it reads every field of the type. */
export interface WholeCertificateExtension {
  readsWholeCertificate: true;
}

export interface CatalogSelection {
  /** resource type code → selected catalog field names. */
  fields: Map<string, Set<string>>;
  /** resource types whose records the operation reads (through any field marked as reading them). */
  reads: Set<string>;
  /** Whether the operation reads certificates through a field marked as reading them. */
  readsCertificates: boolean;
  /** Whether it selects a certificate's whole signed face (signedDocument). */
  readsWholeCertificate: boolean;
}

type SharehubExtension = Partial<CatalogFieldExtension & CatalogReadExtension & CertificateReadExtension & WholeCertificateExtension>;

function sharehubExtension(field: GraphQLField<unknown, unknown>): SharehubExtension | undefined {
  return (field.extensions as { sharehub?: SharehubExtension } | undefined)?.sharehub;
}

export function selectCatalogFields(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): CatalogSelection {
  const result: CatalogSelection = { fields: new Map(), reads: new Set(), readsCertificates: false, readsWholeCertificate: false };
  const root = schema.getRootType(operation.operation);
  if (!root) return result;

  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        if (type) visit(s.selectionSet, type, seen);
        continue;
      }
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[s.name.value];
        if (!fragment || seen.has(s.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (type) visit(fragment.selectionSet, type, new Set([...seen, s.name.value]));
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[s.name.value];
      if (!field) continue;
      const ext = sharehubExtension(field as GraphQLField<unknown, unknown>);
      if (ext?.readsResourceType) result.reads.add(ext.readsResourceType);
      if (ext?.readsCertificates) result.readsCertificates = true;
      if (ext?.readsWholeCertificate) result.readsWholeCertificate = true;
      if (ext?.resourceType && ext.field) {
        const fields = result.fields.get(ext.resourceType) ?? new Set<string>();
        fields.add(ext.field);
        result.fields.set(ext.resourceType, fields);
      }
      const named = getNamedType(field.type);
      if (s.selectionSet && (isObjectType(named) || isInterfaceType(named))) visit(s.selectionSet, named, seen);
    }
  };
  visit(operation.selectionSet, root, new Set());
  for (const code of result.fields.keys()) result.reads.add(code);
  return result;
}
