import { describe, expect, it } from 'vitest';
import { validateApp } from '@trellis/forms';
import type { AppPackage, FieldDef } from '@trellis/schema';
import { addField, emptyApp } from './draft-ops.js';
import { addPrintBlock, addPrintTemplate, movePrintBlock, removePrintBlock, removePrintTemplate, toggleBlockField, updatePrintBlock, updatePrintTemplate } from './print-template-ops.js';

const f = (key: string): FieldDef => ({ id: `f_${key}`, key, type: 'text', label: key });
function base(): AppPackage {
  let pkg = emptyApp('app', 'App', 'form', 'Form');
  for (const k of ['a', 'b', 'c']) pkg = addField(pkg, 'form', f(k), { section: 0 });
  return pkg;
}
const templates = (pkg: AppPackage) => pkg.forms[0]!.printTemplates;

describe('print template draft operations', () => {
  it('adds templates with free keys and a fields block, which validate', () => {
    let pkg = addPrintTemplate(base(), 'form', '报价单', ['a', 'b']);
    pkg = addPrintTemplate(pkg, 'form', '副本', []);
    expect(templates(pkg)!.map((t) => t.key)).toEqual(['print', 'print_2']);
    expect(templates(pkg)![0]!.blocks).toEqual([{ kind: 'fields', fields: ['a', 'b'], columns: 2 }]);
    expect(validateApp(pkg).ok).toBe(true);
  });

  it('changes and removes properties; removing the last template removes the list', () => {
    let pkg = addPrintTemplate(base(), 'form', 'T', []);
    pkg = updatePrintTemplate(pkg, 'form', 0, { orientation: 'landscape', header: 'H' });
    expect(templates(pkg)![0]).toMatchObject({ orientation: 'landscape', header: 'H' });
    pkg = updatePrintTemplate(pkg, 'form', 0, { header: undefined });
    expect(templates(pkg)![0]).not.toHaveProperty('header');
    expect(removePrintTemplate(pkg, 'form', 0).forms[0]).not.toHaveProperty('printTemplates');
  });

  it('adds, edits, moves and removes blocks; ticking fields keeps the form order', () => {
    let pkg = addPrintTemplate(base(), 'form', 'T', ['c']);
    pkg = addPrintBlock(pkg, 'form', 0, { kind: 'text', text: 'x' });
    pkg = addPrintBlock(pkg, 'form', 0, { kind: 'signature' });
    pkg = movePrintBlock(pkg, 'form', 0, 2, -1);
    expect(templates(pkg)![0]!.blocks.map((b) => b.kind)).toEqual(['fields', 'signature', 'text']);
    expect(movePrintBlock(pkg, 'form', 0, 0, -1)).toEqual(pkg);
    const fields = templates(pkg)![0]!.blocks[0] as Extract<ReturnType<typeof toggleBlockField>, { kind: 'fields' }>;
    pkg = updatePrintBlock(pkg, 'form', 0, 0, toggleBlockField(pkg.forms[0]!, fields, 'a', true));
    expect(templates(pkg)![0]!.blocks[0]).toEqual({ kind: 'fields', fields: ['a', 'c'], columns: 2 });
    pkg = removePrintBlock(pkg, 'form', 0, 1);
    expect(templates(pkg)![0]!.blocks.map((b) => b.kind)).toEqual(['fields', 'text']);
  });
});
