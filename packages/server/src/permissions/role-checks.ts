import { checkCondition } from '@trellis/expr';
import { compileForm } from '@trellis/forms';
import { FIELD_ACCESS_LEVELS, KEY_PATTERN, PERMISSION_ACTIONS, type AppPackage, type ErrorDetail, type FieldAccess, type RoleDef } from '@trellis/schema';
import { ServerErrors } from '../errors.js';
import type { AppPermissions } from './app-permissions.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => (typeof v === 'string' && v.trim() !== '') || (isObject(v) && Object.keys(v).length > 0 && Object.values(v).every((t) => typeof t === 'string'));
const rank = (a: FieldAccess): number => FIELD_ACCESS_LEVELS.indexOf(a);

/**
 * Every problem of a role definition against the app's package, with JSON pointers under
 * `base`: the key, the name, unknown forms and fields, unknown actions and access levels, and
 * row scopes that do not compile against the form's variables (the same check as list
 * filters; `$user.*` allowed).
 *
 * @example checkRoleDef({ key: 'rep', name: 'Rep', forms: { nope: { actions: ['view'] } } }, pkg) // [{ path: '/forms/nope', … }]
 */
export function checkRoleDef(def: unknown, pkg: AppPackage, base = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!isObject(def)) return [{ path: base || '/', message: 'a role must be an object with key, name and forms' }];
  if (typeof def['key'] !== 'string' || !KEY_PATTERN.test(def['key'])) out.push({ path: `${base}/key`, message: 'must be a key: lower-case letters, digits and _, starting with a letter' });
  if (!isText(def['name'])) out.push({ path: `${base}/name`, message: 'must be a text or a map of locale to text' });
  if (def['description'] !== undefined && def['description'] !== null && !isText(def['description'])) out.push({ path: `${base}/description`, message: 'must be a text or a map of locale to text' });
  if (def['design'] !== undefined && typeof def['design'] !== 'boolean') out.push({ path: `${base}/design`, message: 'must be true or false' });
  const forms = def['forms'];
  if (!isObject(forms)) {
    out.push({ path: `${base}/forms`, message: 'must be an object of form key → { actions, scope?, fields? }' });
    return out;
  }
  for (const [formKey, perm] of Object.entries(forms)) {
    const at = `${base}/forms/${formKey}`;
    const form = pkg.forms.find((f) => f.key === formKey);
    if (form === undefined) {
      out.push({ path: at, message: `app '${pkg.app.key}' has no form '${formKey}'; its forms are: ${pkg.forms.map((f) => f.key).join(', ')}` });
      continue;
    }
    if (!isObject(perm)) {
      out.push({ path: at, message: 'must be an object { actions, scope?, fields? }' });
      continue;
    }
    const actions = perm['actions'];
    if (!Array.isArray(actions)) out.push({ path: `${at}/actions`, message: `must be a list of actions (${PERMISSION_ACTIONS.join(', ')})` });
    else actions.forEach((a, i) => { if (!(PERMISSION_ACTIONS as readonly unknown[]).includes(a)) out.push({ path: `${at}/actions/${i}`, message: `unknown action '${String(a)}'; use one of ${PERMISSION_ACTIONS.join(', ')}` }); });
    if (perm['scope'] !== undefined && perm['scope'] !== null) {
      const vars = compileForm(form).varSchema;
      for (const p of checkCondition(perm['scope'], vars)) out.push({ path: `${at}/scope${p.path === '' || p.path.startsWith('/') ? p.path : `/${p.path}`}`, message: p.message });
    }
    const fields = perm['fields'];
    if (fields !== undefined) {
      if (!isObject(fields)) out.push({ path: `${at}/fields`, message: 'must be an object of field key → access' });
      else {
        for (const [key, access] of Object.entries(fields)) {
          if (!form.fields.some((f) => f.key === key)) out.push({ path: `${at}/fields/${key}`, message: `form '${formKey}' has no field '${key}'` });
          else if (!(FIELD_ACCESS_LEVELS as readonly unknown[]).includes(access)) out.push({ path: `${at}/fields/${key}`, message: `unknown access '${String(access)}'; use one of ${FIELD_ACCESS_LEVELS.join(', ')}` });
        }
      }
    }
  }
  return out;
}

/**
 * The problems of every role of a package (`/roles/<i>/…`), and duplicate keys.
 *
 * @example checkPackageRoles(pkg) // []
 */
export function checkPackageRoles(pkg: AppPackage): ErrorDetail[] {
  return (pkg.roles ?? []).flatMap((r, i) => checkRoleDef(r, pkg, `/roles/${i}`));
}

/**
 * Throws `ROLE_INVALID` (400) when the role definition has problems.
 *
 * @example assertRoleDef(request.body, pkg);
 */
export function assertRoleDef(def: unknown, pkg: AppPackage): asserts def is RoleDef {
  const problems = checkRoleDef(def, pkg);
  if (problems.length > 0) {
    throw ServerErrors.create('ROLE_INVALID', `[server] the role has ${problems.length} problem(s) (first: ${problems[0]!.path} ${problems[0]!.message}); fix them and save again`, problems);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a role would grant that the caller does not hold themselves ("nobody grants what
 * they do not hold"): `design`, an action on a form, rows wider than their own scope for that
 * action (a granted scope must equal the caller's, or be an `and` containing it), or a field
 * access above their own. Administrators hold everything. Each problem names its path.
 *
 * @example grantProblems(def, perms, pkg) // [{ path: '/forms/customer/actions/2', message: "you do not hold 'delete' on form 'customer'" }]
 */
export function grantProblems(def: RoleDef, perms: AppPermissions, pkg: AppPackage): ErrorDetail[] {
  if (perms.unrestricted) return [];
  const out: ErrorDetail[] = [];
  if (def.design === true && !perms.design) out.push({ path: '/design', message: 'you do not hold the design right of this app' });
  for (const [formKey, perm] of Object.entries(def.forms)) {
    const held = perms.form(formKey);
    const at = `/forms/${formKey}`;
    perm.actions.forEach((a, i) => {
      if (!held.can(a)) {
        out.push({ path: `${at}/actions/${i}`, message: `you do not hold '${a}' on form '${formKey}'` });
        return;
      }
      const mine = held.scopeFor(a);
      if (mine === null) return;
      const given = perm.scope;
      const within = given !== undefined && given !== null && (same(given, mine) || (isObject(given) && Array.isArray(given['and']) && (given['and'] as unknown[]).some((p) => same(p, mine))));
      if (!within) out.push({ path: `${at}/scope`, message: `'${a}' would reach rows outside your own scope for it; use your scope ${JSON.stringify(mine)} or { "and": [your scope, …] }` });
    });
    const form = pkg.forms.find((f) => f.key === formKey);
    for (const f of form?.fields ?? []) {
      const given: FieldAccess = perm.fields?.[f.key] ?? (f.type === 'owner' && !perm.actions.includes('manage') ? 'readonly' : 'editable');
      const mine = held.fieldAccess(f.key);
      if (rank(given) > rank(mine)) {
        out.push({ path: `${at}/fields/${f.key}`, message: `field '${f.key}' would be ${given}${perm.fields?.[f.key] === undefined ? ' (fields not named are editable)' : ''}; you hold it ${mine}` });
      }
    }
  }
  return out;
}

/**
 * Throws `ROLE_GRANT_FORBIDDEN` (403) when the role grants what the caller does not hold.
 *
 * @example assertGrantable(def, perms, pkg);
 */
export function assertGrantable(def: RoleDef, perms: AppPermissions, pkg: AppPackage): void {
  const problems = grantProblems(def, perms, pkg);
  if (problems.length > 0) {
    throw ServerErrors.create('ROLE_GRANT_FORBIDDEN', `[server] the role would grant ${problems.length} right(s) you do not hold (first: ${problems[0]!.path}); nobody can grant what they do not hold`, problems);
  }
}
