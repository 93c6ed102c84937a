import { create } from 'zustand';

/** A short confirmation shown at the bottom of the screen ("Record created."). */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** The notice slice: the visible notices and the action that shows one for a few seconds. */
export interface NoticeState {
  readonly notices: readonly Notice[];
  show(text: string): void;
}

let nextId = 1;

/** Transient notices (toasts). */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  show(text) {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices, { id, text }] }));
    setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), 4000);
  },
}));
