/**
 * The current scenario: one for the whole app, per workbook file. Every view (Target, Bandingkan,
 * Pemeriksaan, Ekspor) reads and changes the same one, and the top bar shows it; picking another
 * in one view picks it everywhere. It is remembered per workbook path (localStorage), and an
 * undo/redo of a step in another scenario makes that scenario current (its change is then in view).
 *
 * Which one: the one picked (while it exists), else the proposal (usulan), else the first.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Scenario, WorkbookSummary } from '../../shared/domain.js';

const STORAGE_PREFIX = 'workbench.scenario:';
/** Where the Target view and the review views kept their own choice before there was one. */
const LEGACY_PREFIXES = ['workbench.targetScenario:', 'workbench.reviewScenario:'];

function readStored(path: string): number | null {
  try {
    for (const prefix of [STORAGE_PREFIX, ...LEGACY_PREFIXES]) {
      const v = Number(window.localStorage.getItem(prefix + path));
      if (Number.isSafeInteger(v) && v > 0) return v;
    }
  } catch {
    // Storage may be unavailable: nothing remembered.
  }
  return null;
}

function store(path: string, id: number): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + path, String(id));
  } catch {
    // Storage may be unavailable; the choice then lasts for this session.
  }
}

/** The default scenario: the usulan, else the first. */
export function defaultScenario(scenarios: readonly Scenario[]): Scenario | null {
  return scenarios.find((s) => s.status === 'usulan') ?? scenarios[0] ?? null;
}

export interface CurrentScenario {
  /** The open workbook's scenarios ([] with none open). */
  scenarios: readonly Scenario[];
  selected: Scenario | null;
  /** Makes `id` the current scenario in every view, remembered for this workbook. */
  select(id: number): void;
}

const NONE: CurrentScenario = { scenarios: [], selected: null, select: () => undefined };
const CurrentScenarioContext = createContext<CurrentScenario>(NONE);

interface Props {
  summary: WorkbookSummary | null | undefined;
  /** The scenario of the last undone/redone step (useHistory): it becomes current when it changes. */
  lastStep?: { scenarioId: number | null; revision: number } | null;
  children: ReactNode;
}

export function CurrentScenarioProvider({ summary, lastStep = null, children }: Props) {
  const path = summary?.path ?? null;
  const scenarios = summary?.scenarios;
  const [chosen, setChosen] = useState<{ path: string | null; id: number | null }>(() => ({ path, id: path === null ? null : readStored(path) }));
  // Another workbook: its own remembered scenario (in the render that sees it).
  let id = chosen.id;
  if (chosen.path !== path) {
    id = path === null ? null : readStored(path);
    setChosen({ path, id });
  }
  // An undo/redo in another scenario: that one is current.
  const [seenStep, setSeenStep] = useState(lastStep);
  if (seenStep !== lastStep) {
    setSeenStep(lastStep);
    if (lastStep?.scenarioId != null && path !== null) {
      id = lastStep.scenarioId;
      store(path, id);
      setChosen({ path, id });
    }
  }

  const select = useCallback(
    (next: number) => {
      if (path === null) return;
      store(path, next);
      setChosen({ path, id: next });
    },
    [path],
  );
  const value = useMemo<CurrentScenario>(() => {
    const list = scenarios ?? [];
    return { scenarios: list, selected: list.find((s) => s.id === id) ?? defaultScenario(list), select };
  }, [scenarios, id, select]);
  return <CurrentScenarioContext.Provider value={value}>{children}</CurrentScenarioContext.Provider>;
}

/** The current scenario and the way to change it, shared by every view. */
export function useCurrentScenario(): CurrentScenario {
  return useContext(CurrentScenarioContext);
}
