import { describe, expect, it } from 'vitest';
import { INITIAL_LIST_VIEW, currentCursor, goNext, goPrevious, nextSort, sortDirectionOf, withQuery } from './list-view-state.js';
import { listColumns, titleField } from './list-columns.js';
import type { FormDef } from '@trellis/schema';

describe('sorting by column header', () => {
  it('cycles ascending → descending → default order', () => {
    expect(nextSort('', 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('');
    expect(nextSort('-amount', 'name')).toBe('name');
  });

  it('tells the direction of the sorted column only', () => {
    expect(sortDirectionOf('-name', 'name')).toBe('desc');
    expect(sortDirectionOf('name', 'name')).toBe('asc');
    expect(sortDirectionOf('name', 'amount')).toBeUndefined();
  });
});

describe('keyset paging with a cursor stack', () => {
  it('goes forward with the next cursor and back by popping it', () => {
    const p2 = goNext(INITIAL_LIST_VIEW, 'c2');
    const p3 = goNext(p2, 'c3');
    expect(currentCursor(p3)).toBe('c3');
    expect(currentCursor(goPrevious(p3))).toBe('c2');
    expect(currentCursor(goPrevious(goPrevious(p3)))).toBeUndefined();
    expect(goPrevious(INITIAL_LIST_VIEW).cursors).toEqual([]);
  });

  it('returns to page 1 when the search, sort, filter or bin changes', () => {
    const p3 = goNext(goNext(INITIAL_LIST_VIEW, 'c2'), 'c3');
    expect(withQuery(p3, { q: 'acme' })).toEqual({ ...INITIAL_LIST_VIEW, q: 'acme' });
    expect(withQuery(p3, { deleted: true }).cursors).toEqual([]);
  });
});

describe('list columns', () => {
  const form: FormDef = {
    key: 'deal',
    name: 'Deal',
    titleField: 'title',
    fields: [
      { id: '1', key: 'amount', type: 'number', label: 'Amount' },
      { id: '2', key: 'title', type: 'text', label: 'Title' },
      { id: '3', key: 'stage', type: 'single_select', label: 'Stage' },
    ],
  };

  it('puts the title field first and keeps form order for the rest', () => {
    expect(listColumns(form).map((f) => f.key)).toEqual(['title', 'amount', 'stage']);
    expect(listColumns(form, 2).map((f) => f.key)).toEqual(['title', 'amount']);
  });

  it('gives layout elements (description text) no column', () => {
    const withIntro: FormDef = { ...form, fields: [{ id: '0', key: 'intro', type: 'description', label: 'Intro', options: { text: 'x' } }, ...form.fields] };
    expect(listColumns(withIntro).map((f) => f.key)).toEqual(['title', 'amount', 'stage']);
  });

  it('uses the first text field as title when none is declared', () => {
    expect(titleField({ ...form, titleField: undefined })?.key).toBe('title');
  });
});
