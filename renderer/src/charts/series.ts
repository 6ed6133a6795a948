/**
 * The lines of an indicator chart, picked from the service's answers — no DOM and no chart.js,
 * so unit tests run it in Node. Years are the plan's (kondisi awal year first). Target lines
 * start at the kondisi awal, the point every RPJMD path starts from.
 */
import type { Comparison, Indicator, IndicatorValue, Plan, ReferenceTarget, ScenarioTargets, ShockYear } from '../../../shared/domain.js';
import { planYears } from '../../../shared/domain.js';
import { confidenceInterval } from '../../../shared/model/checks.js';
import { lastRealisedYear } from '../../../shared/model/revision.js';
import { formatNumber } from '../../../shared/format/number.js';

/** How a reference's comparison reads: lt <, le ≤, eq =, ge ≥, gt >. */
export const COMPARISON_SIGN: Record<Comparison, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };

export interface ChartPoint {
  value: number;
  /** No public source (ilustrasi): drawn hollow with dashed segments. */
  illustrative: boolean;
  /** BPS's provisional figure (angka sementara): said in the tooltip. */
  provisional?: boolean;
  /** A realisation published after the revision date (monitoring): drawn as a triangle, not as the revision's basis. */
  afterRevision?: boolean;
}

export type LineKind = 'realisation' | 'original' | 'revised' | 'base_scenario';

export interface ChartLine {
  kind: LineKind;
  /** Scenario name for revised / base_scenario lines. */
  scenarioName?: string;
  /** One entry per year of `years`; null where the value is unknown. */
  points: (ChartPoint | null)[];
}

export interface IndicatorChartModel {
  indicator: Indicator;
  years: number[];
  lines: ChartLine[];
  /** Level references of this indicator, drawn as horizontal lines whatever their year. */
  levels: ReferenceTarget[];
  /** Annual-change references of this indicator (a pace, not a level): named under the chart. */
  paces: ReferenceTarget[];
  /** Runs of consecutive shock years inside the chart's years, as indexes into `years`. */
  shockRuns: { from: number; to: number; years: number[]; reason: string }[];
  /** The 95 % sampling interval around each realisation that has a standard error (series 'se'). */
  samplingBands: SamplingBand[];
}

/**
 * The 95 % sampling interval of one realised year: realisation ± SE_Z95 × its standard error
 * (shared/model/checks.ts confidenceInterval), cut at the indicator's range.
 */
export interface SamplingBand {
  /** Index into the chart's `years`. */
  index: number;
  year: number;
  /** The realisation the interval is around. */
  value: number;
  /** The standard error (galat baku), in the indicator's own unit (poin persen for a rate). */
  se: number;
  lo: number;
  hi: number;
}

/**
 * The sampling bands of one indicator over `years`: one for each year with both a realisation
 * and a standard error (never one without an SE, nor for an SE without its realisation), in
 * year order.
 */
export function samplingBands(indicator: Indicator, years: readonly number[], values: readonly IndicatorValue[]): SamplingBand[] {
  const realisation = new Map<number, number>();
  const se = new Map<number, number>();
  for (const v of values) {
    if (v.indicatorId !== indicator.id) continue;
    if (v.series === 'realisation') realisation.set(v.year, v.value);
    else if (v.series === 'se') se.set(v.year, v.value);
  }
  const bands: SamplingBand[] = [];
  years.forEach((year, index) => {
    const value = realisation.get(year);
    const s = se.get(year);
    if (value === undefined || s === undefined || !Number.isFinite(value) || !Number.isFinite(s) || s < 0) return;
    const [lo, hi] = confidenceInterval(value, s, indicator.minValue, indicator.maxValue);
    bands.push({ index, year, value, se: s, lo, hi });
  });
  return bands;
}

/**
 * Bands grouped into runs of consecutive chart years: a run of two or more is drawn as a band
 * between its years, a run of one (a year standing alone) as an error bar.
 */
export function samplingRuns(bands: readonly SamplingBand[]): SamplingBand[][] {
  const runs: SamplingBand[][] = [];
  for (const band of bands) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev && prev.index === band.index - 1) last.push(band);
    else runs.push([band]);
  }
  return runs;
}

export interface ChartScenario {
  name: string;
  targets: ScenarioTargets;
  /** The scenario under review (revised) or the one it is compared with (base_scenario). */
  role: 'revised' | 'base_scenario';
}

export interface ChartInput {
  plan: Plan;
  indicator: Indicator;
  values: readonly IndicatorValue[];
  scenarios: readonly ChartScenario[];
  references: readonly ReferenceTarget[];
  shockYears: readonly ShockYear[];
  /** summary.settings.revisionDate: realisations of later years are marked afterRevision. */
  revisionDate?: string | null;
}

export function buildIndicatorChart(input: ChartInput): IndicatorChartModel {
  const { plan, indicator, values } = input;
  const years = planYears(plan);
  const mine = values.filter((v) => v.indicatorId === indicator.id);
  const lastRealised = lastRealisedYear(input.revisionDate ?? null);
  const pick = (series: IndicatorValue['series'], year: number): ChartPoint | null => {
    const v = mine.find((x) => x.series === series && x.year === year);
    if (!v) return null;
    const point: ChartPoint = { value: v.value, illustrative: v.illustrative };
    if (v.provisional) point.provisional = true;
    if (series === 'realisation' && lastRealised !== null && year > lastRealised) point.afterRevision = true;
    return point;
  };
  const baseline = pick('baseline', plan.baselineYear);
  const start = (year: number) => (year === plan.baselineYear ? baseline : null);

  const lines: ChartLine[] = [
    { kind: 'realisation', points: years.map((y) => pick('realisation', y)) },
    { kind: 'original', points: years.map((y) => start(y) ?? pick('original_target', y)) },
  ];
  for (const s of input.scenarios) {
    const cells = new Map(s.targets.targets.filter((c) => c.indicatorId === indicator.id).map((c) => [c.year, c.value]));
    lines.push({
      kind: s.role,
      scenarioName: s.name,
      points: years.map((y) => {
        if (y === plan.baselineYear) return cells.size > 0 ? baseline : null;
        const v = cells.get(y);
        return v === undefined ? null : { value: v, illustrative: false };
      }),
    });
  }

  const refs = input.references.filter((r) => r.indicatorCode === indicator.code);
  const shock = new Map(input.shockYears.map((s) => [s.year, s.reason]));
  const shockRuns: IndicatorChartModel['shockRuns'] = [];
  years.forEach((y, i) => {
    const reason = shock.get(y);
    if (reason === undefined) return;
    const last = shockRuns.at(-1);
    if (last && last.to === i - 1 && last.reason === reason) {
      last.to = i;
      last.years.push(y);
    } else shockRuns.push({ from: i, to: i, years: [y], reason });
  });

  return {
    indicator,
    years,
    lines,
    levels: refs.filter((r) => r.kind === 'level'),
    paces: refs.filter((r) => r.kind === 'annual_change'),
    shockRuns,
    samplingBands: samplingBands(indicator, years, mine),
  };
}

/** A band's numbers as the tooltip and the chart's description say them: "11,14–13,50" and "0,60", at the indicator's decimals. */
export function samplingWords(band: SamplingBand, decimals: number): { interval: string; se: string } {
  return { interval: `${formatNumber(band.lo, decimals)}–${formatNumber(band.hi, decimals)}`, se: formatNumber(band.se, decimals) };
}

/** Whether a chart has anything to draw. */
export function hasData(model: IndicatorChartModel): boolean {
  return model.lines.some((l) => l.points.some((p) => p !== null));
}
