import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web app is bundled from the TypeScript sources of the workspace packages (the same idea
 * as `sourceAliases` in `vitest.workspace.ts`): every `@trellis/<name>` import resolves to that
 * package's `src/index.ts`, so `vite build` needs no `tsc -b` first and the browser runs the
 * very same form engine as the server.
 */
const packageSources = [
  { find: /^@trellis\/(schema|expr|forms|ui|reports)$/, replacement: here('../../packages/$1/src/index.ts') },
];

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: packageSources,
    dedupe: ['react', 'react-dom'],
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
