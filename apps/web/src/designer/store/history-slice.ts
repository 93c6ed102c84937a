import type { StateCreator } from 'zustand';
import type { AppPackage } from '@trellis/schema';
import type { DesignerState } from './designer-store.js';

/** Most steps kept for undo. */
export const HISTORY_LIMIT = 100;

/** The history slice: every change of the draft goes through `apply`, so undo and redo see all of them. */
export interface HistorySlice {
  readonly past: readonly AppPackage[];
  readonly future: readonly AppPackage[];
  /** Replaces the draft with `change(draft)` as one undoable step. */
  apply(change: (pkg: AppPackage) => AppPackage): void;
  undo(): void;
  redo(): void;
}

/** Creates the history slice. */
export const createHistorySlice: StateCreator<DesignerState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  apply(change) {
    const current = get().draft;
    if (current === undefined) return;
    const next = change(current);
    if (next === current) return;
    set({ draft: next, past: [...get().past, current].slice(-HISTORY_LIMIT), future: [], dirty: true });
  },
  undo() {
    const { past, draft, future } = get();
    const previous = past[past.length - 1];
    if (previous === undefined || draft === undefined) return;
    set({ draft: previous, past: past.slice(0, -1), future: [draft, ...future], dirty: true });
  },
  redo() {
    const { past, draft, future } = get();
    const next = future[0];
    if (next === undefined || draft === undefined) return;
    set({ draft: next, past: [...past, draft], future: future.slice(1), dirty: true });
  },
});
