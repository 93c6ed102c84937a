import { EMPTY_FILTER, type FilterState } from '@trellis/ui';

/**
 * What a list view shows: search text, sort, filter, live records or the recycle bin, and
 * the page as a stack of cursors (keyset paging has only "next" cursors, so "previous"
 * pops the stack). Pure data; the zustand slice in `list-view-store.ts` keeps one per form.
 */
export interface ListViewState {
  readonly q: string;
  /** `-field` for descending, `field` for ascending, `''` for the server's default order. */
  readonly sort: string;
  readonly filter: FilterState;
  readonly deleted: boolean;
  /** Cursors of the pages before the current one; the current page's cursor is the last. */
  readonly cursors: readonly string[];
}

/** A list view as first opened: default order, page 1. */
export const INITIAL_LIST_VIEW: ListViewState = { q: '', sort: '', filter: EMPTY_FILTER, deleted: false, cursors: [] };

/**
 * The next sort when a column header is clicked: ascending, then descending, then back to
 * the default order.
 *
 * @example nextSort('', 'name') // 'name'; nextSort('name', 'name') // '-name'; nextSort('-name', 'name') // ''
 */
export function nextSort(current: string, field: string): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return '';
  return field;
}

/** The direction a column is sorted in, if it is the sort column. */
export function sortDirectionOf(current: string, field: string): 'asc' | 'desc' | undefined {
  if (current === field) return 'asc';
  if (current === `-${field}`) return 'desc';
  return undefined;
}

/** The cursor of the current page (`undefined` on page 1). */
export function currentCursor(state: ListViewState): string | undefined {
  return state.cursors[state.cursors.length - 1];
}

/** Moves to the next page, remembering the cursor so "previous" can come back. */
export function goNext(state: ListViewState, nextCursor: string): ListViewState {
  return { ...state, cursors: [...state.cursors, nextCursor] };
}

/** Moves back one page (no-op on page 1). */
export function goPrevious(state: ListViewState): ListViewState {
  return { ...state, cursors: state.cursors.slice(0, -1) };
}

/**
 * Applies a change of what is listed (search, sort, filter, bin) and goes back to page 1,
 * because cursors of another query mean nothing.
 *
 * @example withQuery(state, { q: 'acme' })
 */
export function withQuery(state: ListViewState, change: Partial<Omit<ListViewState, 'cursors'>>): ListViewState {
  return { ...state, ...change, cursors: [] };
}
