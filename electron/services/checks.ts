/**
 * Runs the shared checks (shared/model/checks.ts) on a scenario of the open workbook.
 *
 * Checks run after every edit, so their state is kept beside the workbook (its Caches) and told
 * of each committed edit: a step whose action changes only targets or justifications
 * (catchesUpByIndicator in shared/changes.ts) marks the indicators it touched, and only those are
 * re-read and re-checked; any other step drops the kept state, and the next run starts over.
 */
import { AppError } from '../../shared/api/result.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { catchesUpByIndicator } from '../../shared/changes.js';
import { CheckState, countBySeverity, type CheckInput } from '../../shared/model/checks.js';
import { keyIndicator, type EditEffect, type Kept } from '../workbook/caches.js';
import type { Workbook } from '../workbook/store.js';

interface ScenarioChecks {
  state: CheckState;
  /** Indicators changed since the state was last brought up to date. */
  pending: Set<number>;
}

class KeptChecks implements Kept {
  readonly scenarios = new Map<number, ScenarioChecks>();

  constructor(readonly base: Omit<CheckInput, 'targets' | 'justifications'>) {}

  afterEdit(effect: EditEffect): boolean {
    if (!catchesUpByIndicator(effect.action) || effect.otherData) return false;
    const mark = (scenarioId: number, indicatorId: number) => this.scenarios.get(scenarioId)?.pending.add(indicatorId);
    for (const [sid, cells] of effect.targets) for (const key of cells.keys()) mark(sid, keyIndicator(key));
    for (const [sid, ids] of effect.justifications) for (const id of ids) mark(sid, id);
    return true;
  }
}

/**
 * What every scenario's checks read from the workbook besides its targets: plan, indicators,
 * values (the Susenas population is built from them), references, shock years, the revision date
 * (realised years) and method breaks. A step that changes any of these is not caught up by
 * indicator (shared/changes.ts: its scope is not only targets/justifications), so the kept state
 * is dropped and rebuilt from here.
 */
export function checkBase(wb: Workbook): Omit<CheckInput, 'targets' | 'justifications'> {
  return {
    plan: wb.plan(),
    indicators: wb.indicators(),
    values: wb.values(),
    references: wb.references(),
    shockYears: wb.shockYears(),
    revisionDate: wb.settings().revisionDate,
    methodBreaks: wb.methodBreaks(),
  };
}

export function checkScenario(wb: Workbook, scenarioId: number): CheckReport {
  wb.reads.scenario(scenarioId);
  const c = wb.caches.get('checks', () => new KeptChecks(checkBase(wb)));
  let s = c.scenarios.get(scenarioId);
  if (s && s.pending.size > c.base.indicators.length / 4) {
    c.scenarios.delete(scenarioId);
    s = undefined;
  }
  if (!s) {
    const { targets, justifications } = wb.reads.targets(scenarioId);
    s = { state: new CheckState({ ...c.base, targets, justifications }), pending: new Set() };
    c.scenarios.set(scenarioId, s);
  } else if (s.pending.size > 0) {
    s.state.update([...s.pending].map((indicatorId) => ({ indicatorId, ...wb.reads.indicatorTargets(scenarioId, indicatorId) })));
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
  // The first findings in both languages, so the page says them in its own (params are words, the message a fallback).
  throw new AppError('blocked', `Cannot ${action}: ${errors.length} error(s) in Pemeriksaan: ${shown}${more}`, {
    errors: errors.length,
    first_id: errors.slice(0, 3).map((f) => f.message.id).join('; '),
    first_en: shown,
  });
}
