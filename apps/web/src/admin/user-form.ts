import type { User, UserPatch } from './admin-api.js';

/**
 * The changes an edit form makes to a user, as the PATCH body: only what differs, with the
 * version the edit started from. An empty password means "keep it".
 *
 * @example userPatch(user, { ...formOf(user), displayName: 'New' }) // { version: user.version, displayName: 'New' }
 */
export function userPatch(user: User, form: UserForm): UserPatch {
  const email = form.email.trim() === '' ? null : form.email.trim();
  const locale = form.locale === '' ? null : form.locale;
  return {
    version: user.version,
    ...(form.displayName.trim() !== user.displayName ? { displayName: form.displayName.trim() } : {}),
    ...(email !== (user.email ?? null) ? { email } : {}),
    ...(locale !== (user.locale ?? null) ? { locale } : {}),
    ...(form.isAdmin !== user.isAdmin ? { isAdmin: form.isAdmin } : {}),
    ...(form.status !== user.status ? { status: form.status } : {}),
    ...(form.password !== '' ? { password: form.password } : {}),
  };
}

/** What the user edit form holds. */
export interface UserForm {
  readonly displayName: string;
  readonly email: string;
  readonly locale: string;
  readonly isAdmin: boolean;
  readonly status: 'active' | 'suspended';
  readonly password: string;
}

/**
 * The edit form's starting values for a user.
 *
 * @example formOf(user).password // ''
 */
export function formOf(user: User): UserForm {
  return { displayName: user.displayName, email: user.email ?? '', locale: user.locale ?? '', isAdmin: user.isAdmin, status: user.status, password: '' };
}
