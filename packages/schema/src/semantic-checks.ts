import { pointer } from './json-pointer.js';
import { checkPrintTemplates } from './print-template-checks.js';
import { isSqlReservedWord } from './sql-reserved-words.js';
import type { ErrorDetail } from './trellis-error.js';
import { KEY_PATTERN, SYSTEM_COLUMNS } from './types.js';

/**
 * Rules of the definition language that JSON Schema cannot express: reserved words,
 * system columns, uniqueness and references. They run on the raw input, even when its
 * structure is broken, so one validation run reports every problem; anything of the
 * wrong shape is skipped here (the structural check already reports it).
 */

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const systemColumns: ReadonlySet<string> = new Set(SYSTEM_COLUMNS);

/** Refuses a well-formed key that is a SQL reserved word (a malformed one is reported by the schema). */
function checkKeyWord(key: unknown, path: string, what: string, out: ErrorDetail[]): void {
  const k = str(key);
  if (k === undefined || !KEY_PATTERN.test(k)) return;
  if (isSqlReservedWord(k)) {
    out.push({ path, message: `${what} key '${k}' is a reserved SQL word; choose another key, e.g. '${k}_value' or '${what}_${k}'` });
  }
}

/** Reports the second and later occurrences of each value, pointing back at the first. */
function checkUnique(
  items: readonly { value: string | undefined; path: string }[],
  what: string,
  out: ErrorDetail[],
  message = (value: string, first: string) => `${what} '${value}' is already used at ${first}; ${what}s must be unique`,
): void {
  const first = new Map<string, string>();
  for (const { value, path } of items) {
    if (value === undefined) continue;
    const prev = first.get(value);
    if (prev === undefined) first.set(value, path);
    else out.push({ path, message: message(value, prev) });
  }
}

function checkNavigation(items: unknown, path: string, formKeys: ReadonlySet<string>, out: ErrorDetail[]): void {
  arr(items).forEach((item, i) => {
    if (!isObj(item)) return;
    const at = pointer(path, i);
    if (item['kind'] === 'form') {
      const form = str(item['form']);
      if (form !== undefined && KEY_PATTERN.test(form) && !formKeys.has(form)) {
        out.push({ path: pointer(at, 'form'), message: `navigation points to form '${form}', which this package does not define; add the form or remove the menu entry` });
      }
    } else if (item['kind'] === 'group') {
      checkNavigation(item['items'], pointer(at, 'items'), formKeys, out);
    }
  });
}

/**
 * A role's rights must point at forms and fields of the package, and any action on a form
 * needs `view` too (a record one may edit or export is a record one sees; a "submit only"
 * role is a `view` role with the scope `owner_id == $user.id`). The scope's condition is
 * compiled by `validateApp` (forms), where the condition language is known.
 */
function checkRole(role: Obj, at: string, forms: ReadonlyMap<string, ReadonlySet<string>>, out: ErrorDetail[]): void {
  const roleKey = str(role['key']) ?? '?';
  const rights = role['forms'];
  if (!isObj(rights)) return;
  for (const [formKey, permission] of Object.entries(rights)) {
    if (!KEY_PATTERN.test(formKey)) continue;
    const fat = pointer(at, 'forms', formKey);
    const fieldKeys = forms.get(formKey);
    if (fieldKeys === undefined) {
      out.push({ path: fat, message: `role '${roleKey}' grants rights on form '${formKey}', which this package does not define; add the form or remove its rights` });
      continue;
    }
    if (!isObj(permission)) continue;
    const actions = arr(permission['actions']).filter((a): a is string => typeof a === 'string');
    if (actions.length > 0 && !actions.includes('view')) {
      out.push({ path: pointer(fat, 'actions'), message: `role '${roleKey}' may ${actions.join(', ')} on form '${formKey}' but not view it; add 'view' (use a scope to limit which records it sees)` });
    }
    const fields = permission['fields'];
    if (!isObj(fields)) continue;
    for (const fieldKey of Object.keys(fields)) {
      if (!KEY_PATTERN.test(fieldKey) || fieldKeys.has(fieldKey)) continue;
      out.push({ path: pointer(fat, 'fields', fieldKey), message: `role '${roleKey}' sets the access of field '${fieldKey}', which form '${formKey}' does not have; use one of its field keys` });
    }
  }
}

function checkForm(form: Obj, at: string, out: ErrorDetail[]): void {
  const formKey = str(form['key']) ?? '?';
  checkKeyWord(form['key'], pointer(at, 'key'), 'form', out);
  const fields = arr(form['fields']);
  const keys: { value: string | undefined; path: string }[] = [];
  const ids: { value: string | undefined; path: string }[] = [];
  fields.forEach((field, j) => {
    if (!isObj(field)) return;
    const fat = pointer(at, 'fields', j);
    const key = str(field['key']);
    checkKeyWord(key, pointer(fat, 'key'), 'field', out);
    if (key !== undefined && systemColumns.has(key)) {
      out.push({ path: pointer(fat, 'key'), message: `field key '${key}' is a system column of every table (${SYSTEM_COLUMNS.join(', ')}); choose another key` });
    }
    keys.push({ value: key, path: pointer(fat, 'key') });
    ids.push({ value: str(field['id']), path: pointer(fat, 'id') });
  });
  checkUnique(keys, 'field key', out);
  checkUnique(ids, 'field id', out);

  const fieldKeys = new Set(keys.map((k) => k.value).filter((k): k is string => k !== undefined));
  const titleField = str(form['titleField']);
  if (titleField !== undefined && KEY_PATTERN.test(titleField) && !fieldKeys.has(titleField)) {
    out.push({ path: pointer(at, 'titleField'), message: `titleField '${titleField}' is not a field of form '${formKey}'; use one of its field keys` });
  }

  const placed: { value: string | undefined; path: string }[] = [];
  const sections: { node: Obj; path: string }[] = [];
  arr(form['layout']).forEach((node, n) => {
    if (!isObj(node)) return;
    if (node['kind'] !== 'tabs') return void sections.push({ node, path: pointer(at, 'layout', n) });
    arr(node['tabs']).forEach((tab, t) => {
      if (!isObj(tab)) return;
      arr(tab['sections']).forEach((section, s) => {
        if (isObj(section)) sections.push({ node: section, path: pointer(at, 'layout', n, 'tabs', t, 'sections', s) });
      });
    });
  });
  sections.forEach(({ node, path: sectionPath }) => {
    arr(node['fields']).forEach((k, m) => {
      const path = pointer(sectionPath, 'fields', m);
      const key = str(k);
      if (key === undefined || !KEY_PATTERN.test(key)) return;
      if (!fieldKeys.has(key)) {
        out.push({ path, message: `layout places field '${key}', which form '${formKey}' does not have; remove it from the layout or add the field` });
      }
      placed.push({ value: key, path });
    });
  });
  checkUnique(placed, 'layout field', out, (v, first) => `field '${v}' is already placed in the layout at ${first}; place each field once`);
  checkPrintTemplates(form, at, fieldKeys, out);
}

/**
 * Checks keys, uniqueness and references of a (possibly malformed) app package.
 *
 * @example
 * checkPackageSemantics({ schemaVersion: 1, app: { key: 'select', name: 'x' }, forms: [] });
 * // → [{ path: '/app/key', message: "app key 'select' is a reserved SQL word; …" }]
 */
export function checkPackageSemantics(input: unknown): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!isObj(input)) return out;
  if (isObj(input['app'])) checkKeyWord(input['app']['key'], '/app/key', 'app', out);

  const forms = arr(input['forms']);
  const formKeys: { value: string | undefined; path: string }[] = [];
  forms.forEach((form, i) => {
    if (!isObj(form)) return;
    const at = pointer('/forms', i);
    formKeys.push({ value: str(form['key']), path: pointer(at, 'key') });
    checkForm(form, at, out);
  });
  checkUnique(formKeys, 'form key', out);

  if (isObj(input['app'])) {
    const known = new Set(formKeys.map((k) => k.value).filter((k): k is string => k !== undefined));
    checkNavigation(input['app']['navigation'], '/app/navigation', known, out);
  }

  const fieldsByForm = new Map<string, ReadonlySet<string>>();
  for (const form of forms) {
    if (!isObj(form) || str(form['key']) === undefined || fieldsByForm.has(str(form['key'])!)) continue;
    fieldsByForm.set(str(form['key'])!, new Set(arr(form['fields']).map((f) => (isObj(f) ? str(f['key']) : undefined)).filter((k): k is string => k !== undefined)));
  }
  arr(input['roles']).forEach((role, i) => {
    if (isObj(role)) checkRole(role, pointer('/roles', i), fieldsByForm, out);
  });

  for (const section of ['flows', 'rules', 'reports', 'roles'] as const) {
    const items = arr(input[section]).map((item, i) => ({ value: isObj(item) ? str(item['key']) : undefined, path: pointer('/' + section, i, 'key') }));
    checkUnique(items, `${section.slice(0, -1)} key`, out);
  }
  return out;
}
