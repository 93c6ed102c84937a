import type { AppPackage, FormDef } from '@trellis/schema';

const formOnly = new WeakSet<AppPackage>();

/**
 * The package `compileForm` hands to `checkField` when it checks one form on its own: it
 * holds only that form. Checks that need the other forms of the app (a relation's target,
 * a lookup's field) skip themselves on it — `validateApp` runs them on the whole package.
 *
 * @example
 * if (isFormOnlyPackage(pkg)) return []; // the target form is not known here
 */
export function formOnlyPackage(form: FormDef): AppPackage {
  const pkg: AppPackage = { schemaVersion: 1, app: { key: 'app', name: 'app' }, forms: [form] };
  formOnly.add(pkg);
  return pkg;
}

/** Whether `pkg` is a {@link formOnlyPackage} (the rest of the app is unknown). */
export function isFormOnlyPackage(pkg: AppPackage): boolean {
  return formOnly.has(pkg);
}
