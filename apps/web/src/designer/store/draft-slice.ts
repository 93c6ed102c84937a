import type { StateCreator } from 'zustand';
import type { AppPackage } from '@trellis/schema';
import type { DesignerState } from './designer-store.js';

/** The draft slice: which app is designed, its draft package and the saved revision. */
export interface DraftSlice {
  readonly app: string | undefined;
  readonly draft: AppPackage | undefined;
  /** Revision of the saved draft the editor started from (0: none saved yet). */
  readonly revision: number;
  /** True when the draft differs from what was last loaded or saved. */
  readonly dirty: boolean;
  /** Starts editing `pkg` (loaded or new), clearing history and selection. */
  load(app: string, pkg: AppPackage, revision: number, dirty?: boolean): void;
  /** Records a successful save. */
  saved(revision: number): void;
}

/** Creates the draft slice. */
export const createDraftSlice: StateCreator<DesignerState, [], [], DraftSlice> = (set) => ({
  app: undefined,
  draft: undefined,
  revision: 0,
  dirty: false,
  load(app, pkg, revision, dirty = false) {
    set({ app, draft: pkg, revision, dirty, past: [], future: [], lastChange: undefined, selected: undefined });
  },
  saved(revision) {
    set({ revision, dirty: false });
  },
});
