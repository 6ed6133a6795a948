/**
 * The Target view's layout choices, remembered per user (localStorage): whether the chart panel
 * is open and whether the realised years' columns are hidden.
 */
export const CHART_KEY = 'workbench.target.chart';
export const HIDE_REALISED_KEY = 'workbench.target.hideRealised';
/** Whether the Kelayakan panel is open (closed until the planner opens it). */
export const FEASIBILITY_KEY = 'workbench.target.feasibility';

/** Windows lower than this open with the chart closed, so the grid keeps a dozen rows in view. */
export const CHART_MIN_WINDOW_HEIGHT = 900;

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** '1' / '0' under `key`; kept for the session only when storage is unavailable. */
export function storeFlag(key: string, on: boolean): void {
  try {
    window.localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // Session-only when storage is unavailable.
  }
}

/** The planner's last choice; without one, open where the window is tall enough for chart and grid. */
export function chartShownAtStart(): boolean {
  const v = stored(CHART_KEY);
  if (v === '1' || v === '0') return v === '1';
  return window.innerHeight >= CHART_MIN_WINDOW_HEIGHT;
}
