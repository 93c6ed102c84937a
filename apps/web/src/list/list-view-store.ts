import { create } from 'zustand';
import { INITIAL_LIST_VIEW, type ListViewState } from './list-view-state.js';

/** The list-view slice: one `ListViewState` per `app/form`, so returning from a record keeps the search, sort and page. */
export interface ListViewStore {
  readonly views: Readonly<Record<string, ListViewState>>;
  update(viewKey: string, change: (state: ListViewState) => ListViewState): void;
}

/** List views by `app/form`. */
export const useListViewStore = create<ListViewStore>()((set) => ({
  views: {},
  update(viewKey, change) {
    set((s) => ({ views: { ...s.views, [viewKey]: change(s.views[viewKey] ?? INITIAL_LIST_VIEW) } }));
  },
}));
