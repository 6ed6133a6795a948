/**
 * What the Bandingkan view shows, arranged from the service's answers — no DOM, so unit tests
 * run it in Node. Formulas come from shared/model: Δ from compare.ts, capaian from capaian.ts,
 * "changed", "loosens" and whether Δ is in percentage points from checks.ts (the same rules and
 * words Pemeriksaan applies).
 */
import type { Indicator, IndicatorGroup, IndicatorValue, Plan, ScenarioTargets } from '../../../shared/domain.js';
import { assessCapaian, capaianContext, type CapaianAssessment, type CapaianContext } from '../../../shared/model/capaian.js';
import { isChanged, isPercentUnit, loosens } from '../../../shared/model/checks.js';
import { deltaAbsolute, deltaRelative } from '../../../shared/model/compare.js';

/** Decimals a capaian percent and a relative change are shown with. */
export const PERCENT_DECIMALS = 2;

/** What the selected scenario is compared with: the original RPJMD targets or another scenario. */
export type CompareBase = { kind: 'original' } | { kind: 'scenario'; targets: ScenarioTargets };

export interface CompareInput {
  plan: Plan;
  indicators: readonly Indicator[];
  values: readonly IndicatorValue[];
  /** The scenario under review (menjadi). */
  selected: ScenarioTargets;
  base: CompareBase;
  /**
   * What capaian is measured with (shared/model/capaian.ts capaianContext: summary.settings'
   * band scale, capaian.list, methodBreaks.list). Default: Permendagri 86/2017 bands, each
   * polarity's default formula, no method breaks.
   */
  capaian?: CapaianContext;
}

/** One value of a side of the comparison. */
export interface SideValue {
  value: number;
  /** Illustrative (no public source): only original targets and workbook values carry this. */
  illustrative: boolean;
  /** A scenario value computed from its rate/count partner and population. */
  derived: boolean;
}

/** Capaian as assessCapaian gives it (percent, category, tidak tercapai with the gap, tidak sebanding). */
export interface CapaianCell extends CapaianAssessment {
  /** Measured against an illustrative target or realisation: marked like them. */
  illustrative: boolean;
}

export interface CompareRow {
  id: string;
  indicator: Indicator;
  year: number;
  /** Semula: the original target, or the base scenario's target. */
  before: SideValue | null;
  /** Menjadi: the selected scenario's target. */
  after: SideValue | null;
  /** Differs at the indicator's decimals (isChanged), or one side has a value and the other none. */
  changed: boolean;
  /** after − before, in the indicator's unit; null unless both exist. */
  delta: number | null;
  /** The indicator is in %: its Δ is in percentage points (poin persen), not a relative change. */
  deltaInPoints: boolean;
  /** (after − before) / |before| × 100; null unless both exist and before ≠ 0. */
  deltaRelative: number | null;
  /** The change makes the target easier to reach (loosens, polarity-aware). */
  loosened: boolean;
  realisation: IndicatorValue | null;
  /** Realisation against before / after; null without a realisation or that target. */
  capaianBefore: CapaianCell | null;
  capaianAfter: CapaianCell | null;
  /** The selected scenario's justification for the indicator ('' when none). */
  justification: string;
}

export interface CompareGroup {
  group: IndicatorGroup;
  rows: CompareRow[];
}

export function targetYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) years.push(y);
  return years;
}

function key(indicatorId: number, year: number): string {
  return `${indicatorId}:${year}`;
}

function scenarioSide(targets: ScenarioTargets): Map<string, SideValue> {
  const map = new Map<string, SideValue>();
  for (const t of targets.targets) map.set(key(t.indicatorId, t.year), { value: t.value, illustrative: false, derived: t.origin === 'derived' });
  return map;
}

function capaianCell(ind: Indicator, year: number, target: SideValue | null, real: IndicatorValue | null, baseline: number | null, ctx: CapaianContext): CapaianCell | null {
  if (!target || !real) return null;
  const assessment = assessCapaian({ indicator: ind, year, target: target.value, realisation: real.value, baseline }, ctx);
  return { ...assessment, illustrative: target.illustrative || real.illustrative };
}

/**
 * One row per indicator and target year where either side has a value, in the order the
 * service lists the indicators, years ascending.
 */
export function buildCompareRows(input: CompareInput): CompareRow[] {
  const { plan, indicators, values, selected, base } = input;
  const ctx = input.capaian ?? capaianContext({ plan });
  const original = new Map<string, SideValue>();
  const realisation = new Map<string, IndicatorValue>();
  const baseline = new Map<number, number>();
  for (const v of values) {
    if (v.series === 'original_target') original.set(key(v.indicatorId, v.year), { value: v.value, illustrative: v.illustrative, derived: false });
    else if (v.series === 'realisation') realisation.set(key(v.indicatorId, v.year), v);
    else if (v.series === 'baseline' && v.year === plan.baselineYear) baseline.set(v.indicatorId, v.value);
  }
  const before = base.kind === 'original' ? original : scenarioSide(base.targets);
  const after = scenarioSide(selected);
  const reasons = new Map(selected.justifications.map((j) => [j.indicatorId, j.text.trim()]));

  const rows: CompareRow[] = [];
  for (const indicator of indicators) {
    for (const year of targetYears(plan)) {
      const k = key(indicator.id, year);
      const b = before.get(k) ?? null;
      const a = after.get(k) ?? null;
      if (!b && !a) continue;
      const both = a && b ? { a, b } : null;
      const changed = both ? isChanged(indicator, both.a.value, both.b.value) : true;
      const real = realisation.get(k) ?? null;
      const base0 = baseline.get(indicator.id) ?? null;
      rows.push({
        id: `${indicator.code}:${year}`,
        indicator,
        year,
        before: b,
        after: a,
        changed,
        delta: both ? deltaAbsolute(both.a.value, both.b.value) : null,
        deltaInPoints: isPercentUnit(indicator),
        deltaRelative: both ? deltaRelative(both.a.value, both.b.value) : null,
        loosened: both !== null && changed && loosens(indicator, both.a.value, both.b.value),
        realisation: real,
        capaianBefore: capaianCell(indicator, year, b, real, base0, ctx),
        capaianAfter: capaianCell(indicator, year, a, real, base0, ctx),
        justification: reasons.get(indicator.id) ?? '',
      });
    }
  }
  return rows;
}

export type CompareSort = 'indicator' | 'change';

export interface CompareFilter {
  onlyChanged: boolean;
  /** null: every group. */
  group: IndicatorGroup | null;
  sort: CompareSort;
}

/**
 * Groups (makro, kemiskinan — in the order the indicators come) with their rows filtered and
 * sorted. Sort 'change': by |Δ relative| descending, so a rate and a count of people compare on
 * one scale; rows without a relative change (a side missing, or semula 0) follow in indicator order.
 */
export function arrangeRows(rows: readonly CompareRow[], filter: CompareFilter): CompareGroup[] {
  const groups: CompareGroup[] = [];
  for (const row of rows) {
    if (filter.onlyChanged && !row.changed) continue;
    if (filter.group && row.indicator.group !== filter.group) continue;
    let g = groups.find((x) => x.group === row.indicator.group);
    if (!g) groups.push((g = { group: row.indicator.group, rows: [] }));
    g.rows.push(row);
  }
  if (filter.sort === 'change') {
    for (const g of groups) {
      const order = new Map(g.rows.map((r, i) => [r.id, i]));
      g.rows.sort((x, y) => {
        const ax = x.deltaRelative === null ? -1 : Math.abs(x.deltaRelative);
        const ay = y.deltaRelative === null ? -1 : Math.abs(y.deltaRelative);
        return ay - ax || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0);
      });
    }
  }
  return groups;
}

/** Counts for the summary line above the table. */
export function summarise(rows: readonly CompareRow[]): { cells: number; changed: number; loosened: number } {
  return {
    cells: rows.length,
    changed: rows.filter((r) => r.changed).length,
    loosened: rows.filter((r) => r.loosened).length,
  };
}

/**
 * Consecutive rows of the same indicator, for the table's row spans (name and justification are
 * per indicator): the span each row starts (0 when it continues the previous row's span).
 */
export function indicatorSpans(rows: readonly CompareRow[]): number[] {
  const spans = rows.map(() => 0);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i]!.indicator.id !== rows[start]!.indicator.id) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}
