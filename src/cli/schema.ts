// `sharehub schema`: the printed SDL of the schema with the demo catalog and certificate types: what schema/schema.graphql must match.
import { printSchema } from 'graphql';
import { Catalog } from '../catalog/catalog.js';
import { DEMO_RESOURCE_TYPES } from '../demo/catalog.js';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.js';
import { buildHubSchema } from '../schema/buildSchema.js';
import { schemaFor } from '../schema/liveCatalog.js';

export async function printHubSchema(): Promise<string> {
  const catalog = new Catalog(
    DEMO_RESOURCE_TYPES.map((d) => ({ ...d, version: 1 })),
    DEMO_CERTIFICATE_TYPES.map((d) => ({ ...d, version: 1 })),
  );
  return printSchema(schemaFor(await buildHubSchema(), catalog)) + '\n';
}
