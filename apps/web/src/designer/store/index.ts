export { createDesignerStore, useDesignerStore, type DesignerState } from './designer-store.js';
export { HISTORY_LIMIT, MERGE_WINDOW_MS, type HistorySlice } from './history-slice.js';
export type { DraftSlice } from './draft-slice.js';
export type { SelectionSlice } from './selection-slice.js';
