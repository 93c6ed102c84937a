import { pointer, type ErrorDetail, type FormDef } from '@trellis/schema';
import type { FieldTypeRegistry } from './field-type-registry.js';

/**
 * Checks of print templates that need the field types (the schema package already checked
 * that the fields exist): a `subtable` block names a field stored as sub-table rows, and a
 * `signature` block names a field that holds a value.
 *
 * @example checkPrintFieldTypes(form, '/forms/0', fieldTypes) // [{ path: '/forms/0/printTemplates/0/blocks/2/field', message: … }]
 */
export function checkPrintFieldTypes(form: FormDef, at: string, registry: FieldTypeRegistry): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  (form.printTemplates ?? []).forEach((template, t) => {
    template.blocks.forEach((block, b) => {
      if (block.kind !== 'subtable' && block.kind !== 'signature') return;
      const field = block.field === undefined ? undefined : byKey.get(block.field);
      if (field === undefined || !registry.has(field.type)) return;
      const path = pointer(at, 'printTemplates', t, 'blocks', b, 'field');
      if (block.kind === 'subtable' && (!registry.storesValue(field) || registry.storage(field) !== 'child_table')) {
        out.push({ path, message: `print template '${template.key}' prints '${field.key}' as a sub-table, but it is a ${field.type} field; use a fields block for it or pick a sub-table field` });
      }
      if (block.kind === 'signature' && !registry.storesValue(field)) {
        out.push({ path, message: `print template '${template.key}' prints the signature of '${field.key}', which holds no value; pick a signature field or leave the field out for a blank signing line` });
      }
    });
  });
  return out;
}
