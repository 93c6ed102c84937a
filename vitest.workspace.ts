import { fileURLToPath } from 'node:url';
import type { TestProjectConfiguration } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Tests run from TypeScript sources: every `@trellis/*` import resolves to the
 * package's `src/index.ts`, so no build is needed for unit and integration tests.
 */
export const sourceAliases: Record<string, string> = {
  '@trellis/schema': here('./packages/schema/src/index.ts'),
  '@trellis/expr': here('./packages/expr/src/index.ts'),
  '@trellis/forms': here('./packages/forms/src/index.ts'),
  '@trellis/store': here('./packages/store/src/index.ts'),
  '@trellis/server': here('./packages/server/src/index.ts'),
  '@trellis/ui': here('./packages/ui/src/index.ts'),
  '@trellis/example-crm': here('./examples/crm/src/index.ts'),
};

const unit = (name: string, root: string, extra: Record<string, unknown> = {}): TestProjectConfiguration => ({
  resolve: { alias: sourceAliases },
  test: {
    name,
    root: here(root),
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...extra,
  },
});

export default [
  unit('schema', './packages/schema'),
  unit('expr', './packages/expr'),
  unit('forms', './packages/forms'),
  unit('store', './packages/store', { fileParallelism: false }),
  unit('server', './packages/server', { fileParallelism: false }),
  unit('ui', './packages/ui'),
  unit('crm', './examples/crm'),
  unit('cli', './apps/cli'),
  unit('web', './apps/web'),
  unit('repo', './', { include: ['test/**/*.test.ts'] }),
  {
    resolve: { alias: sourceAliases },
    test: {
      name: 'e2e',
      root: here('./apps/web'),
      include: ['e2e/**/*.e2e.test.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  },
] satisfies TestProjectConfiguration[];
