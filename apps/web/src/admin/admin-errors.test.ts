import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { inputErrors, isStale } from './admin-errors.js';
import { adminText } from './admin-messages.js';

describe('admin errors', () => {
  it('tells a stale version from other conflicts', () => {
    expect(isStale(new ApiError(409, 'USER_VERSION_CONFLICT', 'm'))).toBe(true);
    expect(isStale(new ApiError(409, 'ROLE_VERSION_CONFLICT', 'm'))).toBe(true);
    expect(isStale(new ApiError(409, 'DEPARTMENT_NOT_EMPTY', 'm'))).toBe(false);
    expect(isStale(new ApiError(409, 'USERNAME_TAKEN', 'm'))).toBe(false);
    expect(isStale(new Error('x'))).toBe(false);
  });

  it('puts details under the inputs their path names', () => {
    const e = new ApiError(400, 'VALIDATION', 'bad', [
      { path: '/username', message: 'taken' },
      { path: 'name.en', message: 'required' },
      { path: '/forms/customer/scope', message: 'unknown field' },
    ]);
    expect(inputErrors(e, ['username', 'name.en', 'name'])).toEqual({ username: ['taken'], 'name.en': ['required'], '': ['unknown field'] });
  });

  it('an error without details is a general message', () => {
    expect(inputErrors(new ApiError(403, 'PERMISSION_DENIED', 'no'), ['x'])).toEqual({ '': ['no'] });
  });
});

describe('admin messages', () => {
  it('fills placeholders in both languages', () => {
    expect(adminText('en', 'members', { count: 3 })).toBe('3 members');
    expect(adminText('zh-CN', 'members', { count: 3 })).toBe('3 名成员');
    expect(adminText('en', 'scopeCustomHint')).toContain('{"var": "$user.id"}');
  });
});
