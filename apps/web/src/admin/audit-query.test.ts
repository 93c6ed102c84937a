import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTERS, auditExportUrl, auditQuery } from './audit-query.js';

describe('audit query', () => {
  it('leaves empty filters out and pages with beforeId', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTERS)).toBe('');
    expect(auditQuery({ ...EMPTY_AUDIT_FILTERS, app: ' crm ', action: 'update' }, { beforeId: 120, limit: 50 })).toBe('app=crm&action=update&beforeId=120&limit=50');
  });

  it('turns the day range into instants that include the whole last day', () => {
    const q = new URLSearchParams(auditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-03-01', to: '2026-03-31' }));
    expect(new Date(q.get('from')!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(q.get('to')!).getTime()).toBe(new Date(2026, 3, 1).getTime());
    expect(auditQuery({ ...EMPTY_AUDIT_FILTERS, from: 'yesterday' })).toBe('');
  });

  it('exports with the same filters and no paging', () => {
    expect(auditExportUrl(EMPTY_AUDIT_FILTERS)).toBe('/api/audit/export');
    expect(auditExportUrl({ ...EMPTY_AUDIT_FILTERS, actor: 'u 1' })).toBe('/api/audit/export?actor=u+1');
  });
});
