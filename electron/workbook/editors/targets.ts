/**
 * Revised targets and their justifications: what the Target grid, paste and path models write.
 * Counts of poor people are kept consistent with rates through the scenario's population.
 */
import { AppError } from '../../../shared/api/result.js';
import type { TargetAction } from '../../../shared/changes.js';
import type { Indicator, ScenarioTargets, TargetCell } from '../../../shared/domain.js';
import { horizonOf, POPULATION_CODE, RATE_COUNT_PAIRS } from '../../../shared/domain.js';
import type { SusenasPopulation } from '../../../shared/model/population.js';
import { countFromRate, rateFromCount } from '../../../shared/model/rate-count.js';
import { roundTo } from '../../../shared/model/rounding.js';
import { keyIndicator, keyYear } from '../caches.js';
import type { Actor, EditTx, TargetWrite } from '../edit.js';
import type { Workbook } from '../store.js';

export interface CellInput {
  indicatorId: number;
  year: number;
  /** null clears the revised target. */
  value: number | null;
}

const PAIR_CODES: ReadonlySet<string> = new Set([POPULATION_CODE, ...RATE_COUNT_PAIRS.flatMap((p) => [p.rate, p.count])]);

/**
 * Sets (or clears) revised targets as one edit. One bad cell refuses the whole block, naming it,
 * and nothing is written. Counts and rates tied through population are re-derived afterwards.
 */
export function setTargets(wb: Workbook, actor: Actor, scenarioId: number, cells: readonly CellInput[], action: TargetAction): ScenarioTargets {
  wb.reads.scenario(scenarioId);
  wb.edit(actor, action, scenarioId, (tx) => {
    tx.setTargets(scenarioId, cells);
    // Only cells whose value this edit changed lead a derivation (retyping a value changes nothing).
    const touched = new Set<string>();
    for (const key of tx.effect.targets.get(scenarioId)?.keys() ?? []) {
      const ind = tx.indicator(keyIndicator(key));
      if (PAIR_CODES.has(ind.code)) touched.add(`${ind.code}:${keyYear(key)}`);
    }
    if (touched.size > 0) deriveRateCount(tx, wb.indicatorIndex().byCode, scenarioId, touched, wb.population());
  });
  return wb.reads.targets(scenarioId);
}

/**
 * Keeps counts of poor people consistent with rates through the population poverty figures use:
 * the scenario's POP row for the year when it has one, else the Susenas population of the
 * workbook (shared/model/population.ts: a projection entered with its source, else implied by a
 * published rate/count pair, else carried at the region's growth) — never the census. Whichever
 * of the pair the planner entered drives the other, which is stored as derived. Without any
 * population for the year, nothing is derived.
 */
function deriveRateCount(tx: EditTx, byCode: ReadonlyMap<string, Indicator>, scenarioId: number, touched: ReadonlySet<string>, susenas: SusenasPopulation): void {
  const pop = byCode.get(POPULATION_CODE);
  if (!pop) return;
  const derived: TargetWrite[] = [];
  for (const pair of RATE_COUNT_PAIRS) {
    const rate = byCode.get(pair.rate);
    const count = byCode.get(pair.count);
    if (!rate || !count) continue;
    for (let year = tx.plan.firstYear; year <= horizonOf(tx.plan); year++) {
      const rateTouched = touched.has(`${rate.code}:${year}`);
      const countTouched = touched.has(`${count.code}:${year}`);
      if (!rateTouched && !countTouched && !touched.has(`${pop.code}:${year}`)) continue;
      // Both typed in one step (a pasted block): both stay as entered; checks flag a mismatch.
      if (rateTouched && countTouched) continue;
      const r = tx.currentTarget(scenarioId, rate.id, year);
      const n = tx.currentTarget(scenarioId, count.id, year);
      // The side the planner typed in this step leads; otherwise the side already marked entered.
      const countLeads = countTouched || (!rateTouched && n?.origin === 'entered' && r?.origin !== 'entered');
      const [from, fromCell, to, toCell]: [Indicator, TargetCell | undefined, Indicator, TargetCell | undefined] = countLeads ? [count, n, rate, r] : [rate, r, count, n];
      if (!fromCell) {
        // The leading value was cleared: a value derived from it no longer has a basis.
        if (toCell?.origin === 'derived') derived.push({ indicatorId: to.id, year, value: null });
        continue;
      }
      const population = tx.currentTarget(scenarioId, pop.id, year)?.value ?? susenas.byYear.get(year)?.value;
      if (population === undefined || population <= 0) continue;
      // A count above its population has no rate: the edit's own rule refuses it, naming the cell.
      if (from === count && fromCell.value > population) continue;
      const value = from === count ? roundTo(rateFromCount(fromCell.value, population), rate.decimals) : countFromRate(fromCell.value, population);
      derived.push({ indicatorId: to.id, year, value, origin: 'derived' });
    }
  }
  if (derived.length > 0) tx.setTargets(scenarioId, derived);
}

export function setJustification(wb: Workbook, actor: Actor, scenarioId: number, indicatorId: number, text: string): ScenarioTargets {
  const ind = wb.indicatorIndex().byId.get(indicatorId);
  if (!ind) throw new AppError('bad_input', `Indicator ${indicatorId} does not exist`, { indicatorId }, 'indicatorId');
  const s = wb.reads.scenario(scenarioId);
  wb.edit(actor, 'justification.set', scenarioId, (tx) => {
    const trimmed = text.trim();
    const before = trimmed
      ? tx.put('justification', { scenario_id: scenarioId, indicator_id: indicatorId, text: trimmed, updated_at: new Date().toISOString() })
      : tx.remove('justification', { scenario_id: scenarioId, indicator_id: indicatorId });
    const old = (before?.text as string | undefined) ?? '';
    // The old text goes in the detail; readers word it ("semula: …" / "was: …").
    if (old !== trimmed) tx.note({ scenarioId, scenarioName: s.name, indicatorCode: ind.code, justification: trimmed, detail: old || null });
  });
  return wb.reads.targets(scenarioId);
}
