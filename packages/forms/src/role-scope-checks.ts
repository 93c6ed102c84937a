import { compileSql, checkCondition, type VarSchema } from '@trellis/expr';
import { pointer, type AppPackage, type ErrorDetail } from '@trellis/schema';

/** The `$user` properties a row scope may read: what the server puts in every request's context. */
export const SCOPE_USER_PROPERTIES: readonly string[] = ['id', 'deptIds', 'deptTree', 'managedDeptTree', 'roles'];

const USER_VAR = /^\$user\.(.*)$/;

/** Every `{"var": "$user.<x>"}` name in a rule, with its JSON pointer. */
function userVars(rule: unknown, path: string, out: { name: string; path: string }[]): void {
  if (Array.isArray(rule)) return rule.forEach((r, i) => userVars(r, pointer(path, i), out));
  if (typeof rule !== 'object' || rule === null) return;
  for (const [op, args] of Object.entries(rule)) {
    const at = pointer(path, op);
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === 'string' && USER_VAR.test(name)) out.push({ name, path: Array.isArray(args) ? pointer(at, 0) : at });
      if (Array.isArray(args)) args.slice(1).forEach((a, i) => userVars(a, pointer(at, i + 1), out));
      continue;
    }
    userVars(args, at, out);
  }
}

/**
 * Checks the row scopes of a package's roles: each must compile, for SQL, against its
 * form's variables (fields that store a value and the system columns) and read only the
 * `$user` properties of {@link SCOPE_USER_PROPERTIES}. `vars` gives each form's variables.
 * Role entries naming forms the package does not define are skipped (the semantic checks
 * report them). Paths point into the scope: `/roles/0/forms/customer/scope/==/1/var`.
 *
 * @example
 * checkRoleScopes(pkg, (form) => varSchemaOf(form, fieldTypes));
 * // [{ path: '/roles/0/forms/customer/scope/==/0/var', message: "unknown variable 'owner'; …" }]
 */
export function checkRoleScopes(pkg: AppPackage, vars: (form: AppPackage['forms'][number]) => VarSchema): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const forms = new Map(pkg.forms.map((f) => [f.key, f] as const));
  (pkg.roles ?? []).forEach((role, i) => {
    for (const [formKey, permission] of Object.entries(role.forms)) {
      const form = forms.get(formKey);
      const scope = permission.scope;
      if (form === undefined || scope === undefined || typeof scope === 'boolean') continue;
      const base = pointer('/roles', i, 'forms', formKey, 'scope');
      const at = (p: string) => base + (p === '' || p.startsWith('/') ? p : '/' + p);
      const users: { name: string; path: string }[] = [];
      userVars(scope, '', users);
      const unknown = users.filter((u) => !SCOPE_USER_PROPERTIES.includes(USER_VAR.exec(u.name)![1]!));
      for (const u of unknown) {
        errors.push({ path: at(u.path), message: `a row scope cannot read '${u.name}'; it may read ${SCOPE_USER_PROPERTIES.map((p) => `$user.${p}`).join(', ')}` });
      }
      const formVars = vars(form);
      const problems = checkCondition(scope, formVars);
      if (problems.length === 0 && unknown.length === 0) {
        try {
          compileSql(scope, formVars);
        } catch (e) {
          problems.push(...(((e as { details?: ErrorDetail[] }).details ?? [{ path: '', message: String(e) }])));
        }
      }
      for (const p of problems) errors.push({ path: at(p.path), message: p.message });
    }
  });
  return errors;
}
