import type { StateCreator } from 'zustand';
import type { DesignerState } from './designer-store.js';

/** The selection slice: the field whose properties are shown, and the preview width. */
export interface SelectionSlice {
  /** Key of the selected field in the current form. */
  readonly selected: string | undefined;
  readonly previewWidth: 'desktop' | 'phone';
  select(key: string | undefined): void;
  setPreviewWidth(width: 'desktop' | 'phone'): void;
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<DesignerState, [], [], SelectionSlice> = (set) => ({
  selected: undefined,
  previewWidth: 'desktop',
  select(key) {
    set({ selected: key });
  },
  setPreviewWidth(width) {
    set({ previewWidth: width });
  },
});
