// Scalars shared by the static and the catalog schema: Date (ISO 8601, reduced precision allowed) and DateTime.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** YYYY-MM-DD, or YYYY-MM / YYYY when a grant masks the date to a lower precision (ISO 8601 reduced precision). */
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date in ISO 8601 (`YYYY-MM-DD`); `YYYY` or `YYYY-MM` when a grant reduces its precision.',
  serialize(value) {
    if (typeof value === 'string' && DATE.test(value)) return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue(value) {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    throw new GraphQLError('Date must be a string YYYY-MM-DD');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && /^\d{4}-\d{2}-\d{2}$/.test(ast.value)) return ast.value;
    throw new GraphQLError('Date must be a string YYYY-MM-DD');
  },
});

function toIso(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && (/^\d{4}$/.test(value) || !Number.isNaN(Date.parse(value)))) return value;
  throw new GraphQLError('DateTime cannot represent this value');
}

function parseIso(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new GraphQLError('DateTime must be an ISO 8601 date-time string, e.g. 2026-01-31T08:00:00Z');
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time in ISO 8601 (`2026-11-23T08:00:00.000Z`); `YYYY` when a grant reduces its precision.',
  serialize: toIso,
  parseValue: parseIso,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseIso(ast.value);
    throw new GraphQLError('DateTime must be an ISO 8601 date-time string');
  },
});

export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object, for record values keyed by catalog field name.',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    throw new GraphQLError('JSONObject must be an object');
  },
  parseLiteral(ast) {
    const toValue = (node: import('graphql').ValueNode): unknown => {
      switch (node.kind) {
        case Kind.OBJECT:
          return Object.fromEntries(node.fields.map((f) => [f.name.value, toValue(f.value)]));
        case Kind.LIST:
          return node.values.map(toValue);
        case Kind.STRING:
        case Kind.ENUM:
          return node.value;
        case Kind.INT:
          return Number.parseInt(node.value, 10);
        case Kind.FLOAT:
          return Number.parseFloat(node.value);
        case Kind.BOOLEAN:
          return node.value;
        case Kind.NULL:
          return null;
        default:
          throw new GraphQLError('JSONObject literals cannot use variables inside');
      }
    };
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('JSONObject must be an object');
    return toValue(ast);
  },
});
