import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SchemaErrors } from '@trellis/schema';
import { ExprErrors } from '@trellis/expr';
import { FormsErrors } from '@trellis/forms';
import { StoreErrors } from '@trellis/store';
import { ServerErrors } from '@trellis/server';

/** `docs/errors.md` must list exactly the codes the packages can raise, with their status. */
const catalogues = { schema: SchemaErrors, expr: ExprErrors, forms: FormsErrors, store: StoreErrors, server: ServerErrors };

const doc = readFileSync(fileURLToPath(new URL('../docs/errors.md', import.meta.url)), 'utf8');
const documented = new Map<string, number>();
for (const m of doc.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm)) documented.set(m[1]!, Number(m[2]));

describe('error catalogue', () => {
  const actual = new Map<string, number>();
  const duplicated: string[] = [];
  for (const cat of Object.values(catalogues)) {
    for (const [code, entry] of Object.entries(cat.catalogue as Record<string, { status: number }>)) {
      if (actual.has(code)) duplicated.push(code);
      actual.set(code, entry.status);
    }
  }
  it('no code is defined by two packages', () => expect(duplicated).toEqual([]));
  it('docs/errors.md lists exactly the codes that exist, with their HTTP status', () => {
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...actual].sort()));
  });
});
