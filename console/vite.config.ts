// Vite build of the web console: served by the hub at /console/, built into the hub's build output (dist/console).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  resolve: {
    // react-router's package exports only its development build (with dev-time checks); the console ships the production one.
    alias: [{ find: /^react-router$/, replacement: path.resolve(here, '../node_modules/react-router/dist/production/index.mjs') }],
  },
  build: {
    outDir: path.resolve(here, '../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's react-compiler-runtime opens with "use no memo", a hint for the React compiler, not for bundlers.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('node_modules/react-compiler-runtime')) return;
        warn(warning);
      },
    },
  },
});
