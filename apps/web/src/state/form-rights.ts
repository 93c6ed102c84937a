import { useMemo } from 'react';
import type { PermissionAction } from '@trellis/schema';
import { useAppPackageStore } from './app-package-store.js';

const NONE: ReadonlySet<PermissionAction> = new Set();

/**
 * The caller's actions on one form, from the rights the app's package was loaded with
 * (`GET /api/apps/:app/permissions`), for showing only the buttons they may use; empty until
 * known. The server checks every request regardless.
 *
 * @example const actions = useFormActions('crm', 'customer'); actions.has('export')
 */
export function useFormActions(app: string, form: string): ReadonlySet<PermissionAction> {
  const entry = useAppPackageStore((s) => s.packages[app]);
  return useMemo(() => {
    if (entry?.status !== 'ready') return NONE;
    return new Set(entry.rights.forms[form]?.actions ?? []);
  }, [entry, form]);
}
