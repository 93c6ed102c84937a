import { pointer } from './json-pointer.js';
import type { ErrorDetail } from './trellis-error.js';
import { KEY_PATTERN } from './types.js';

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Semantic checks of a (possibly malformed) form's `printTemplates`: template keys are
 * unique within the form, and every field a block names is a field of the form. Shapes
 * that are wrong are skipped (the structural check reports them).
 *
 * @example
 * checkPrintTemplates(form, '/forms/0', new Set(['name']), out);
 * // out: [{ path: '/forms/0/printTemplates/0/blocks/1/fields/0', message: "print template 'quote' prints field 'price', …" }]
 */
export function checkPrintTemplates(form: Obj, at: string, fieldKeys: ReadonlySet<string>, out: ErrorDetail[]): void {
  const formKey = str(form['key']) ?? '?';
  const seen = new Map<string, string>();
  arr(form['printTemplates']).forEach((template, t) => {
    if (!isObj(template)) return;
    const tat = pointer(at, 'printTemplates', t);
    const key = str(template['key']);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) out.push({ path: pointer(tat, 'key'), message: `print template key '${key}' is already used at ${first}; print template keys must be unique within a form` });
      else seen.set(key, pointer(tat, 'key'));
    }
    const name = key ?? String(t);
    const refer = (k: unknown, path: string): void => {
      const f = str(k);
      if (f === undefined || !KEY_PATTERN.test(f) || fieldKeys.has(f)) return;
      out.push({ path, message: `print template '${name}' prints field '${f}', which form '${formKey}' does not have; remove it from the template or add the field` });
    };
    arr(template['blocks']).forEach((block, b) => {
      if (!isObj(block)) return;
      const bat = pointer(tat, 'blocks', b);
      if (block['kind'] === 'fields') arr(block['fields']).forEach((k, m) => refer(k, pointer(bat, 'fields', m)));
      else if (block['kind'] === 'subtable' || block['kind'] === 'signature') refer(block['field'], pointer(bat, 'field'));
    });
  });
}
