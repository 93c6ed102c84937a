import { create } from 'zustand';
import { createDraftSlice, type DraftSlice } from './draft-slice.js';
import { createHistorySlice, type HistorySlice } from './history-slice.js';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.js';

/** The form designer's state: the draft, its undo/redo history, the selection. */
export type DesignerState = DraftSlice & HistorySlice & SelectionSlice;

/**
 * Creates a designer store (one per designer page; tests make their own).
 *
 * @example
 * const store = createDesignerStore();
 * store.getState().load('crm', pkg, 3);
 * store.getState().apply((p) => addField(p, 'customer', field, { section: 0 }));
 * store.getState().undo();
 */
export function createDesignerStore() {
  return create<DesignerState>()((...a) => ({ ...createDraftSlice(...a), ...createHistorySlice(...a), ...createSelectionSlice(...a) }));
}

/** The designer store of the web app. */
export const useDesignerStore = createDesignerStore();
