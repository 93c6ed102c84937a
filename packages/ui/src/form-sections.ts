import { type FieldDef, type FormDef, type LayoutSection, type LocalizedText } from '@trellis/schema';

/** A block of fields as the renderer draws it. */
export interface FormSection {
  readonly title?: LocalizedText;
  readonly columns: number;
  readonly fields: readonly FieldDef[];
}

/** One tab of a tab group as the renderer draws it. */
export interface FormTab {
  readonly title: LocalizedText;
  readonly sections: readonly FormSection[];
}

/** A top-level block of a form: a section, or a tab group whose tabs hold sections. */
export type FormBlock = { readonly kind: 'section'; readonly section: FormSection } | { readonly kind: 'tabs'; readonly tabs: readonly FormTab[] };

/**
 * Arranges a form's fields into blocks: the form's `layout` when it has one (sections and
 * tab groups, with any field the layout forgets appended in a last section, so nothing
 * silently disappears), otherwise one single-column section with every field in order.
 * Empty sections are dropped; a tab keeps its place even when empty, so tab positions
 * stay those of the designer.
 *
 * @example formLayout(form) // [{ kind: 'section', section: {...} }, { kind: 'tabs', tabs: [{ title: 'More', sections: [...] }] }]
 */
export function formLayout(form: FormDef): FormBlock[] {
  if (!form.layout || form.layout.length === 0) return [{ kind: 'section', section: { columns: 1, fields: form.fields } }];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const placed = new Set<string>();
  const toSection = (node: LayoutSection): FormSection => {
    const fields = node.fields.flatMap((key) => {
      const field = byKey.get(key);
      if (!field || placed.has(key)) return [];
      placed.add(key);
      return [field];
    });
    const columns = Math.min(4, Math.max(1, Math.trunc(node.columns ?? 1)));
    return node.title === undefined ? { columns, fields } : { title: node.title, columns, fields };
  };
  const blocks: FormBlock[] = [];
  for (const node of form.layout) {
    if (node.kind === 'tabs') {
      const tabs = node.tabs.map((tab) => ({ title: tab.title, sections: tab.sections.map(toSection).filter((s) => s.fields.length > 0) }));
      if (tabs.length > 0) blocks.push({ kind: 'tabs', tabs });
    } else {
      const section = toSection(node);
      if (section.fields.length > 0) blocks.push({ kind: 'section', section });
    }
  }
  const rest = form.fields.filter((f) => !placed.has(f.key));
  if (rest.length > 0) blocks.push({ kind: 'section', section: { columns: 1, fields: rest } });
  return blocks;
}

/**
 * The sections of `formLayout`, with the sections of tab groups flattened in (tab by tab):
 * what code needs that only cares which fields are drawn, in which order.
 *
 * @example formSections(form) // [{ title: 'Basics', columns: 2, fields: [...] }]
 */
export function formSections(form: FormDef): FormSection[] {
  return formLayout(form).flatMap((b) => (b.kind === 'tabs' ? b.tabs.flatMap((t) => t.sections) : [b.section]));
}
