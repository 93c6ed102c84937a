import { useEffect, useState } from 'react';
import type { PermissionAction } from '@trellis/schema';
import { adminApi } from '../admin/admin-api.js';

/**
 * The caller's actions on one form (`GET /api/apps/:app/permissions`), for showing only the
 * buttons they may use; empty until known. The server checks every request regardless.
 *
 * @example const actions = useFormActions('crm', 'customer'); actions.has('export')
 */
export function useFormActions(app: string, form: string): ReadonlySet<PermissionAction> {
  const [actions, setActions] = useState<ReadonlySet<PermissionAction>>(new Set());
  useEffect(() => {
    let live = true;
    adminApi.permissions(app).then(
      (p) => live && setActions(new Set(p.forms[form]?.actions ?? [])),
      () => live && setActions(new Set()),
    );
    return () => {
      live = false;
    };
  }, [app, form]);
  return actions;
}
