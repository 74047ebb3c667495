// GraphQL Code Generator for the department client: typed documents from the hub's reviewed schema, and the
// persisted-documents manifest (`src/gql/persisted-documents.json`) the hub's operator registers for this client.
// Run from anywhere: `npx graphql-codegen --config examples/department-client/codegen.ts` (paths are this file's).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, type DocumentNode } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const at = (p: string) => path.relative(process.cwd(), path.join(here, p)) || '.';

const config: CodegenConfig = {
  schema: at('../../schema/schema.graphql'),
  documents: [at('src/**/*.ts'), `!${at('src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [`${at('src/gql')}/`]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Writes persisted-documents.json ({ "sha256:<hex>": "<operation text>" }) and puts the hash on each document
        // (`__meta__.hash`). The hub runs only registered documents in REQUIRE mode, so the operation text is left out
        // of the program: it sends the hash alone.
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
        // The operation name beside the hash (`__meta__.operationName`), sent with the document id for the logs.
        onExecutableDocumentNode: (node: DocumentNode) => {
          const operation = node.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          return operation?.name ? { operationName: operation.name.value } : undefined;
        },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Node's ESM (module NodeNext) wants the extension on relative imports.
        emitLegacyCommonJSImports: false,
        scalars: { DateTime: 'string', Date: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
