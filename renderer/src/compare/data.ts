/**
 * Data the review views (Bandingkan, Pemeriksaan) share: the scenario under review, remembered
 * per workbook file, and loads from the services that are redone when anything may have changed.
 *
 * When they reload: on mount (switching to a view remounts it), whenever the workbook summary
 * changes (useWorkbench.reload runs after every write the app makes, so Target edits reach here),
 * when the key changes (another scenario), after the view's own edits (`refresh()`), and when the
 * window gets focus or becomes visible again (another window or tool may have written the file).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { Scenario, WorkbookSummary } from '../../../shared/domain.js';

const STORAGE_PREFIX = 'workbench.reviewScenario:';

function readStored(path: string): number | null {
  try {
    const v = Number(window.localStorage.getItem(STORAGE_PREFIX + path));
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function store(path: string, id: number): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + path, String(id));
  } catch {
    // Storage may be unavailable; the choice then lasts for this session.
  }
}

/** The default scenario to review: the usulan, else the first. */
export function defaultScenario(scenarios: readonly Scenario[]): Scenario | null {
  return scenarios.find((s) => s.status === 'usulan') ?? scenarios[0] ?? null;
}

/** The scenario under review: the one picked here (while it exists), else the usulan, else the first. */
export function useReviewScenario(summary: WorkbookSummary): { selected: Scenario | null; select(id: number): void } {
  const { path, scenarios } = summary;
  const [chosen, setChosen] = useState<{ path: string; id: number | null }>(() => ({ path, id: readStored(path) }));
  const id = chosen.path === path ? chosen.id : readStored(path);
  const selected = useMemo(() => scenarios.find((s) => s.id === id) ?? defaultScenario(scenarios), [scenarios, id]);
  const select = useCallback(
    (next: number) => {
      store(path, next);
      setChosen({ path, id: next });
    },
    [path],
  );
  return { selected, select };
}

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

/**
 * Runs `load` whenever `key` changes, the window refreshes, or refresh() is called; answers of an
 * older run never overwrite a newer one. A null key loads nothing (data null).
 */
export function useLoad<T>(key: string | null, load: () => Promise<Result<T>>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(false);
  const [manual, setManual] = useState(0);
  const windowTick = useWindowRefresh();
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const gen = ++generation.current;
    if (key === null) {
      setData(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    void loadRef.current().then((result) => {
      if (gen !== generation.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result);
    });
  }, [key, manual, windowTick]);

  return {
    data,
    error,
    loading,
    refresh: useCallback(() => setManual((n) => n + 1), []),
    set: useCallback((value: T) => {
      generation.current++;
      setData(value);
      setLoading(false);
    }, []),
    dismissError: useCallback(() => setError(null), []),
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
