// Builds the hub's executable GraphQL schema from the type-graphql resolvers.
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../../resolvers/index.js';

export async function buildHubSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [...RESOLVERS], validate: false, emitSchemaFile: false });
  return lexicographicSortSchema(schema);
}
