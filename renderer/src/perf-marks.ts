/**
 * Instrumentation for the bench (bench/browser/): User Timing marks, off unless the
 * `workbench.perfMarks` localStorage flag is '1' (the bench sets it; nothing else reads it).
 * No globals, no network: a mark is an entry in the page's own performance timeline.
 */
export const EDIT_SETTLED_MARK = 'workbench:edit-settled';

const enabled = (() => {
  try {
    return window.localStorage.getItem('workbench.perfMarks') === '1';
  } catch {
    return false;
  }
})();

/** Posted when the Target view's chart and checks summary show a new state of the scenario's targets. */
export function markEditSettled(): void {
  if (enabled) performance.mark(EDIT_SETTLED_MARK);
}
