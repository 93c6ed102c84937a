import { describe, expect, it } from 'vitest';
import type { User } from './admin-api.js';
import { formOf, userPatch } from './user-form.js';

const user: User = { id: 'u1', username: 'li', displayName: 'Li Lei', email: null, isAdmin: false, status: 'active', locale: null, deptIds: [], primaryDeptId: null, createdAt: '2026-01-01T00:00:00Z', version: 3 };

describe('user edit form', () => {
  it('sends only what changed, with the version the edit started from', () => {
    expect(userPatch(user, formOf(user))).toEqual({ version: 3 });
    expect(userPatch(user, { ...formOf(user), displayName: ' Li Lei 2 ', status: 'suspended' })).toEqual({ version: 3, displayName: 'Li Lei 2', status: 'suspended' });
  });

  it('an empty email or locale clears it; an empty password keeps it', () => {
    const withEmail = { ...user, email: 'a@b.c', locale: 'en' };
    expect(userPatch(withEmail, { ...formOf(withEmail), email: '', locale: '' })).toEqual({ version: 3, email: null, locale: null });
    expect(userPatch(user, { ...formOf(user), password: 'secret-123' })).toEqual({ version: 3, password: 'secret-123' });
  });
});
