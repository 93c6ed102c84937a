import { describe, expect, it } from 'vitest';
import { apiKeyBody, apiKeyState } from './api-key-form.js';

describe('API key form', () => {
  it('sends null for "no limit" and leaves out a missing expiry', () => {
    expect(apiKeyBody({ name: ' ERP ', apps: [], actions: [], expires: '' })).toEqual({ name: 'ERP', apps: null, actions: null });
    expect(apiKeyBody({ name: 'x', apps: ['crm'], actions: ['view', 'export'], expires: '' })).toEqual({ name: 'x', apps: ['crm'], actions: ['view', 'export'] });
  });

  it('a key expiring on a day works through that whole day', () => {
    const body = apiKeyBody({ name: 'x', apps: [], actions: [], expires: '2026-06-30' });
    expect(new Date(body.expiresAt!).getTime()).toBe(new Date(2026, 6, 1).getTime());
  });

  it('tells active, revoked and expired keys apart', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(apiKeyState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiKeyState({ revokedAt: null, expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('expired');
    expect(apiKeyState({ revokedAt: '2026-05-02T00:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('revoked');
  });
});
