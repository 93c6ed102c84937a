import { layoutSections, type FieldDef, type FormDef, type LocalizedText } from '@trellis/schema';

/** A block of fields as the renderer draws it. */
export interface FormSection {
  readonly title?: LocalizedText;
  readonly columns: number;
  readonly fields: readonly FieldDef[];
}

/**
 * Arranges a form's fields into sections: the form's `layout` when it has one (with any
 * field the layout forgets appended in a last section, so nothing silently disappears),
 * otherwise one single-column section with every field in order.
 *
 * @example formSections(form) // [{ title: 'Basics', columns: 2, fields: [...] }]
 */
export function formSections(form: FormDef): FormSection[] {
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  if (!form.layout || form.layout.length === 0) return [{ columns: 1, fields: form.fields }];
  const placed = new Set<string>();
  const sections: FormSection[] = [];
  for (const node of layoutSections(form)) {
    const fields = node.fields.flatMap((key) => {
      const field = byKey.get(key);
      if (!field || placed.has(key)) return [];
      placed.add(key);
      return [field];
    });
    const columns = Math.min(4, Math.max(1, Math.trunc(node.columns ?? 1)));
    sections.push(node.title === undefined ? { columns, fields } : { title: node.title, columns, fields });
  }
  const rest = form.fields.filter((f) => !placed.has(f.key));
  if (rest.length > 0) sections.push({ columns: 1, fields: rest });
  return sections.filter((s) => s.fields.length > 0);
}
