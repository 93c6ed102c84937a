import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppPackage } from '../api/api-types.js';
import { api } from '../api/api.js';
import type { ApiError } from '../api/api-client.js';
import { adminApi } from '../admin/admin-api.js';
import { forCaller, type CallerRights } from './caller-package.js';

/** Loading state of one app package. */
export type PackageEntry =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly pkg: AppPackage; readonly rights: CallerRights }
  | { readonly status: 'error'; readonly error: ApiError };

/** The package slice: app packages by app key, fetched once and shared by every page. */
export interface AppPackageState {
  readonly packages: Readonly<Record<string, PackageEntry>>;
  load(app: string, force?: boolean): Promise<void>;
}

/** Caches the app's package (`GET /api/apps/:app`) per app, shaped by the caller's rights (`forCaller`). */
export const useAppPackageStore = create<AppPackageState>()((set, get) => ({
  packages: {},
  async load(app, force = false) {
    const current = get().packages[app];
    if (current && !force && current.status !== 'error') return;
    set((s) => ({ packages: { ...s.packages, [app]: { status: 'loading' } } }));
    try {
      const [raw, rights] = await Promise.all([api.getPackage(app), adminApi.permissions(app)]);
      const pkg = forCaller(raw, rights);
      set((s) => ({ packages: { ...s.packages, [app]: { status: 'ready', pkg, rights } } }));
    } catch (error) {
      set((s) => ({ packages: { ...s.packages, [app]: { status: 'error', error: error as ApiError } } }));
    }
  },
}));

/**
 * The package of an app, loading it on first use.
 *
 * @example const entry = useAppPackage('crm'); if (entry.status === 'ready') entry.pkg.forms
 */
export function useAppPackage(app: string): PackageEntry & { reload(): void } {
  const entry = useAppPackageStore((s) => s.packages[app]);
  const load = useAppPackageStore((s) => s.load);
  useEffect(() => {
    void load(app);
  }, [app, load]);
  return { ...(entry ?? { status: 'loading' }), reload: () => void load(app, true) };
}
