import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The form engine runs in the browser too (DESIGN §1): its sources may not import Node modules. */
const src = fileURLToPath(new URL('../src', import.meta.url));
const nodeBuiltins = /from\s+['"](node:[^'"]+|fs|path|url|crypto|os|child_process|process)['"]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

describe('@trellis/forms in the browser', () => {
  it('imports no Node built-in module outside tests', () => {
    const offenders = files(src).filter((f) => nodeBuiltins.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
