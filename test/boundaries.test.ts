import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering of DESIGN §2: a package may import only the packages listed for it,
 * and only through their public entry (`@trellis/x`, never `@trellis/x/src/...`).
 */
const root = fileURLToPath(new URL('..', import.meta.url));

const ALLOWED: Record<string, readonly string[]> = {
  'packages/schema': [],
  'packages/expr': ['schema'],
  'packages/forms': ['schema', 'expr'],
  'packages/rules': ['schema', 'expr'],
  'packages/flows': ['schema', 'expr'],
  'packages/reports': ['schema', 'expr'],
  'packages/store': ['schema', 'expr'],
  'packages/server': ['schema', 'expr', 'forms', 'rules', 'flows', 'reports', 'store'],
  'packages/ui': ['schema', 'expr', 'forms', 'reports'],
  'apps/web': ['ui', 'schema', 'expr', 'forms', 'reports'],
  'apps/cli': ['server', 'store', 'schema', 'example-crm'],
  'examples/crm': ['schema'],
};
/** Test files may use more: a store test may build form definitions with the forms engine. */
const TEST_ALLOWED: Record<string, readonly string[]> = {
  'packages/store': ['forms'],
  'examples/crm': ['forms', 'store', 'server', 'expr'],
  'apps/web': ['server', 'store', 'example-crm'],
  'apps/cli': ['server', 'store', 'schema', 'example-crm'],
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](@trellis\/[^'"]+)['"]/g;

describe('package boundaries', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`${pkg} imports only ${allowed.join(', ') || 'no other package'}, through public entries`, () => {
      const problems: string[] = [];
      for (const dir of ['src', 'test', 'e2e']) {
        for (const file of sourceFiles(join(root, pkg, dir))) {
          const isTest = /\.test\.tsx?$|\/test\/|\/e2e\//.test(file);
          const ok = new Set([...allowed, ...(isTest ? TEST_ALLOWED[pkg] ?? [] : [])]);
          for (const m of readFileSync(file, 'utf8').matchAll(importPattern)) {
            const spec = m[1]!;
            const [, name, ...rest] = spec.split('/');
            if (rest.length > 0 && !(name === 'example-crm' && rest.join('/') === 'app.json')) {
              problems.push(`${relative(root, file)} reaches into ${spec}`);
            }
            if (!ok.has(name!)) problems.push(`${relative(root, file)} imports ${spec}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
