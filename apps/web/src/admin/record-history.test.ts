import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { actorName, diffEntry, recordTimeline, valueText } from './record-history.js';

const form = {
  key: 'customer',
  name: { 'zh-CN': '客户', en: 'Customer' },
  fields: [
    { id: 'f1', key: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
    { id: 'f2', key: 'status', type: 'single_select', label: { en: 'Status' }, options: { choices: [{ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }, { value: 'lost', label: { en: 'Lost' } }] } },
    { id: 'f3', key: 'vip', type: 'boolean', label: { en: 'VIP' } },
    { id: 'f4', key: 'note', type: 'long_text', label: { en: 'Note' } },
  ],
} as unknown as FormDef;

describe('record history', () => {
  it('lists the changed fields in form order with labels and text values', () => {
    const changes = diffEntry(form, { before: { data: { name: 'Acme', status: 'lost', vip: false } }, after: { data: { name: 'Acme', status: 'won', vip: true } } }, 'en');
    expect(changes).toEqual([
      { key: 'status', label: 'Status', before: 'Lost', after: 'Won' },
      { key: 'vip', label: 'VIP', before: 'No', after: 'Yes' },
    ]);
  });

  it('a create lists the values it set; empty values count as no value', () => {
    const changes = diffEntry(form, { before: null, after: { data: { name: 'Acme', note: '', vip: null }, ownerId: 'u1' } }, 'zh-CN');
    expect(changes).toEqual([{ key: 'name', label: '名称', before: '', after: 'Acme' }]);
  });

  it('keeps values as text, never markup', () => {
    const changes = diffEntry(form, { before: { data: {} }, after: { data: { name: '<img src=x onerror=alert(1)>' } } }, 'en');
    expect(changes[0]!.after).toBe('<img src=x onerror=alert(1)>');
  });

  it('shows keys the form no longer has, and owner changes, with the labels given', () => {
    const changes = diffEntry(form, { before: { data: { old: 1 }, ownerId: 'u1' }, after: { data: { old: 2 }, ownerId: 'u2' } }, 'en', { ownerId: 'Owner' });
    expect(changes).toEqual([
      { key: 'old', label: 'old', before: '1', after: '2' },
      { key: 'ownerId', label: 'Owner', before: 'u1', after: 'u2' },
    ]);
  });

  it('builds one timeline item per entry', () => {
    const items = recordTimeline(form, [
      { id: 2, at: '2026-01-02T00:00:00Z', actor: 'u1', action: 'delete', before: { data: { name: 'A' } }, after: { data: { name: 'A' } } },
      { id: 1, at: '2026-01-01T00:00:00Z', actor: null, action: 'create', before: null, after: { data: { name: 'A' } } },
    ], 'en');
    expect(items.map((i) => [i.id, i.action, i.changes.length])).toEqual([[2, 'delete', 0], [1, 'create', 1]]);
  });

  it('renders values by field type and objects as JSON', () => {
    expect(valueText(form.fields[1], ['won'], 'en')).toBe('Won');
    expect(valueText(undefined, { a: 1 }, 'en')).toBe('{"a":1}');
    expect(valueText(form.fields[0], undefined, 'en')).toBe('');
  });

  it('names the actor by display name when known', () => {
    const names = new Map([['u1', 'Li Lei']]);
    expect(actorName('u1', names, 'System')).toBe('Li Lei');
    expect(actorName('cli', names, 'System')).toBe('cli');
    expect(actorName(null, names, 'System')).toBe('System');
  });
});
