/**
 * Data the review views (Bandingkan, Pemeriksaan) share: loads from the services that are redone
 * when anything may have changed. (The scenario under review is the app's current scenario:
 * current-scenario.tsx.)
 *
 * When they reload: on mount (switching to a view remounts it), whenever the workbook summary
 * changes (useWorkbench.reload runs after every write the app makes, so Target edits reach here),
 * when the key changes (another scenario), after the view's own edits (`refresh()`), and when the
 * window gets focus or becomes visible again (another window or tool may have written the file).
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { WorkbookSummary } from '../../../shared/domain.js';

/** A counter that moves when the window regains focus or visibility. */
export function useWindowRefresh(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    };
    window.addEventListener('focus', bump);
    document.addEventListener('visibilitychange', bump);
    return () => {
      window.removeEventListener('focus', bump);
      document.removeEventListener('visibilitychange', bump);
    };
  }, []);
  return tick;
}

export interface Loaded<T> {
  data: T | null;
  error: Failure | null;
  loading: boolean;
  /** Loads again now. */
  refresh(): void;
  /** Replaces the data with a write's answer (the services answer writes with the new state). */
  set(value: T): void;
  dismissError(): void;
}

/** One load: the key and the refresh counters it was asked for. */
interface LoadRequest {
  key: string | null;
  manual: number;
  windowTick: number;
}

interface LoadState<T> {
  request: LoadRequest;
  data: T | null;
  error: Failure | null;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes, the window refreshes, or refresh() is called; answers of an
 * older run never overwrite a newer one. A null key loads nothing (data null).
 */
export function useLoad<T>(key: string | null, load: () => Promise<Result<T>>): Loaded<T> {
  const [manual, setManual] = useState(0);
  const windowTick = useWindowRefresh();
  const [state, setState] = useState<LoadState<T>>(() => ({ request: { key, manual, windowTick }, data: null, error: null, loading: key !== null }));
  // A write's answer (set) supersedes the loads already under way.
  const generation = useRef(0);
  const runLoad = useEffectEvent(load);

  // A new request shows as loading (or, for a null key, as empty) in the render that asks for it.
  const shown = state.request;
  if (shown.key !== key || shown.manual !== manual || shown.windowTick !== windowTick) {
    setState({ request: { key, manual, windowTick }, data: key === null ? null : state.data, error: state.error, loading: key !== null });
  }

  useEffect(() => {
    const gen = ++generation.current;
    if (key === null) return;
    const asked = { key, manual, windowTick };
    void runLoad().then((result) => {
      if (gen !== generation.current) return;
      setState((s) => {
        const r = s.request;
        if (r.key !== asked.key || r.manual !== asked.manual || r.windowTick !== asked.windowTick) return s; // a newer request
        return result.ok ? { ...s, data: result.value, error: null, loading: false } : { ...s, error: result, loading: false };
      });
    });
  }, [key, manual, windowTick]);

  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    refresh: useCallback(() => setManual((n) => n + 1), []),
    set: useCallback((value: T) => {
      generation.current++;
      setState((s) => ({ ...s, data: value, loading: false }));
    }, []),
    dismissError: useCallback(() => setState((s) => ({ ...s, error: null })), []),
  };
}

const summaryVersions = new WeakMap<WorkbookSummary, number>();
let nextSummaryVersion = 1;

/**
 * A number that changes whenever the workbook summary is reloaded (useWorkbench makes a new
 * summary object after every write the app makes): put it in a useLoad key.
 */
export function summaryVersion(summary: WorkbookSummary): number {
  let v = summaryVersions.get(summary);
  if (v === undefined) summaryVersions.set(summary, (v = nextSummaryVersion++));
  return v;
}
