// The generated part of the schema: every resource type becomes a typed object type with two query fields,
// merged into the static (type-graphql) schema. Catalog fields carry `extensions.sharehub` for the access plan.
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';
import type { CatalogEntry, Catalog } from '../catalog/catalog.js';
import type { FieldDefinition } from '../catalog/definition.js';
import { enumTypeNameOf, listQueryNameOf, singleQueryNameOf, typeNameOf } from '../catalog/naming.js';
import { FieldForbiddenError } from '../authz/errors.js';
import { readRecord, readRecords, type RecordView } from '../services/records.js';
import type { RequestContext } from '../server/context.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

/** What the access plan reads off a field: which catalog field it is. */
export interface CatalogFieldExtension {
  resourceType: string;
  field: string;
}

/** Marks a query field that reads records of a resource type. */
export interface CatalogReadExtension {
  readsResourceType: string;
}

export const MAX_SUBJECTS_PER_REQUEST = 1_000;

/** The GraphQL type of a catalog field; an ENUM field's type is named `enumName` (by default the record type's). */
export function outputTypeOf(entry: Pick<CatalogEntry, 'code' | 'nameEn'>, field: FieldDefinition, enumName = enumTypeNameOf(entry.code, field.name)): GraphQLOutputType {
  switch (field.type) {
    case 'STRING':
    case 'DECIMAL':
      return GraphQLString;
    case 'INT':
      return GraphQLInt;
    case 'BOOLEAN':
      return GraphQLBoolean;
    case 'DATE':
      return DateScalar;
    case 'DATETIME':
      return DateTimeScalar;
    case 'ENUM':
      return new GraphQLEnumType({
        name: enumName,
        description: `Values of ${entry.nameEn}: ${field.description}`,
        values: Object.fromEntries((field.enumValues ?? []).map((v) => [v, { value: v }])),
      });
  }
}

export const SHARING_NOTE: Record<FieldDefinition['sharing'], string> = {
  UNCONDITIONAL: 'Shared unconditionally (无条件共享): granted at once on request.',
  CONDITIONAL: 'Shared on conditions (有条件共享): readable after the provider approves an access request.',
  NOT_SHARED: 'Not shared (不予共享): only the provider reads it.',
};

function recordType(entry: CatalogEntry): GraphQLObjectType<RecordView, RequestContext> {
  return new GraphQLObjectType<RecordView, RequestContext>({
    name: typeNameOf(entry.code),
    description: `${entry.nameZh} (${entry.nameEn}), provided by department ${entry.providerCode}. ${entry.description} Catalog version ${entry.version}.`,
    fields: () => {
      const fields: GraphQLFieldConfigMap<RecordView, RequestContext> = {
        subjectId: { type: new GraphQLNonNull(GraphQLID), description: 'The subject: resident ID number or unified social credit code.' },
        version: { type: new GraphQLNonNull(GraphQLInt), description: 'Version of this record; every change by the provider makes a new one.' },
        updatedAt: { type: new GraphQLNonNull(DateTimeScalar), description: 'When this version was published by the provider.' },
      };
      for (const field of entry.fields) {
        const extension: CatalogFieldExtension = { resourceType: entry.code, field: field.name };
        const qualified = `${entry.code}.${field.name}`;
        fields[field.name] = {
          type: outputTypeOf(entry, field),
          description: `${field.nameZh}: ${field.description} ${SHARING_NOTE[field.sharing]}`,
          extensions: { sharehub: extension },
          // The plan decided before execution; a denied field was never fetched and says so here.
          // What actually leaves is noted here, per record and per selection, for the audit event.
          resolve: (record, _args, ctx) => {
            if (record.denied.has(field.name)) {
              ctx.audit.noteField(entry.code, field.name, 'DENIED', qualified);
              throw new FieldForbiddenError(qualified);
            }
            ctx.audit.noteField(entry.code, field.name, record.masked.has(field.name) ? 'MASKED' : 'RETURNED', qualified);
            return record.values[field.name] ?? null;
          },
        };
      }
      return fields;
    },
  });
}

export interface CatalogSchemaParts {
  types: GraphQLNamedType[];
  queryFields: GraphQLFieldConfigMap<unknown, RequestContext>;
}

export function buildCatalogParts(catalog: Catalog): CatalogSchemaParts {
  const types: GraphQLNamedType[] = [];
  const queryFields: GraphQLFieldConfigMap<unknown, RequestContext> = {};
  for (const entry of catalog.all()) {
    const type = recordType(entry);
    types.push(type);
    const read: CatalogReadExtension = { readsResourceType: entry.code };
    queryFields[singleQueryNameOf(entry.code)] = {
      type,
      description: `One subject's ${entry.nameEn} record (${entry.nameZh}); null when there is none. Needs a purpose (header x-sharehub-purpose).`,
      args: { subjectId: { type: new GraphQLNonNull(GraphQLID), description: 'Resident ID number or unified social credit code.' } },
      extensions: { sharehub: read },
      resolve: (_root, args: { subjectId: string }, ctx) => readRecord(ctx, entry.code, args.subjectId),
    };
    queryFields[listQueryNameOf(entry.code)] = {
      type: new GraphQLNonNull(new GraphQLList(type)),
      description: `${entry.nameEn} records (${entry.nameZh}) of up to ${MAX_SUBJECTS_PER_REQUEST} subjects, in the order asked; null for a subject without one. Needs a purpose (header x-sharehub-purpose).`,
      args: { subjectIds: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLID))), description: `At most ${MAX_SUBJECTS_PER_REQUEST} subject ids.` } },
      extensions: { sharehub: read },
      resolve: (_root, args: { subjectIds: string[] }, ctx) => readRecords(ctx, entry.code, args.subjectIds),
    };
  }
  return { types, queryFields };
}

/** The static schema with the catalog's types and query fields added. */
export function mergeCatalog(base: GraphQLSchema, parts: CatalogSchemaParts): GraphQLSchema {
  const config = base.toConfig();
  const baseQuery = base.getQueryType()!;
  const query = new GraphQLObjectType({ ...baseQuery.toConfig(), fields: () => ({ ...baseQuery.toConfig().fields, ...parts.queryFields }) });
  return new GraphQLSchema({
    ...config,
    query,
    types: [...config.types.filter((t) => t.name !== baseQuery.name), ...parts.types],
  });
}
