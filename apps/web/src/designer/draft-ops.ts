import type { AppPackage, FieldDef, FormDef, LayoutNode, LayoutSection, LocalizedText } from '@trellis/schema';

/** Where a field goes: a section of the form's layout and a position in it. */
export interface DropTarget {
  readonly section: number;
  /** Index in the section's field list; the end when absent or past it. */
  readonly index?: number;
}

/**
 * A form's layout nodes (sections and tab groups, structure kept) with every field placed
 * exactly once: unknown and repeated keys dropped, fields outside the layout appended to the
 * last section (a new one when the layout has none).
 */
export function normalizedNodes(form: FormDef): LayoutNode[] {
  const keys = new Set(form.fields.map((f) => f.key));
  const placed = new Set<string>();
  const clean = (s: LayoutSection): LayoutSection => {
    const fields = s.fields.filter((k) => {
      if (!keys.has(k) || placed.has(k)) return false;
      placed.add(k);
      return true;
    });
    return { ...s, fields };
  };
  const nodes: LayoutNode[] = (form.layout ?? []).map((n) => (n.kind === 'tabs' ? { ...n, tabs: n.tabs.map((t) => ({ ...t, sections: t.sections.map(clean) })) } : clean(n)));
  if (flattenNodes(nodes).length === 0) nodes.push({ kind: 'section', columns: 1, fields: [] });
  const rest = form.fields.filter((f) => !placed.has(f.key)).map((f) => f.key);
  if (rest.length === 0) return nodes;
  const sections = flattenNodes(nodes);
  const last = sections[sections.length - 1]!;
  sections[sections.length - 1] = { ...last, fields: [...last.fields, ...rest] };
  return withSections(nodes, sections);
}

/** The sections of layout nodes in display order (tab groups' sections tab by tab): the designer's section numbers. */
export function flattenNodes(nodes: readonly LayoutNode[]): LayoutSection[] {
  return nodes.flatMap((n) => (n.kind === 'tabs' ? n.tabs.flatMap((t) => t.sections) : [n]));
}

/** Puts `sections` (as many as `flattenNodes(nodes)` returns, in its order) back into the structure of `nodes`. */
export function withSections(nodes: readonly LayoutNode[], sections: readonly LayoutSection[]): LayoutNode[] {
  let i = 0;
  return nodes.map((n) => (n.kind === 'tabs' ? { ...n, tabs: n.tabs.map((t) => ({ ...t, sections: t.sections.map(() => sections[i++]!) })) } : sections[i++]!));
}

/** A form's layout sections with every field placed, tab groups flattened (see `normalizedNodes`). */
export function normalizedLayout(form: FormDef): LayoutSection[] {
  return flattenNodes(normalizedNodes(form));
}

/** Changes the sections of a form (same number, same order), keeping tab groups. */
function editSections(form: FormDef, edit: (sections: LayoutSection[]) => void): FormDef {
  const nodes = normalizedNodes(form);
  const sections = flattenNodes(nodes);
  edit(sections);
  return { ...form, layout: withSections(nodes, sections) };
}

/** Where a field is in the layout, or undefined. */
export function findField(form: FormDef, key: string): { section: number; index: number } | undefined {
  const layout = normalizedLayout(form);
  for (let s = 0; s < layout.length; s++) {
    const i = layout[s]!.fields.indexOf(key);
    if (i >= 0) return { section: s, index: i };
  }
  return undefined;
}

/** Applies `change` to form `formKey` of the package. */
export function withForm(pkg: AppPackage, formKey: string, change: (form: FormDef) => FormDef): AppPackage {
  return { ...pkg, forms: pkg.forms.map((f) => (f.key === formKey ? change(f) : f)) };
}

function insertAt<T>(list: readonly T[], index: number | undefined, item: T): T[] {
  const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** A key not yet used in the form: `base`, else `base_2`, `base_3`, … */
export function freeKey(form: FormDef, base: string): string {
  const used = new Set(form.fields.map((f) => f.key));
  const clean = base.replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '') || 'field';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}_${n}`)) return `${clean}_${n}`;
}

/** A new field id (`f_` + random), unique in the form. */
export function newFieldId(form: FormDef): string {
  const used = new Set(form.fields.map((f) => f.id));
  for (;;) {
    const id = `f_${Math.random().toString(36).slice(2, 10)}`;
    if (!used.has(id)) return id;
  }
}

/** Adds `field` to the form at `target`. */
export function addField(pkg: AppPackage, formKey: string, field: FieldDef, target: DropTarget): AppPackage {
  return withForm(pkg, formKey, (form) =>
    editSections({ ...form, fields: [...form.fields, field], layout: normalizedNodes(form) }, (layout) => {
      const s = Math.min(target.section, layout.length - 1);
      layout[s] = { ...layout[s]!, fields: insertAt(layout[s]!.fields.filter((k) => k !== field.key), target.index, field.key) };
    }),
  );
}

/** Moves a field to `target` (indexes count the section as it is before the move). */
export function moveField(pkg: AppPackage, formKey: string, key: string, target: DropTarget): AppPackage {
  return withForm(pkg, formKey, (form) => {
    const from = findField(form, key);
    if (!from) return form;
    return editSections(form, (layout) => {
      let index = target.index;
      if (from.section === target.section && index !== undefined && index > from.index) index -= 1;
      layout[from.section] = { ...layout[from.section]!, fields: layout[from.section]!.fields.filter((k) => k !== key) };
      const s = Math.min(target.section, layout.length - 1);
      layout[s] = { ...layout[s]!, fields: insertAt(layout[s]!.fields, index, key) };
    });
  });
}

/** Moves a field one place up (-1) or down (+1), across section borders. */
export function nudgeField(pkg: AppPackage, formKey: string, key: string, delta: -1 | 1): AppPackage {
  const form = pkg.forms.find((f) => f.key === formKey);
  const from = form && findField(form, key);
  if (!form || !from) return pkg;
  const layout = normalizedLayout(form);
  const size = layout[from.section]!.fields.length;
  if (delta === -1) {
    if (from.index > 0) return moveField(pkg, formKey, key, { section: from.section, index: from.index - 1 });
    if (from.section > 0) return moveField(pkg, formKey, key, { section: from.section - 1 });
    return pkg;
  }
  if (from.index < size - 1) return moveField(pkg, formKey, key, { section: from.section, index: from.index + 2 });
  if (from.section < layout.length - 1) return moveField(pkg, formKey, key, { section: from.section + 1, index: 0 });
  return pkg;
}

/** Removes a field (publishing then hides its column; the data stays). */
export function removeField(pkg: AppPackage, formKey: string, key: string): AppPackage {
  return withForm(pkg, formKey, (form) =>
    editSections({ ...form, fields: form.fields.filter((f) => f.key !== key), layout: normalizedNodes(form) }, (layout) => {
      layout.forEach((s, i) => (layout[i] = { ...s, fields: s.fields.filter((k) => k !== key) }));
    }),
  );
}

/** Changes a field's definition; a new `key` is followed in the layout and the title field. */
export function updateField(pkg: AppPackage, formKey: string, key: string, next: FieldDef): AppPackage {
  return withForm(pkg, formKey, (form) => {
    const renamed = editSections(form, (layout) => {
      layout.forEach((s, i) => (layout[i] = { ...s, fields: s.fields.map((k) => (k === key ? next.key : k)) }));
    });
    return {
      ...renamed,
      fields: form.fields.map((f) => (f.key === key ? next : f)),
      ...(form.titleField === key ? { titleField: next.key } : {}),
    };
  });
}

/** Adds an empty layout section with `columns` columns at the end of the form, or of tab `tab` of the tab group at layout node `group`. */
export function addSection(pkg: AppPackage, formKey: string, columns: number, title?: LocalizedText, inTab?: { group: number; tab: number }): AppPackage {
  const section: LayoutSection = { kind: 'section', columns, fields: [], ...(title !== undefined ? { title } : {}) };
  return withForm(pkg, formKey, (form) => {
    const nodes = normalizedNodes(form);
    const group = inTab === undefined ? undefined : nodes[inTab.group];
    if (inTab === undefined || group?.kind !== 'tabs' || group.tabs[inTab.tab] === undefined) return { ...form, layout: [...nodes, section] };
    nodes[inTab.group] = { ...group, tabs: group.tabs.map((t, i) => (i === inTab.tab ? { ...t, sections: [...t.sections, section] } : t)) };
    return { ...form, layout: nodes };
  });
}

/** Changes a section's column count or title. */
export function updateSection(pkg: AppPackage, formKey: string, section: number, change: { columns?: number; title?: LocalizedText | undefined }): AppPackage {
  return withForm(pkg, formKey, (form) =>
    editSections(form, (layout) => {
      const s = layout[section];
      if (s === undefined) return;
      const next: LayoutSection = { ...s, ...(change.columns !== undefined ? { columns: change.columns } : {}) };
      if (!('title' in change)) return void (layout[section] = next);
      const { title: _old, ...rest } = next;
      layout[section] = change.title === undefined ? rest : { ...rest, title: change.title };
    }),
  );
}

/** Removes a section (also one inside a tab); its fields move to the previous section (or the next one). */
export function removeSection(pkg: AppPackage, formKey: string, section: number): AppPackage {
  return withForm(pkg, formKey, (form) => {
    const sections = normalizedLayout(form);
    if (sections.length <= 1 || sections[section] === undefined) return form;
    const gone = sections[section]!;
    const moved = editSections(form, (layout) => {
      const into = section === 0 ? 1 : section - 1;
      layout[into] = { ...layout[into]!, fields: section === 0 ? [...gone.fields, ...layout[into]!.fields] : [...layout[into]!.fields, ...gone.fields] };
      layout[section] = { ...gone, fields: [] };
    });
    // drop the emptied section from wherever it sits (identity, as sections are fresh objects)
    const target = flattenNodes(moved.layout ?? [])[section];
    const layout = (moved.layout ?? []).flatMap((n): LayoutNode[] => {
      if (n === target) return [];
      if (n.kind !== 'tabs') return [n];
      return [{ ...n, tabs: n.tabs.map((t) => ({ ...t, sections: t.sections.filter((x) => x !== target) })) }];
    });
    return { ...moved, layout };
  });
}

/** Adds an empty form to the package. */
export function addForm(pkg: AppPackage, key: string, name: LocalizedText): AppPackage {
  return { ...pkg, forms: [...pkg.forms, { key, name, fields: [], layout: [{ kind: 'section', columns: 1, fields: [] }] }] };
}

/** A new, empty app package with one empty form. */
export function emptyApp(appKey: string, appName: LocalizedText, formKey: string, formName: LocalizedText): AppPackage {
  return addForm({ schemaVersion: 1, app: { key: appKey, name: appName }, forms: [] }, formKey, formName);
}

// Sub-table columns (options.fields of a subtable field): see subtable-ops.ts.
export { addColumn, moveColumn, nudgeColumn, removeColumn, updateColumn, newColumn, columnsOf, canBeColumn } from './subtable-ops.js';
