// `sharehub schema`: the printed SDL that schema/schema.graphql must match.
import { printSchema } from 'graphql';
import { buildHubSchema } from '../schema/buildSchema.js';

export async function printHubSchema(): Promise<string> {
  return printSchema(await buildHubSchema()) + '\n';
}
