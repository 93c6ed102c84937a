import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Bench-only build of the two pages of benchmark `form-render` (production React, minified).
 * Like the web app, `@trellis/*` resolves to the packages' TypeScript sources, so the page
 * runs the renderer of this checkout without a `tsc -b` first.
 */
export default defineConfig({
  root: here('.'),
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@trellis\/(schema|expr|forms|ui)$/, replacement: here('../../packages/$1/src/index.ts') }],
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { trellis: here('./trellis.html'), rjsf: here('./rjsf.html'), bare: here('./bare.html') } },
  },
});
