/**
 * The Target view's data: which scenario is selected (remembered per workbook file), its revised
 * targets and justifications, and the writes the view makes. Writes go one after another (a
 * queue), each answered by the service with the scenario's new targets.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Input } from '../../../shared/api/contract.js';
import { failure, type Result } from '../../../shared/api/result.js';
import type { Scenario, ScenarioStatus, ScenarioTargets, WorkbookSummary } from '../../../shared/domain.js';
import type { HistoryApi } from './useHistory.js';

const STORAGE_PREFIX = 'workbench.targetScenario:';

function readStored(path: string): number | null {
  try {
    const v = Number(window.localStorage.getItem(STORAGE_PREFIX + path));
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function store(path: string, id: number | null): void {
  try {
    if (id === null) window.localStorage.removeItem(STORAGE_PREFIX + path);
    else window.localStorage.setItem(STORAGE_PREFIX + path, String(id));
  } catch {
    // Storage may be unavailable; the choice then lasts for this session.
  }
}

export type TargetAction = Input<'targets.set'>['action'];
export type TargetCellInput = Input<'targets.set'>['cells'][number];
export type ScenarioSourceInput = Input<'scenario.create'>['from'];

export interface ScenarioState {
  scenarios: Scenario[];
  selected: Scenario | null;
  targets: ScenarioTargets | null;
  loading: boolean;
  select(id: number): void;
  create(input: { name: string; description: string; from: ScenarioSourceInput }): Promise<Result<Scenario>>;
  update(id: number, changes: { name: string; description: string }): Promise<Result<Scenario>>;
  remove(id: number): Promise<Result<null>>;
  setStatus(id: number, status: ScenarioStatus): Promise<Result<Scenario[]>>;
  setTargets(action: TargetAction, cells: TargetCellInput[]): Promise<Result<ScenarioTargets>>;
  setJustification(indicatorId: number, text: string): Promise<Result<ScenarioTargets>>;
}

export function useScenario(
  api: ApiClient,
  summary: WorkbookSummary,
  history: HistoryApi,
  onWorkbookChanged: () => Promise<void>,
): ScenarioState {
  const scenarios = summary.scenarios;
  const path = summary.path;
  const [chosen, setChosen] = useState<number | null>(() => readStored(path));
  const [targets, setTargets] = useState<ScenarioTargets | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // Another workbook: its own remembered scenario.
  const lastPath = useRef(path);
  useEffect(() => {
    if (lastPath.current === path) return;
    lastPath.current = path;
    setChosen(readStored(path));
  }, [path]);

  // The chosen one when it exists, else the proposal (usulan), else the first.
  const selected = useMemo(
    () => scenarios.find((s) => s.id === chosen) ?? scenarios.find((s) => s.status === 'usulan') ?? scenarios[0] ?? null,
    [scenarios, chosen],
  );
  const selectedId = selected?.id ?? null;

  const select = useCallback(
    (id: number) => {
      setChosen(id);
      store(path, id);
    },
    [path],
  );

  // Undo/redo of a step in another scenario shows that scenario.
  const { lastStepScenario, revision, refresh: refreshHistory } = history;
  useEffect(() => {
    const id = lastStepScenario?.scenarioId;
    if (id != null) setChosen(id);
  }, [lastStepScenario]);

  useEffect(() => {
    const gen = ++generation.current;
    if (selectedId === null) {
      setTargets(null);
      return;
    }
    setLoading(true);
    void api.call('scenario.targets', { scenarioId: selectedId }).then((r) => {
      if (gen !== generation.current) return;
      setLoading(false);
      setTargets(r.ok ? r.value : null);
    });
  }, [api, selectedId, revision]);

  /** Runs writes one at a time, in the order they were asked for. */
  const enqueue = useCallback(<T,>(write: () => Promise<Result<T>>): Promise<Result<T>> => {
    const next = queue.current.then(write, write);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const afterScenarioChange = useCallback(async () => {
    await Promise.all([onWorkbookChanged(), refreshHistory()]);
  }, [onWorkbookChanged, refreshHistory]);

  const create = useCallback<ScenarioState['create']>(
    (input) =>
      enqueue(async () => {
        const r = await api.call('scenario.create', input);
        if (r.ok) {
          select(r.value.id);
          await afterScenarioChange();
        }
        return r;
      }),
    [api, enqueue, select, afterScenarioChange],
  );

  const update = useCallback<ScenarioState['update']>(
    (id, changes) =>
      enqueue(async () => {
        const r = await api.call('scenario.update', { scenarioId: id, ...changes });
        if (r.ok) await afterScenarioChange();
        return r;
      }),
    [api, enqueue, afterScenarioChange],
  );

  const remove = useCallback<ScenarioState['remove']>(
    (id) =>
      enqueue(async () => {
        const r = await api.call('scenario.delete', { scenarioId: id });
        if (r.ok) await afterScenarioChange();
        return r;
      }),
    [api, enqueue, afterScenarioChange],
  );

  const setStatus = useCallback<ScenarioState['setStatus']>(
    (id, status) =>
      enqueue(async () => {
        const r = await api.call('scenario.setStatus', { scenarioId: id, status });
        if (r.ok) await afterScenarioChange();
        return r;
      }),
    [api, enqueue, afterScenarioChange],
  );

  const applyTargets = useCallback(
    async (r: Result<ScenarioTargets>) => {
      if (r.ok && r.value.scenarioId === selectedId) {
        generation.current++; // a load still in flight is older than this answer
        setTargets(r.value);
      }
      await refreshHistory();
      return r;
    },
    [selectedId, refreshHistory],
  );

  const setTargetCells = useCallback<ScenarioState['setTargets']>(
    (action, cells) =>
      enqueue(async () => {
        if (selectedId === null) return failure('bad_input', 'No scenario is selected');
        return applyTargets(await api.call('targets.set', { scenarioId: selectedId, action, cells }));
      }),
    [api, enqueue, selectedId, applyTargets],
  );

  const setJustification = useCallback<ScenarioState['setJustification']>(
    (indicatorId, text) =>
      enqueue(async () => {
        if (selectedId === null) return failure('bad_input', 'No scenario is selected');
        return applyTargets(await api.call('justification.set', { scenarioId: selectedId, indicatorId, text }));
      }),
    [api, enqueue, selectedId, applyTargets],
  );

  return {
    scenarios,
    selected,
    targets: targets && targets.scenarioId === selectedId ? targets : null,
    loading,
    select,
    create,
    update,
    remove,
    setStatus,
    setTargets: setTargetCells,
    setJustification,
  };
}
