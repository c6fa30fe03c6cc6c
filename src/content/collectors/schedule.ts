/**
 * Main-thread etiquette for the collectors: work runs in idle periods, in small bounded steps, and
 * yields whenever the browser's idle deadline runs low, so a page's own frames and input always win.
 *
 * Callbacks, not async/await: every step runs inside one of this script's own callbacks (an idle
 * callback, a timer, an event handler). Work resumed from a promise runs in a microtask checkpoint
 * after the callback that resolved it, where browser tracing no longer attributes it to the script —
 * and honest measurement of main-thread cost (scripts/bench/page-load.mjs) needs that attribution.
 */

/** What an idle callback is told; `setTimeout` fallbacks get a fixed small slice. */
export interface Deadline {
  timeRemaining(): number;
}

/** Time left below which a further step is deferred to the next idle period (ms). */
const MIN_SLICE_MS = 2;
/** Without requestIdleCallback (Safari, tests), pretend every slice is this long. */
const FALLBACK_SLICE_MS = 8;

type IdleScheduler = (callback: (deadline: Deadline) => void, options?: { timeout: number }) => void;

/** Captured once: a page replacing `window.requestIdleCallback` later does not change ours. */
const idleScheduler: IdleScheduler | undefined =
  typeof requestIdleCallback === 'function' ? requestIdleCallback.bind(globalThis) : undefined;

/** Run `callback` in the next idle period (at most `timeoutMs` later, even if the page never idles). */
export function whenIdle(callback: (deadline: Deadline) => void, timeoutMs = 1000): void {
  if (idleScheduler) {
    idleScheduler(callback, { timeout: timeoutMs });
    return;
  }
  setTimeout(() => {
    const start = Date.now();
    callback({ timeRemaining: () => Math.max(0, FALLBACK_SLICE_MS - (Date.now() - start)) });
  }, 0);
}

/**
 * Runs `steps` in order across as many idle periods as they need, then `done` (inside the same idle
 * callback as the last step). Each step must itself be bounded (a collector with its own limits);
 * this only decides when each one starts. Every idle callback runs at least one step, so a page that
 * never idles still gets through the list (one step per timeout). Pass `current` when already in an
 * idle period, to start at once.
 */
export function runWhenIdle(steps: readonly (() => void)[], done?: () => void, current?: Deadline, timeoutMs = 1000): void {
  let next = 0;
  const work = (deadline: Deadline) => {
    let ranOne = false;
    while (next < steps.length) {
      if (ranOne && deadline.timeRemaining() < MIN_SLICE_MS) {
        whenIdle(work, timeoutMs);
        return;
      }
      const step = steps[next++]!;
      try {
        step();
      } catch {
        // A collector met something unexpected on a hostile page: skip it, keep the others.
      }
      ranOne = true;
    }
    done?.();
  };
  if (current) work(current);
  else whenIdle(work, timeoutMs);
}
