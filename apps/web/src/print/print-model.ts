import { fieldTypes } from '@trellis/forms';
import { type FieldDef, type FormDef, type PrintBlock, type PrintTemplate } from '@trellis/schema';
import { formSections } from '@trellis/ui';

/** Key of the template made up when a form has none (or the address names none that exists). */
export const DEFAULT_TEMPLATE_KEY = '';

/** Whether a field's value lives in sub-table rows. */
export function isSubtableField(field: FieldDef): boolean {
  return fieldTypes.has(field.type) && fieldTypes.storesValue(field) && fieldTypes.storage(field) === 'child_table';
}

/**
 * The print layout used without a template: every field in the form's layout order, value
 * fields in a two-column fields block (description texts as text blocks where they stand),
 * each sub-table as its own table block.
 *
 * @example defaultPrintTemplate(customer).blocks // [{ kind: 'fields', fields: ['name', 'tier', …], columns: 2 }]
 */
export function defaultPrintTemplate(form: FormDef): PrintTemplate {
  const blocks: PrintBlock[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push({ kind: 'fields', fields: run, columns: 2 });
    run = [];
  };
  for (const field of formSections(form).flatMap((s) => s.fields)) {
    if (!fieldTypes.has(field.type)) {
      run.push(field.key);
      continue;
    }
    if (!fieldTypes.storesValue(field)) {
      const text = field.options?.['text'];
      if (text !== undefined) {
        flush();
        blocks.push({ kind: 'text', text: text as string });
      }
      continue;
    }
    if (isSubtableField(field)) {
      flush();
      blocks.push({ kind: 'subtable', field: field.key });
    } else run.push(field.key);
  }
  flush();
  return { key: DEFAULT_TEMPLATE_KEY, name: { 'zh-CN': '默认', en: 'Default' }, paper: 'A4', orientation: 'portrait', blocks };
}

/** The template a print page uses: the form's template `key`, else its first one, else the default layout. */
export function printTemplateFor(form: FormDef, key: string | null | undefined): PrintTemplate {
  const templates = form.printTemplates ?? [];
  if (key !== null && key !== undefined && key !== '') {
    const named = templates.find((t) => t.key === key);
    if (named) return named;
  }
  if (key === DEFAULT_TEMPLATE_KEY) return defaultPrintTemplate(form);
  return templates[0] ?? defaultPrintTemplate(form);
}

/** The CSS `@page` rule of a template: paper size and orientation. */
export function pageRule(template: PrintTemplate): string {
  const paper = template.paper === 'Letter' ? 'letter' : (template.paper ?? 'A4');
  return `@page { size: ${paper} ${template.orientation ?? 'portrait'}; margin: 14mm 12mm; }`;
}

/** The columns of a sub-table field: its column definitions when the type names them (`options.fields`), else the keys its rows use. */
export function subtableColumns(field: FieldDef, rows: readonly Readonly<Record<string, unknown>>[]): FieldDef[] {
  const declared = field.options?.['fields'] ?? field.options?.['columns'];
  if (Array.isArray(declared) && declared.every((c) => typeof c === 'object' && c !== null && typeof (c as FieldDef).key === 'string')) return declared as FieldDef[];
  const keys: string[] = [];
  for (const row of rows) for (const k of Object.keys(row)) if (k !== 'id' && !keys.includes(k)) keys.push(k);
  return keys.map((key) => ({ id: key, key, type: 'text', label: key }));
}

/** The record ids of a batch print address (`?ids=a,b,c`), without blanks or repeats, at most 200. */
export function parseIds(raw: string | null): string[] {
  const out: string[] = [];
  for (const id of (raw ?? '').split(',').map((s) => s.trim())) if (id !== '' && !out.includes(id)) out.push(id);
  return out.slice(0, 200);
}
