// schema/schema.graphql is the reviewed snapshot of the schema the code builds; they must not drift.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printHubSchema } from '../../src/cli/schema.js';

describe('schema snapshot', () => {
  it('schema/schema.graphql equals the schema the code builds (run `npm run schema` to update it)', async () => {
    const committed = await fs.readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(await printHubSchema()).toBe(committed);
  });
});
