/**
 * The Target view's data: the selected scenario (the app's current scenario, shared by every
 * view: current-scenario.tsx), its revised targets and justifications, and the writes the view
 * makes. Writes go one after another (a queue), each answered by the service with the scenario's
 * new targets. A target write is shown
 * at once (the typed cells over the last answer) and replaced by the service's answer when it
 * comes — with the derived cells the service computes; a refused write is taken back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Input } from '../../../shared/api/contract.js';
import { failure, type Result } from '../../../shared/api/result.js';
import type { Scenario, ScenarioStatus, ScenarioTargets, WorkbookSummary } from '../../../shared/domain.js';
import { useCurrentScenario } from '../current-scenario.js';
import { applyCells } from './model.js';
import type { HistoryApi } from './useHistory.js';

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
  /** `alongside` runs in the same synchronous render as the typed cells appear (state the view shows with them). */
  setTargets(action: TargetAction, cells: TargetCellInput[], alongside?: () => void): Promise<Result<ScenarioTargets>>;
  setJustification(indicatorId: number, text: string): Promise<Result<ScenarioTargets>>;
}

/** Resolves in a new task (not a microtask of this one). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function useScenario(
  api: ApiClient,
  summary: WorkbookSummary,
  history: HistoryApi,
  onWorkbookChanged: () => Promise<void>,
): ScenarioState {
  const scenarios = summary.scenarios;
  // Which scenario: the current one (picked in any view, remembered per workbook; an undo/redo in
  // another scenario makes that one current — see CurrentScenarioProvider).
  const { selected, select } = useCurrentScenario();
  const [targets, setTargets] = useState<ScenarioTargets | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** The service's last word on the shown scenario, and the target writes sent since (shown ahead of their answers). */
  const confirmed = useRef<ScenarioTargets | null>(null);
  const pending = useRef<{ seq: number; scenarioId: number; cells: TargetCellInput[] }[]>([]);
  const writeSeq = useRef(0);

  /** Shows `base` with every write still waiting for its answer written over it. */
  const showWithPending = useCallback((base: ScenarioTargets) => {
    const waiting = pending.current.filter((p) => p.scenarioId === base.scenarioId).flatMap((p) => p.cells);
    setTargets(waiting.length ? applyCells(base, waiting) : base);
  }, []);

  const { revision, refresh: refreshHistory } = history;
  const selectedId = selected?.id ?? null;

  // Another scenario, or an undo/redo: load its targets (none selected: none shown). The render
  // that asks already shows it loading.
  const [loadFor, setLoadFor] = useState<{ scenarioId: number | null; revision: number } | null>(null);
  if (loadFor === null || loadFor.scenarioId !== selectedId || loadFor.revision !== revision) {
    setLoadFor({ scenarioId: selectedId, revision });
    if (selectedId === null) setTargets(null);
    else setLoading(true);
  }
  useEffect(() => {
    const gen = ++generation.current;
    if (selectedId === null) return;
    void api.call('scenario.targets', { scenarioId: selectedId }).then((r) => {
      if (gen !== generation.current) return;
      setLoading(false);
      confirmed.current = r.ok ? r.value : null;
      if (r.ok) showWithPending(r.value);
      else setTargets(null);
    });
  }, [api, selectedId, revision, showWithPending]);

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
        confirmed.current = r.value;
        showWithPending(r.value);
      }
      await refreshHistory();
      return r;
    },
    [selectedId, refreshHistory, showWithPending],
  );

  const setTargetCells = useCallback<ScenarioState['setTargets']>(
    (action, cells, alongside) => {
      if (selectedId === null) return Promise.resolve(failure('bad_input', 'No scenario is selected'));
      // Shown at once, over what is shown now; the answer (or a refusal) settles it.
      const write = { seq: ++writeSeq.current, scenarioId: selectedId, cells };
      pending.current = [...pending.current, write];
      // Drawn now, in this task (the Enter key's, from the grid's valueSetter), not in a later render of React's scheduler.
      flushSync(() => {
        alongside?.();
        setTargets((shown) => (shown && shown.scenarioId === selectedId ? applyCells(shown, cells) : shown));
      });
      return enqueue(async () => {
        let r: Result<ScenarioTargets>;
        try {
          // The call starts in a task of its own: the typed value is drawn first (this task ends
          // with the grid, chart and checks showing it), the request after.
          await nextTask();
          r = await api.call('targets.set', { scenarioId: selectedId, action, cells });
        } finally {
          pending.current = pending.current.filter((p) => p.seq !== write.seq);
        }
        if (!r.ok && confirmed.current?.scenarioId === selectedId) showWithPending(confirmed.current);
        return applyTargets(r);
      });
    },
    [api, enqueue, selectedId, applyTargets, showWithPending],
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
