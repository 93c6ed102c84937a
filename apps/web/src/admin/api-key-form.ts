import type { PermissionAction } from '@trellis/schema';
import type { ApiKey, NewApiKey } from './admin-api.js';

/** What the "new API key" form holds; empty lists mean "no limit". */
export interface ApiKeyForm {
  readonly name: string;
  readonly apps: readonly string[];
  readonly actions: readonly PermissionAction[];
  /** `YYYY-MM-DD` (the key works through that day, local time), or `''` for never. */
  readonly expires: string;
}

/**
 * The body of `POST /api/auth/api-keys` from the form: no apps / no actions chosen = `null`
 * (everything the owner may do), the expiry day as the instant it ends.
 *
 * @example apiKeyBody({ name: 'ERP', apps: ['crm'], actions: [], expires: '' }) // { name: 'ERP', apps: ['crm'], actions: null }
 */
export function apiKeyBody(form: ApiKeyForm): NewApiKey {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.expires);
  const expiresAt = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).toISOString() : undefined;
  return {
    name: form.name.trim(),
    apps: form.apps.length === 0 ? null : [...form.apps],
    actions: form.actions.length === 0 ? null : [...form.actions],
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/** The state of a key as the list shows it. */
export type ApiKeyState = 'active' | 'revoked' | 'expired';

/**
 * Whether a key still works: revoked wins over expired.
 *
 * @example apiKeyState({ revokedAt: null, expiresAt: '2000-01-01T00:00:00Z' } as ApiKey, new Date()) // 'expired'
 */
export function apiKeyState(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
