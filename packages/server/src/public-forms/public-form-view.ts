import { createHash } from 'node:crypto';
import type { ErrorDetail, FieldDef, FieldTypeCatalog, FormDef, LayoutNode, LayoutSection } from '@trellis/schema';
import type { PublicLinkOptions } from '@trellis/store';

/** The link options that decide what a public form shows. */
export interface ShownFieldsOptions {
  readonly fields: readonly string[] | null;
  readonly onePerField: string | null;
}

/**
 * The keys of the fields a public form shows, in form order: all fields when the link names
 * none; otherwise the named ones, plus the `onePerField` field and every required field
 * without a default (so a form published later with a new required field stays submittable).
 *
 * @example shownFieldKeys(form, { fields: ['name'], onePerField: 'phone' }) // ['name', 'phone']
 */
export function shownFieldKeys(form: FormDef, link: ShownFieldsOptions): string[] {
  if (link.fields === null) return form.fields.map((f) => f.key);
  const wanted = new Set(link.fields);
  if (link.onePerField !== null) wanted.add(link.onePerField);
  for (const f of form.fields) if (f.required === true && f.defaultValue === undefined) wanted.add(f.key);
  // A field whose visibility condition reads another field needs that field too (the browser
  // evaluates the condition and the visitor decides its value), transitively.
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const queue = [...wanted];
  while (queue.length > 0) {
    const field = byKey.get(queue.pop()!);
    for (const key of conditionVars(field?.visibleWhen)) {
      if (byKey.has(key) && !wanted.has(key)) {
        wanted.add(key);
        queue.push(key);
      }
    }
  }
  return form.fields.filter((f) => wanted.has(f.key)).map((f) => f.key);
}

/** The field keys a json-logic condition reads (`{"var": "a"}`, `{"var": ["a", 0]}`, `a.b` → `a`). */
function conditionVars(rule: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(rule)) for (const r of rule) conditionVars(r, out);
  else if (rule !== null && typeof rule === 'object') {
    for (const [op, arg] of Object.entries(rule)) {
      const name = op === 'var' ? (Array.isArray(arg) ? arg[0] : arg) : undefined;
      if (typeof name === 'string') out.add(name.split('.')[0]!);
      else conditionVars(arg, out);
    }
  }
  return out;
}

/**
 * The definition an anonymous visitor receives: only the shown fields (field ids replaced by
 * their keys, so no internal id leaves the server) and the layout narrowed to them. Labels,
 * options, `required` and `visibleWhen` stay, because the browser runs the same form engine.
 *
 * @example const def = publicFormDef(form, ['name', 'phone']);
 */
export function publicFormDef(form: FormDef, shown: readonly string[]): FormDef {
  const keep = new Set(shown);
  const fields: FieldDef[] = form.fields.filter((f) => keep.has(f.key)).map((f) => ({ ...f, id: f.key }));
  const section = (node: LayoutSection): LayoutSection => ({ ...node, fields: node.fields.filter((k) => keep.has(k)) });
  const layout: LayoutNode[] | undefined = form.layout
    ?.map((node): LayoutNode => (node.kind === 'tabs' ? { ...node, tabs: node.tabs.map((tab) => ({ ...tab, sections: tab.sections.map(section).filter((s) => s.fields.length > 0) })).filter((tab) => tab.sections.length > 0) } : section(node)))
    .filter((node) => (node.kind === 'tabs' ? node.tabs.length > 0 : node.fields.length > 0));
  return {
    key: form.key,
    name: form.name,
    ...(form.description !== undefined ? { description: form.description } : {}),
    fields,
    ...(layout !== undefined && layout.length > 0 ? { layout } : {}),
  };
}

/**
 * Problems of a link's options against the live form (empty when they fit): shown fields
 * that do not exist, a `onePerField` that is not a text field, an expiry in the past.
 * Paths point into the request body (`/fields/1`, `/onePerField`).
 *
 * @example checkLinkOptions(form, { onePerField: 'employees' }, fieldTypes) // [{ path: '/onePerField', … }]
 */
export function checkLinkOptions(form: FormDef, options: PublicLinkOptions, catalog: FieldTypeCatalog, now: Date = new Date()): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  options.fields?.forEach((key, i) => {
    if (!byKey.has(key)) problems.push({ path: `/fields/${i}`, message: `form '${form.key}' has no field '${key}'` });
  });
  if (options.onePerField !== undefined && options.onePerField !== null) {
    const field = byKey.get(options.onePerField);
    if (field === undefined) problems.push({ path: '/onePerField', message: `form '${form.key}' has no field '${options.onePerField}'` });
    else if (catalog.valueType(field) !== 'text') {
      problems.push({ path: '/onePerField', message: `field '${field.key}' holds ${catalog.valueType(field)} values; choose a text field such as a phone or an email` });
    }
  }
  if (options.expiresAt !== undefined && options.expiresAt !== null && Date.parse(options.expiresAt) <= now.getTime()) {
    problems.push({ path: '/expiresAt', message: `the expiry ${options.expiresAt} is in the past; choose a later time or none` });
  }
  return problems;
}

/**
 * Normalises a value for "one submission per value", on top of the field type's own cleaning:
 * lower case, no spaces, dashes, dots between digits or brackets in phone-like values, and no
 * `+86`/`0086` country prefix before an 11-digit mobile number. `null` when there is no value.
 *
 * @example claimValue(' +86 138-0013-8000 ') // '13800138000'
 * @example claimValue('Li.Lei@Example.COM') // 'li.lei@example.com'
 */
export function claimValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let v = String(value).trim().toLowerCase().replace(/\s+/g, '');
  if (v === '') return null;
  if (/^[+\d()\-.]+$/.test(v)) {
    v = v.replace(/[()\-.]/g, '');
    v = v.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
  }
  return v;
}

/**
 * The hash under which a claimed value is stored (SHA-256 of the normalised value, hex), so
 * the claims table holds no phone numbers or emails itself.
 *
 * @example claimHash('13800138000') // '…64 hex digits…'
 */
export function claimHash(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
