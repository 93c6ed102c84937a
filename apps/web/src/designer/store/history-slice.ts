import type { StateCreator } from 'zustand';
import type { AppPackage } from '@trellis/schema';
import type { DesignerState } from './designer-store.js';

/** Most steps kept for undo. */
export const HISTORY_LIMIT = 100;

/** Changes with the same merge key closer together than this form one undo step (typing a label). */
export const MERGE_WINDOW_MS = 1000;

/** The history slice: every change of the draft goes through `apply`, so undo and redo see all of them. */
export interface HistorySlice {
  readonly past: readonly AppPackage[];
  readonly future: readonly AppPackage[];
  /** The merge key and time of the last change, for coalescing. */
  readonly lastChange: { readonly key: string; readonly at: number } | undefined;
  /**
   * Replaces the draft with `change(draft)` as one undoable step. With `mergeKey`, a change
   * following one of the same key within {@link MERGE_WINDOW_MS} joins its step, so typing a
   * label is undone at once rather than letter by letter.
   */
  apply(change: (pkg: AppPackage) => AppPackage, mergeKey?: string, now?: number): void;
  undo(): void;
  redo(): void;
}

/** Creates the history slice. */
export const createHistorySlice: StateCreator<DesignerState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastChange: undefined,
  apply(change, mergeKey, now = Date.now()) {
    const { draft: current, lastChange, past } = get();
    if (current === undefined) return;
    const next = change(current);
    if (next === current) return;
    const merge = mergeKey !== undefined && lastChange?.key === mergeKey && now - lastChange.at < MERGE_WINDOW_MS && past.length > 0;
    set({
      draft: next,
      past: merge ? past : [...past, current].slice(-HISTORY_LIMIT),
      future: [],
      dirty: true,
      lastChange: mergeKey === undefined ? undefined : { key: mergeKey, at: now },
    });
  },
  undo() {
    const { past, draft, future } = get();
    const previous = past[past.length - 1];
    if (previous === undefined || draft === undefined) return;
    set({ draft: previous, past: past.slice(0, -1), future: [draft, ...future], dirty: true, lastChange: undefined });
  },
  redo() {
    const { past, draft, future } = get();
    const next = future[0];
    if (next === undefined || draft === undefined) return;
    set({ draft: next, past: [...past, draft], future: future.slice(1), dirty: true, lastChange: undefined });
  },
});
