import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { loginErrorText } from './login-errors.js';

describe('loginErrorText', () => {
  it('says why a login failed, in the UI language', () => {
    expect(loginErrorText(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'm'), 'en')).toBe('The username or password is wrong.');
    expect(loginErrorText(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'm'), 'zh-CN')).toBe('用户名或密码错误。');
    expect(loginErrorText(new ApiError(429, 'AUTH_RATE_LIMITED', 'm', [], 42), 'en')).toContain('Wait 42 seconds');
    expect(loginErrorText(new ApiError(423, 'AUTH_LOCKED', 'm', [], 850), 'zh-CN')).toContain('15 分钟');
    expect(loginErrorText(new ApiError(0, 'NETWORK', 'offline'), 'en')).toBe('offline');
  });
});
