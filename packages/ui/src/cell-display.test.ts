import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@trellis/schema';
import { formatCell, formatDate, formatDateTime, formatNumber } from './cell-display.js';

const field = (type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${type}`, key: type, type, label: type, ...(options ? { options } : {}) });

const status = field('single_select', {
  choices: [
    { value: 'won', label: { 'zh-CN': '赢单', en: 'Won' }, color: '#52c41a' },
    { value: 'lost', label: { 'zh-CN': '输单', en: 'Lost' } },
  ],
});

describe('formatCell', () => {
  it('shows a single select value as its localized label with the choice colour', () => {
    expect(formatCell(status, 'won', 'en')).toEqual({ kind: 'tags', tags: [{ value: 'won', label: 'Won', color: '#52c41a' }] });
    expect(formatCell(status, 'won', 'zh-CN')).toEqual({ kind: 'tags', tags: [{ value: 'won', label: '赢单', color: '#52c41a' }] });
  });

  it('shows a value that is no longer a choice as itself instead of hiding it', () => {
    expect(formatCell(status, 'archived', 'en')).toEqual({ kind: 'tags', tags: [{ value: 'archived', label: 'archived' }] });
  });

  it('shows every value of a multi select as a tag, in stored order', () => {
    const tags = field('multi_select', { choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B', color: '#f00000' }] });
    expect(formatCell(tags, ['b', 'a'], 'en')).toEqual({
      kind: 'tags',
      tags: [{ value: 'b', label: 'B', color: '#f00000' }, { value: 'a', label: 'A' }],
    });
  });

  it('treats null, undefined, empty strings and empty lists as empty', () => {
    for (const value of [null, undefined, '', []]) expect(formatCell(field('multi_select'), value, 'en')).toEqual({ kind: 'empty' });
  });

  it('shows booleans as yes or no in the viewer language', () => {
    expect(formatCell(field('boolean'), true, 'en')).toEqual({ kind: 'boolean', value: true, text: 'Yes' });
    expect(formatCell(field('boolean'), false, 'zh-CN')).toEqual({ kind: 'boolean', value: false, text: '否' });
  });

  it('right-aligns numbers and applies precision and unit', () => {
    expect(formatCell(field('number', { precision: 2, unit: '元' }), 1200.5, 'zh-CN')).toEqual({ kind: 'text', text: '1,200.50 元', align: 'end' });
  });

  it('collapses the line breaks of long text into one line', () => {
    expect(formatCell(field('long_text'), 'line one\n\nline two', 'en')).toEqual({ kind: 'text', text: 'line one line two' });
  });

  it('shows values of unknown types as JSON rather than [object Object]', () => {
    expect(formatCell(field('location'), { lat: 1, lng: 2 }, 'en')).toEqual({ kind: 'text', text: '{"lat":1,"lng":2}' });
  });
});

describe('date and number formatting', () => {
  it('formats a calendar date without shifting it through a time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
  });

  it('leaves a malformed date as it is', () => {
    expect(formatDate('next week', 'en')).toBe('next week');
  });

  it('formats an instant in the requested time zone', () => {
    expect(formatDateTime('2026-11-22T06:40:00.000Z', 'en', 'UTC')).toBe('Nov 22, 2026, 6:40 AM');
    expect(formatDateTime('2026-11-22T06:40:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月22日 14:40');
  });

  it('keeps up to ten decimals when the field sets no precision', () => {
    expect(formatNumber(3.14159, undefined, 'en')).toBe('3.14159');
    expect(formatNumber(1234567, {}, 'en')).toBe('1,234,567');
  });
});
