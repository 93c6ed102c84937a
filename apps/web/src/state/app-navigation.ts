import { localize, type AppPackage, type FormDef, type NavItem } from '@trellis/schema';
import { inCallerMenu } from './caller-package.js';

/** A menu entry of an app, resolved against its forms. */
export type NavEntry =
  | { readonly kind: 'form'; readonly form: FormDef; readonly label: string; readonly icon?: string }
  | { readonly kind: 'group'; readonly label: string; readonly items: readonly NavEntry[] };

/**
 * The app's menu: its `navigation` when it has one (entries naming unknown forms dropped,
 * empty groups dropped, and forms the menu does not name appended at the end, so a form
 * added in the designer is never unreachable), otherwise every form in package order; forms
 * the caller may not view are left out (`inCallerMenu`).
 *
 * @example appNavigation(crm, 'en') // [{ kind: 'form', label: 'Customers', form: {...} }, ...]
 */
export function appNavigation(pkg: AppPackage, locale: string): NavEntry[] {
  const menuForms = pkg.forms.filter((f) => inCallerMenu(pkg, f.key));
  const forms = new Map(menuForms.map((f) => [f.key, f]));
  const resolve = (items: readonly NavItem[]): NavEntry[] =>
    items.flatMap((item): NavEntry[] => {
      if (item.kind === 'form') {
        const form = forms.get(item.form);
        if (!form) return [];
        const label = localize(item.label ?? form.name, locale);
        const icon = item.icon ?? form.icon;
        return [icon === undefined ? { kind: 'form', form, label } : { kind: 'form', form, label, icon }];
      }
      const inner = resolve(item.items);
      return inner.length === 0 ? [] : [{ kind: 'group', label: localize(item.label, locale), items: inner }];
    });
  const plain = (form: FormDef): NavEntry => (form.icon === undefined ? { kind: 'form', form, label: localize(form.name, locale) } : { kind: 'form', form, label: localize(form.name, locale), icon: form.icon });
  if (pkg.app.navigation && pkg.app.navigation.length > 0) {
    const menu = resolve(pkg.app.navigation);
    const named = new Set(navForms(menu).map((e) => e.form.key));
    return [...menu, ...menuForms.filter((f) => !named.has(f.key)).map(plain)];
  }
  return menuForms.map(plain);
}

/** Every form entry of a menu, groups flattened, in menu order. */
export function navForms(entries: readonly NavEntry[]): Extract<NavEntry, { kind: 'form' }>[] {
  return entries.flatMap((e) => (e.kind === 'form' ? [e] : navForms(e.items)));
}
