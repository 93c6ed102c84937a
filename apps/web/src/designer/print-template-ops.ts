import type { AppPackage, FormDef, LocalizedText, PrintBlock, PrintTemplate } from '@trellis/schema';
import { withForm } from './draft-ops.js';

/**
 * Draft operations on a form's print templates, addressed by index: pure functions from
 * package to package, applied through the designer store (undo/redo cover them).
 */

function editTemplates(pkg: AppPackage, formKey: string, change: (templates: PrintTemplate[], form: FormDef) => PrintTemplate[]): AppPackage {
  return withForm(pkg, formKey, (form) => {
    const templates = change([...(form.printTemplates ?? [])], form);
    if (templates.length > 0) return { ...form, printTemplates: templates };
    const { printTemplates: _gone, ...rest } = form;
    return rest;
  });
}

/** A template key not used by the form yet: `print`, `print_2`, … */
export function freeTemplateKey(form: FormDef): string {
  const used = new Set((form.printTemplates ?? []).map((t) => t.key));
  if (!used.has('print')) return 'print';
  for (let n = 2; ; n++) if (!used.has(`print_${n}`)) return `print_${n}`;
}

/** Adds a template named `name`, starting with a fields block of every value field given. */
export function addPrintTemplate(pkg: AppPackage, formKey: string, name: LocalizedText, fields: readonly string[]): AppPackage {
  return editTemplates(pkg, formKey, (templates, form) => [...templates, { key: freeTemplateKey(form), name, paper: 'A4', orientation: 'portrait', blocks: [{ kind: 'fields', fields: [...fields], columns: 2 }] }]);
}

/** Changes a template's properties (not its blocks); a property set to `undefined` is removed. */
export function updatePrintTemplate(pkg: AppPackage, formKey: string, index: number, change: Partial<Omit<PrintTemplate, 'blocks'>>): AppPackage {
  return editTemplates(pkg, formKey, (templates) =>
    templates.map((t, i) => {
      if (i !== index) return t;
      const next: Record<string, unknown> = { ...t, ...change };
      for (const [k, v] of Object.entries(change)) if (v === undefined) delete next[k];
      return next as unknown as PrintTemplate;
    }),
  );
}

/** Removes a template. */
export function removePrintTemplate(pkg: AppPackage, formKey: string, index: number): AppPackage {
  return editTemplates(pkg, formKey, (templates) => templates.filter((_, i) => i !== index));
}

function editBlocks(pkg: AppPackage, formKey: string, index: number, change: (blocks: PrintBlock[]) => PrintBlock[]): AppPackage {
  return editTemplates(pkg, formKey, (templates) => templates.map((t, i) => (i === index ? { ...t, blocks: change([...t.blocks]) } : t)));
}

/** Appends a block to a template. */
export function addPrintBlock(pkg: AppPackage, formKey: string, index: number, block: PrintBlock): AppPackage {
  return editBlocks(pkg, formKey, index, (blocks) => [...blocks, block]);
}

/** Replaces a block of a template. */
export function updatePrintBlock(pkg: AppPackage, formKey: string, index: number, block: number, next: PrintBlock): AppPackage {
  return editBlocks(pkg, formKey, index, (blocks) => blocks.map((b, i) => (i === block ? next : b)));
}

/** Removes a block of a template. */
export function removePrintBlock(pkg: AppPackage, formKey: string, index: number, block: number): AppPackage {
  return editBlocks(pkg, formKey, index, (blocks) => blocks.filter((_, i) => i !== block));
}

/** Moves a block one place up (-1) or down (+1); nothing at the ends. */
export function movePrintBlock(pkg: AppPackage, formKey: string, index: number, block: number, delta: -1 | 1): AppPackage {
  return editBlocks(pkg, formKey, index, (blocks) => {
    const to = block + delta;
    if (blocks[block] === undefined || to < 0 || to >= blocks.length) return blocks;
    [blocks[block], blocks[to]] = [blocks[to]!, blocks[block]!];
    return blocks;
  });
}

/** A fields block with `key` ticked or unticked, keeping the form's field order. */
export function toggleBlockField(form: FormDef, block: Extract<PrintBlock, { kind: 'fields' }>, key: string, on: boolean): PrintBlock {
  const chosen = new Set(block.fields);
  if (on) chosen.add(key);
  else chosen.delete(key);
  return { ...block, fields: form.fields.map((f) => f.key).filter((k) => chosen.has(k)) };
}
