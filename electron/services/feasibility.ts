/**
 * Kelayakan of a scenario of the open workbook (issue 16, part 2): reads what the pure model
 * (shared/model/feasibility.ts) needs — plan, revision date, indicators, the realisations and
 * original targets of P0, P1, P2, GINI and PE, the scenario's revised P0 targets and the
 * population poverty figures use (the Susenas population, never the census) — and runs it.
 * Read-only: it writes nothing, so it runs on a workbook opened read-only.
 */
import type { Indicator, IndicatorValue } from '../../shared/domain.js';
import { FEASIBILITY_CODES, feasibility, type FeasibilityInput, type FeasibilityReport, type MarkedValue } from '../../shared/model/feasibility.js';
import type { Workbook } from '../workbook/store.js';

const READ_CODES = new Set<string>(Object.values(FEASIBILITY_CODES));

/** The model's input for a scenario (the workbook's own values, untouched). */
export function feasibilityInput(wb: Workbook, scenarioId: number): FeasibilityInput {
  const indicators = wb.indicators();
  const byCode = new Map<string, Indicator>(indicators.map((i) => [i.code, i]));
  const codeOf = new Map<number, string>(indicators.filter((i) => READ_CODES.has(i.code)).map((i) => [i.id, i.code]));
  const realised = new Map<string, MarkedValue>();
  const original = new Map<string, MarkedValue>();
  const mark = (v: IndicatorValue): MarkedValue => ({ value: v.value, illustrative: v.illustrative, provisional: v.provisional });
  for (const v of wb.values(['realisation', 'original_target'])) {
    const code = codeOf.get(v.indicatorId);
    if (code === undefined) continue;
    (v.series === 'realisation' ? realised : original).set(`${code}:${v.year}`, mark(v));
  }
  const p0 = byCode.get(FEASIBILITY_CODES.p0);
  const revised = new Map<number, number>();
  // wb.reads.targets refuses an unknown scenario (not_found), as every scenario method does.
  for (const t of wb.reads.targets(scenarioId).targets) if (p0 && t.indicatorId === p0.id) revised.set(t.year, t.value);
  const population = wb.population().byYear;
  return {
    plan: wb.plan(),
    revisionDate: wb.settings().revisionDate,
    indicators: byCode,
    realisation: (code, year) => realised.get(`${code}:${year}`),
    revisedTarget: (year) => revised.get(year),
    originalTarget: (code, year) => original.get(`${code}:${year}`),
    population: (year) => population.get(year)?.value,
  };
}

export function feasibilityReport(wb: Workbook, scenarioId: number): FeasibilityReport {
  return feasibility(feasibilityInput(wb, scenarioId));
}
