// The console's typed documents are generated from schema/schema.graphql: the committed files must be what the
// generator writes now (run `npm run codegen` after changing the schema or a document).
import fs from 'node:fs/promises';
import path from 'node:path';
import { executeCodegen, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

describe('generated console documents', () => {
  it('are up to date with the schema and the documents', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(process.cwd(), 'console', 'codegen.yml') });
    const { result, error } = await executeCodegen({ ...config, cwd: process.cwd(), silent: true });
    expect(error).toBeFalsy();
    expect(result.length).toBeGreaterThan(0);
    for (const file of result) {
      const committed = await fs.readFile(path.resolve(process.cwd(), file.filename), 'utf8').catch(() => '(missing)');
      expect(committed, `${file.filename} is stale: run npm run codegen`).toBe(file.content);
    }
  });
});
