/**
 * In-page instrumentation of benchmark `form-render`, shared by both pages.
 *
 * - First render: from just before `root.render` (inside `flushSync`) to the first frame
 *   after it: `requestAnimationFrame` then a following macrotask (a MessageChannel message),
 *   which runs after that frame has been produced.
 * - Keystroke to paint: from the `keydown` event's own `timeStamp` (when the browser created
 *   the event, so time the event waited in the queue counts) to the same "next frame"
 *   point, scheduled from a window-level `input` listener that runs after the framework has
 *   handled the input and updated the DOM. `keystroke to DOM` stops at that listener.
 * - The browser's Event Timing API is observed too (entries of 16 ms or more, the API's
 *   floor, rounded to 8 ms), as an independent check of long keystrokes.
 */
export interface KeySample {
  readonly key: string;
  /** keydown timeStamp → after the DOM update (window `input` listener). */
  readonly toDom: number;
  /** keydown timeStamp → the macrotask after the next animation frame. */
  readonly toPaint: number;
}

export interface BenchWindow {
  variant: string;
  firstRender?: { renderToPaint: number; renderToCommit: number; navigationToPaint: number };
  samples: KeySample[];
  eventTimings: { name: string; duration: number }[];
  /** Rendered fields (visible ones). */
  fieldCount(): number;
  /** Resolves with the sample of the keystroke under way (or the next one). */
  next(): Promise<KeySample>;
}

declare global {
  interface Window {
    __bench: BenchWindow;
  }
}

function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    });
  });
}

/** Renders the page (synchronously, in `flushSync`) and installs the keystroke probes. */
export function startBench(variant: string, fieldSelector: string, render: () => void): void {
  const waiting: ((s: KeySample) => void)[] = [];
  const bench: BenchWindow = {
    variant,
    samples: [],
    eventTimings: [],
    next: () => new Promise((resolve) => waiting.push(resolve)),
    fieldCount: () => document.querySelectorAll(fieldSelector).length,
  };
  window.__bench = bench;

  let pending: { key: string; t0: number; tDom?: number } | undefined;
  window.addEventListener(
    'keydown',
    (e) => {
      pending = { key: e.key, t0: e.timeStamp };
    },
    true,
  );
  window.addEventListener('input', () => {
    const p = pending;
    if (p === undefined || p.tDom !== undefined) return;
    p.tDom = performance.now();
    void afterNextFrame().then((tPaint) => {
      const sample = { key: p.key, toDom: p.tDom! - p.t0, toPaint: tPaint - p.t0 };
      bench.samples.push(sample);
      pending = undefined;
      waiting.splice(0).forEach((w) => w(sample));
    });
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.eventTimings.push({ name: e.name, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    // Event Timing is a cross-check only
  }

  const t0 = performance.now();
  render();
  const tCommit = performance.now();
  void afterNextFrame().then((tPaint) => {
    bench.firstRender = { renderToPaint: tPaint - t0, renderToCommit: tCommit - t0, navigationToPaint: tPaint };
  });
}
