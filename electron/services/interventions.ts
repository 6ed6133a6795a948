/**
 * Intervensi of a scenario of the open workbook (issue 17, item 3): reads what the pure model
 * (shared/model/interventions.ts) needs and runs it. Read-only.
 *
 * - The years: after the last year realised at the revision date, to the RPKD/RPD horizon.
 * - The path without the programmes is the scenario's own P0 trajectory: its revised target of a
 *   year, else the original target (target awal) of that year.
 * - The target a year's gap is measured against is the strictest regency-level (kabupaten) level
 *   reference for P0 in that year (the Governor's < 10 % in 2024, an RPD target in 2026…); years
 *   without one get no gap (the model says so).
 * - σ comes from the Kelayakan base fit (services/feasibility.ts), the population from the
 *   Susenas population, the average size of a poor household from the workbook's settings.
 * - The poverty line (GK) of a year is its realisation, else its revised target in the scenario,
 *   else the nearest year's realisation carried flat (said as 'carried', with the year).
 */
import { horizonOf, type ReferenceTarget } from '../../shared/domain.js';
import type { InterventionsView, PovertyLineUsed } from '../../shared/interventions.js';
import { interventionEffects, type ProgrammeYear } from '../../shared/model/interventions.js';
import { lastRealisedYear } from '../../shared/model/revision.js';
import type { Workbook } from '../workbook/store.js';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import { feasibilityReport } from './feasibility.js';

/** The strictest level reference of P0 for the regency per year (the lowest bound). */
function referenceTargets(refs: readonly ReferenceTarget[]): Map<number, { label: string; value: number }> {
  const out = new Map<number, { label: string; value: number }>();
  for (const r of refs) {
    if (r.indicatorCode !== 'P0' || r.scope !== 'kabupaten' || r.kind !== 'level' || r.year === null) continue;
    if (r.comparison !== 'lt' && r.comparison !== 'le' && r.comparison !== 'eq') continue;
    const known = out.get(r.year);
    if (!known || r.value < known.value) out.set(r.year, { label: r.label, value: r.value });
  }
  return out;
}

/** `feasibility`: the scenario's Kelayakan report when the caller has it already (its σ is the fit's). */
export function interventionsReport(wb: Workbook, scenarioId: number, feasibility: FeasibilityReport = feasibilityReport(wb, scenarioId)): InterventionsView {
  const plan = wb.plan();
  const settings = wb.settings();
  const byCode = wb.indicatorIndex().byCode;
  const p0 = byCode.get('P0');
  const gk = byCode.get('GK');
  const revised = new Map<string, number>();
  for (const t of wb.reads.targets(scenarioId).targets) revised.set(`${t.indicatorId}:${t.year}`, t.value);
  const original = new Map<number, number>();
  const lines = new Map<number, { value: number; illustrative: boolean }>();
  for (const v of wb.values(['original_target', 'realisation'])) {
    if (p0 && v.indicatorId === p0.id && v.series === 'original_target') original.set(v.year, v.value);
    if (gk && v.indicatorId === gk.id && v.series === 'realisation') lines.set(v.year, { value: v.value, illustrative: v.illustrative });
  }
  const population = wb.population().byYear;
  const programmes = wb.reads.programmes();
  const references = referenceTargets(wb.references());

  const povertyLine = (year: number): PovertyLineUsed | null => {
    const real = lines.get(year);
    if (real) return { year, value: real.value, basis: 'realisation', illustrative: real.illustrative };
    const target = gk ? revised.get(`${gk.id}:${year}`) : undefined;
    if (target !== undefined) return { year, value: target, basis: 'target', illustrative: false };
    let nearest: number | null = null;
    for (const y of lines.keys()) if (nearest === null || Math.abs(y - year) < Math.abs(nearest - year) || (Math.abs(y - year) === Math.abs(nearest - year) && y < nearest)) nearest = y;
    if (nearest === null) return null;
    const from = lines.get(nearest)!;
    return { year, value: from.value, basis: 'carried', from: nearest, illustrative: from.illustrative };
  };

  const years: number[] = [];
  // The years ahead: after the last year realised at the revision date (history has no programme effect to model).
  const from = Math.max(plan.firstYear, (lastRealisedYear(settings.revisionDate) ?? plan.firstYear - 1) + 1);
  for (let y = from; y <= horizonOf(plan); y++) {
    const path = p0 ? (revised.get(`${p0.id}:${y}`) ?? original.get(y)) : undefined;
    const hasProgramme = programmes.some((p) => p.years.some((py) => py.year === y));
    if (path !== undefined || hasProgramme) years.push(y);
  }
  const usedLines: PovertyLineUsed[] = [];
  const report = interventionEffects({
    sigma: feasibility.base.sigma,
    householdSize: settings.poorHouseholdSize,
    years: years.map((year) => {
      const path = p0 ? (revised.get(`${p0.id}:${year}`) ?? original.get(year)) : undefined;
      const line = povertyLine(year);
      if (line) usedLines.push(line);
      const ref = references.get(year);
      return {
        year,
        p0Without: path === undefined ? null : path / 100,
        target: ref ? ref.value / 100 : null,
        population: population.get(year)?.value ?? null,
        povertyLine: line?.value ?? null,
        programmes: programmes.flatMap((p): ProgrammeYear[] => p.years
          .filter((py) => py.year === year)
          .map((py) => ({ programmeId: p.id, name: p.name, households: py.households, benefitPerHouseholdMonth: py.benefit, accuracy: py.accuracy / 100, budget: py.budget }))),
      };
    }),
  });
  return {
    scenarioId,
    report,
    targets: [...references].filter(([y]) => years.includes(y)).map(([year, r]) => ({ year, ...r })),
    povertyLines: usedLines,
    householdSize: settings.poorHouseholdSize,
    sigma: feasibility.base.sigma,
    baseYear: feasibility.base.year,
    illustrative: feasibility.base.illustrative || programmes.some((p) => p.illustrative) || usedLines.some((l) => l.illustrative),
  };
}
