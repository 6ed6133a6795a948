/** Loads what the shell shows from the services and wraps the few actions it offers. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api/client.js';
import type { Failure, Result } from '../../shared/api/result.js';
import type { AppInfo, IndicatorValue, RecentFile, WorkbookSummary } from '../../shared/domain.js';

export interface WorkbenchState {
  info: AppInfo | null;
  /** undefined while loading the first time, null when no workbook is open. */
  summary: WorkbookSummary | null | undefined;
  values: IndicatorValue[];
  recent: RecentFile[];
  busy: boolean;
  error: Failure | null;
  /** The file a 'locked' or read-only-folder refusal was about, so the error can offer to open it read-only. */
  lockedPath: string | null;
}

export interface WorkbenchActions {
  reload(): Promise<void>;
  openDemo(): Promise<void>;
  openPath(path: string, readOnly?: boolean): Promise<void>;
  /**
   * Opens or creates the workbook at a typed path (the browser host's empty state), then reloads;
   * answers the refusal (null when done) for the caller to say beside its field.
   */
  openOrCreate(kind: 'open' | 'create', path: string, readOnly?: boolean): Promise<Failure | null>;
  /** Shows a failure from a call made elsewhere (the location notice's save back). */
  report(failure: Failure): void;
  close(): Promise<void>;
  dismissError(): void;
}

export function useWorkbench(api: ApiClient): WorkbenchState & WorkbenchActions {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [summary, setSummary] = useState<WorkbookSummary | null | undefined>(undefined);
  const [values, setValues] = useState<IndicatorValue[]>([]);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  // Busy from the start: the first load begins as the shell mounts.
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<Failure | null>(null);
  const [lockedPath, setLockedPath] = useState<string | null>(null);
  // Answers to an older load must not overwrite a newer one.
  const generation = useRef(0);

  /** Unwraps a result, reporting a failure in the alert region; undefined on failure. */
  const take = useCallback(<T,>(result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    setError(result);
    return undefined;
  }, []);

  /** Loads everything as load number `gen` (busy is already shown); a newer load supersedes it. */
  const load = useCallback(async (gen: number) => {
    try {
      const [infoResult, currentResult] = await Promise.all([api.call('app.info'), api.call('workbook.current')]);
      if (gen !== generation.current) return;
      const appInfo = take(infoResult);
      if (appInfo) setInfo(appInfo);
      const current = take(currentResult);
      if (current === undefined) return;
      if (current === null) {
        const recentResult = await api.call('recent.list');
        if (gen !== generation.current) return;
        setRecent(take(recentResult) ?? []);
        setValues([]);
        setSummary(null);
        return;
      }
      const valuesResult = await api.call('workbook.values', {});
      if (gen !== generation.current) return;
      setValues(take(valuesResult) ?? []);
      setSummary(current);
    } finally {
      if (gen === generation.current) setBusy(false);
    }
  }, [api, take]);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setBusy(true);
    await load(gen);
  }, [load]);

  /** Runs a call that changes the open workbook, then reloads everything from the services. */
  const change = useCallback(
    async (run: () => Promise<Result<unknown>>) => {
      setBusy(true);
      const result = await run();
      if (result.ok) setError(null);
      else setError(result);
      await reload();
    },
    [reload],
  );

  useEffect(() => {
    void load(++generation.current);
  }, [load]);

  return {
    info,
    summary,
    values,
    recent,
    busy,
    error,
    lockedPath,
    reload,
    openDemo: () => change(() => api.call('workbook.openDemo')),
    openPath: async (path: string, readOnly = false) => {
      setLockedPath(null);
      let refusedAsLocked = false;
      await change(async () => {
        const r = await api.call('workbook.open', readOnly ? { path, readOnly } : { path });
        // Locked by another writer, or in a folder this user cannot write: both can still be read.
        refusedAsLocked = !r.ok && !readOnly && (r.code === 'locked' || (r.code === 'io_error' && r.params?.reason === 'read_only_folder'));
        return r;
      });
      if (refusedAsLocked) setLockedPath(path);
    },
    openOrCreate: async (kind: 'open' | 'create', path: string, readOnly = false) => {
      setBusy(true);
      const r = kind === 'create' ? await api.call('workbook.create', { path }) : await api.call('workbook.open', readOnly ? { path, readOnly } : { path });
      if (r.ok) setError(null);
      await reload();
      return r.ok ? null : r;
    },
    close: () => change(() => api.call('workbook.close')),
    report: (failure: Failure) => setError(failure),
    dismissError: () => {
      setError(null);
      setLockedPath(null);
    },
  };
}
