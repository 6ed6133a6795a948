/**
 * The in-page probe both pages (the app and the bare grid) are timed with, installed as an init
 * script. It is page code passed as a string: this side is type-checked without DOM types.
 *
 * `__benchProbe.arm({ selector, text, mark })` before the Enter key press, then
 * `__benchProbe.result()` resolves with the timings of that one edit:
 *   t0       the Enter keydown's event timestamp (when the browser received the key),
 *   gridAt   when a MutationObserver first saw `selector`'s text equal `text` (the grid shows it),
 *   markAt   the startTime of the first new `mark` performance entry after arming (the app's
 *            "chart and checks show this write" mark; the bare page's cellValueChanged mark),
 *   end      after the paint of the first frame in which both hold (rAF, then a message: the task
 *            after the frame's rendering step).
 * Latency = end − t0. Nothing in it depends on how either page renders.
 */
export const PROBE_SCRIPT = String.raw`
(() => {
  let current = null;
  const probe = {
    arm(opts) {
      if (current) current.stop();
      const marksBefore = opts.mark ? performance.getEntriesByName(opts.mark).length : 0;
      const state = { t0: null, gridAt: null, markAt: null, end: null, stopped: false };
      let resolve, reject;
      const done = new Promise((res, rej) => { resolve = res; reject = rej; });
      const onKey = (e) => {
        if (e.key === 'Enter' && state.t0 === null) state.t0 = e.timeStamp;
      };
      const checkGrid = () => {
        if (state.gridAt !== null || state.t0 === null) return;
        const el = document.querySelector(opts.selector);
        if (el && el.textContent.trim() === opts.text) state.gridAt = performance.now();
      };
      const checkMark = () => {
        if (state.markAt !== null || state.t0 === null) return;
        if (!opts.mark) { state.markAt = state.gridAt; return; }
        const marks = performance.getEntriesByName(opts.mark);
        if (marks.length > marksBefore) state.markAt = marks[marksBefore].startTime;
      };
      const observer = new MutationObserver(checkGrid);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => {
        state.stop();
        const el = document.querySelector(opts.selector);
        reject(new Error('edit not settled within ' + opts.timeoutMs + ' ms: ' + JSON.stringify({ ...state, shown: el ? el.textContent : null, want: opts.text })));
      }, opts.timeoutMs);
      state.stop = () => {
        state.stopped = true;
        observer.disconnect();
        window.removeEventListener('keydown', onKey, true);
        clearTimeout(timer);
      };
      const frame = () => {
        if (state.stopped) return;
        checkGrid();
        checkMark();
        if (state.gridAt !== null && state.markAt !== null) {
          state.stop();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            state.end = performance.now();
            resolve({ t0: state.t0, gridAt: state.gridAt, markAt: state.markAt, end: state.end });
          };
          channel.port2.postMessage(0);
          return;
        }
        requestAnimationFrame(frame);
      };
      window.addEventListener('keydown', onKey, true);
      requestAnimationFrame(frame);
      current = { stop: () => state.stop(), done };
      done.catch(() => undefined);
    },
    result() {
      if (!current) return Promise.reject(new Error('probe not armed'));
      return current.done;
    },
    /** Resolves when the input matching \`selector\` holds \`text\` (the typed keys have been taken). */
    typed(opts) {
      return this.until(() => { const i = document.querySelector(opts.selector); return !!i && i.value === opts.text; }, opts.timeoutMs, 'typed ' + opts.text);
    },
    /** Resolves when a performance mark named \`name\` exists. */
    marked(name, timeoutMs) {
      return this.until(() => performance.getEntriesByName(name).length > 0, timeoutMs, 'mark ' + name);
    },
    until(predicate, timeoutMs, what) {
      const start = performance.now();
      return new Promise((res, rej) => {
        const tick = () => {
          if (predicate()) return res(null);
          if (performance.now() - start > timeoutMs) return rej(new Error('timed out waiting for ' + what));
          requestAnimationFrame(tick);
        };
        tick();
      });
    },
    /** Resolves when the page has had an idle period (or after timeoutMs): lets the previous edit's follow-up work finish. */
    idle(timeoutMs) {
      return new Promise((res) => requestIdleCallback(() => requestAnimationFrame(() => res(null)), { timeout: timeoutMs }));
    },
  };
  Object.defineProperty(window, '__benchProbe', { value: probe });
})();
`;

export interface EditTiming {
  t0: number;
  gridAt: number;
  markAt: number;
  end: number;
}
