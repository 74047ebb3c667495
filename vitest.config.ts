// Vitest: integration tests over HTTP against one real PostgreSQL per run; decorator metadata as tsc emits it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // graphql 16 has no `exports` map: Node loads its CommonJS build for the libraries (type-graphql, Apollo),
  // Vite would pick the .mjs one for our sources. One module instance, or graphql refuses types from the "other realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
