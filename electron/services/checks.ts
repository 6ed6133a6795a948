/**
 * Runs the shared checks (shared/model/checks.ts) on a scenario of the open workbook.
 *
 * Checks run after every edit, so their state is kept per workbook and scenario (CheckState) and
 * brought up to date from the change log, which every write appends to: target and justification
 * entries name the scenario and indicator they changed, and only those indicators are re-read and
 * re-checked. Any other entry (a reference, an import of values, a scenario created or deleted,
 * an undo of anything but targets) drops the kept state, and the next run starts from a full read.
 */
import { AppError } from '../../shared/api/result.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { CheckState, countBySeverity, type CheckInput } from '../../shared/model/checks.js';
import type { Workbook } from '../workbook/store.js';
import type { ScenarioStore } from '../workbook/scenarios.js';

interface ScenarioChecks {
  state: CheckState;
  /** Indicators changed since the state was last brought up to date. */
  pending: Set<number>;
}

interface WorkbookChecks {
  /** The newest change-log id the kept state reflects. */
  revision: number;
  base: Omit<CheckInput, 'targets' | 'justifications'>;
  idByCode: Map<string, number>;
  scenarios: Map<number, ScenarioChecks>;
}

const kept = new WeakMap<Workbook, WorkbookChecks>();

/** Change-log actions that touch only one scenario's targets or justification of one indicator. */
const TARGET_ENTRY = /^(?:(?:undo|redo):)?(?:target\.(?:edit|paste|path|clear)(?::derived)?|justification\.set)$/;
/** The detail of an undo/redo entry whose step changed targets only (its cells are logged one by one). */
const TARGET_STEP = /^target\.(?:edit|paste|path|clear)$/;
/** Beyond this many log entries to catch up on, a full read is as cheap. */
const MAX_CATCH_UP = 20_000;

function fresh(wb: Workbook, store: ScenarioStore): WorkbookChecks {
  const indicators = wb.indicators();
  return {
    revision: store.latestChangeId(),
    base: { plan: wb.plan(), indicators, values: wb.values(), references: wb.references(), shockYears: wb.shockYears() },
    idByCode: new Map(indicators.map((i) => [i.code, i.id])),
    scenarios: new Map(),
  };
}

/** Routes the log entries written since the kept revision to the scenarios they changed; false: start over. */
function catchUp(c: WorkbookChecks, store: ScenarioStore): boolean {
  const latest = store.latestChangeId();
  if (latest === c.revision) return true;
  if (latest < c.revision) return false;
  const entries = store.changesSince(c.revision, MAX_CATCH_UP + 1);
  if (entries.length > MAX_CATCH_UP) return false;
  for (const e of entries) {
    if (e.action === 'undo' || e.action === 'redo') {
      if (e.detail !== null && TARGET_STEP.test(e.detail)) continue;
      return false;
    }
    if (!TARGET_ENTRY.test(e.action) || e.scenarioId === null || e.indicatorCode === null) return false;
    if (e.series !== null && e.series !== 'revised_target') return false;
    const id = c.idByCode.get(e.indicatorCode);
    if (id === undefined) return false;
    c.scenarios.get(e.scenarioId)?.pending.add(id);
  }
  c.revision = latest;
  return true;
}

export function checkScenario(wb: Workbook, scenarioId: number): CheckReport {
  const store = wb.scenarioStore('');
  let c = kept.get(wb);
  if (!c || !catchUp(c, store)) {
    c = fresh(wb, store);
    kept.set(wb, c);
  }
  let s = c.scenarios.get(scenarioId);
  if (s && s.pending.size > c.base.indicators.length / 4) {
    c.scenarios.delete(scenarioId);
    s = undefined;
  }
  if (!s) {
    const { targets, justifications } = store.targets(scenarioId);
    s = { state: new CheckState({ ...c.base, targets, justifications }), pending: new Set() };
    c.scenarios.set(scenarioId, s);
  } else if (s.pending.size > 0) {
    const sid = scenarioId;
    s.state.update([...s.pending].map((indicatorId) => ({ indicatorId, ...store.indicatorTargets(sid, indicatorId) })));
    s.pending.clear();
  }
  const findings = s.state.findings();
  return { scenarioId, findings, counts: countBySeverity(findings) };
}

/** Refuses an action while error-level findings remain, naming the first few. */
export function requireNoErrors(report: CheckReport, action: string): void {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((f) => f.message.en).join('; ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  throw new AppError('blocked', `Cannot ${action}: ${errors.length} error(s) in Pemeriksaan: ${shown}${more}`, {
    errors: errors.length,
  });
}
