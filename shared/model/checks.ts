/**
 * Checks (pemeriksaan): the rules a governor's evaluation applies to a scenario's revised
 * targets. Each is a pure function with an id and a severity, and every finding is located at an
 * indicator and year so the UI can open the cell. Reference targets (RPJMN, Inpres, the Governor)
 * and shock years are workbook data, not code: checks read them from the input.
 */
import type {
  Comparison,
  Finding,
  Indicator,
  IndicatorValue,
  Justification,
  Plan,
  ReferenceTarget,
  Severity,
  ShockYear,
  TargetCell,
} from '../domain.js';
import { POPULATION_CODE, RATE_COUNT_PAIRS, SEVERITIES } from '../domain.js';
import { formatNumber, formatSignedNumber } from '../format/number.js';
import { isCountConsistent } from './rate-count.js';
import { roundTo } from './rounding.js';
import { checkCellValue } from './cell-rules.js';

export interface CheckInput {
  plan: Plan;
  indicators: readonly Indicator[];
  /** Workbook values: baseline, original_target, realisation, projection. */
  values: readonly IndicatorValue[];
  /** The scenario's revised targets. */
  targets: readonly TargetCell[];
  justifications: readonly Justification[];
  references: readonly ReferenceTarget[];
  shockYears: readonly ShockYear[];
}

/** Numeric key of an indicator's year (years are below 10 000). */
const cellKey = (indicatorId: number, year: number) => indicatorId * 10_000 + year;

/**
 * Lookups every check shares. Built once from a CheckInput; CheckState then replaces the targets
 * and justification of single indicators in place as the planner edits them.
 */
class Context {
  readonly byCode = new Map<string, Indicator>();
  private readonly revisedMap = new Map<number, TargetCell>();
  private readonly targetsOf = new Map<number, readonly TargetCell[]>();
  private readonly valueMaps = new Map<IndicatorValue['series'], Map<number, number>>();
  private readonly justified = new Set<number>();
  readonly shock = new Set<number>();
  readonly referencesOf = new Map<string, ReferenceTarget[]>();
  private readonly yearList: number[] = [];

  constructor(readonly input: CheckInput) {
    for (const i of input.indicators) this.byCode.set(i.code, i);
    const byIndicator = new Map<number, TargetCell[]>();
    for (const t of input.targets) {
      this.revisedMap.set(cellKey(t.indicatorId, t.year), t);
      const list = byIndicator.get(t.indicatorId);
      if (list) list.push(t);
      else byIndicator.set(t.indicatorId, [t]);
    }
    for (const [id, list] of byIndicator) this.targetsOf.set(id, list);
    for (const v of input.values) {
      let m = this.valueMaps.get(v.series);
      if (!m) this.valueMaps.set(v.series, (m = new Map()));
      m.set(cellKey(v.indicatorId, v.year), v.value);
    }
    for (const j of input.justifications) if (j.text.trim()) this.justified.add(j.indicatorId);
    for (const s of input.shockYears) this.shock.add(s.year);
    for (const r of input.references) {
      const list = this.referencesOf.get(r.indicatorCode);
      if (list) list.push(r);
      else this.referencesOf.set(r.indicatorCode, [r]);
    }
    for (let y = input.plan.firstYear; y <= input.plan.lastYear; y++) this.yearList.push(y);
  }

  /** Replaces one indicator's revised targets and whether it has a justification. */
  replace(indicatorId: number, targets: readonly TargetCell[], justified: boolean): void {
    for (const t of this.targetsOf.get(indicatorId) ?? []) this.revisedMap.delete(cellKey(t.indicatorId, t.year));
    for (const t of targets) this.revisedMap.set(cellKey(indicatorId, t.year), t);
    this.targetsOf.set(indicatorId, targets);
    if (justified) this.justified.add(indicatorId);
    else this.justified.delete(indicatorId);
  }

  years(): readonly number[] {
    return this.yearList;
  }

  revisedCell(ind: Indicator, year: number): TargetCell | undefined {
    return this.revisedMap.get(cellKey(ind.id, year));
  }

  revised(ind: Indicator, year: number): number | undefined {
    return this.revisedMap.get(cellKey(ind.id, year))?.value;
  }

  value(ind: Indicator, year: number, series: IndicatorValue['series']): number | undefined {
    return this.valueMaps.get(series)?.get(cellKey(ind.id, year));
  }

  original(ind: Indicator, year: number): number | undefined {
    return this.value(ind, year, 'original_target');
  }

  /** The scenario's own population row, else the workbook's projection, else the realisation. */
  population(year: number): number | undefined {
    const pop = this.byCode.get(POPULATION_CODE);
    if (!pop) return undefined;
    return this.revised(pop, year) ?? this.value(pop, year, 'projection') ?? this.value(pop, year, 'realisation');
  }

  /** The revised value of the year before, or the baseline before the first target year. */
  previous(ind: Indicator, year: number): number | undefined {
    if (year - 1 === this.input.plan.baselineYear) return this.revised(ind, year - 1) ?? this.value(ind, year - 1, 'baseline');
    return this.revised(ind, year - 1);
  }

  hasJustification(ind: Indicator): boolean {
    return this.justified.has(ind.id);
  }
}

interface CheckDefinition {
  id: string;
  severity: Severity;
  title: { id: string; en: string };
  /** Pushes the findings located at `ind` (every finding names the indicator it is shown at). */
  run(ctx: Context, ind: Indicator, out: Finding[]): void;
}

const fmt = (ind: Indicator, v: number) => formatNumber(v, ind.decimals);
const fmtDelta = (ind: Indicator, v: number) => formatSignedNumber(v, ind.decimals);

function finding(check: Pick<CheckDefinition, 'id' | 'severity'>, ind: Indicator, year: number | null, id: string, en: string, series: Finding['series'] = 'revised_target'): Finding {
  return { checkId: check.id, severity: check.severity, indicatorId: ind.id, indicatorCode: ind.code, year, series, message: { id, en } };
}

/** Revised and original differ at the indicator's own precision (12,600 vs 12,6 is no change). */
export function isChanged(ind: Indicator, revised: number, original: number | undefined): boolean {
  if (original === undefined) return true;
  return roundTo(revised, ind.decimals) !== roundTo(original, ind.decimals);
}

/** Whether a change makes the target easier to meet, given the indicator's polarity. */
export function loosens(ind: Pick<Indicator, 'polarity'>, revised: number, original: number): boolean {
  if (ind.polarity === 'lower') return revised > original;
  if (ind.polarity === 'higher') return revised < original;
  return false;
}

export function compare(value: number, comparison: Comparison, reference: number): boolean {
  const eps = 1e-9;
  switch (comparison) {
    case 'lt': return value < reference - eps;
    case 'le': return value <= reference + eps;
    case 'eq': return Math.abs(value - reference) <= eps;
    case 'ge': return value >= reference - eps;
    case 'gt': return value > reference + eps;
  }
}

const COMPARISON_TEXT: Record<Comparison, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'range',
    severity: 'error',
    title: { id: 'Nilai di luar rentang indikator', en: 'Value outside the indicator range' },
    run(ctx, ind, out) {
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        if (v === undefined || !checkCellValue(ind, v)) continue;
        const range = `${ind.minValue ?? '−∞'}–${ind.maxValue ?? '∞'} ${ind.unit}`;
        out.push(finding(this, ind, year, `${ind.nameId} ${year}: ${fmt(ind, v)} di luar rentang ${range}`, `${ind.nameEn} ${year}: ${fmt(ind, v)} is outside ${range}`));
      }
    },
  },
  {
    id: 'count_le_population',
    severity: 'error',
    title: { id: 'Jumlah penduduk miskin melebihi jumlah penduduk', en: 'Count of poor above population' },
    run(ctx, ind, out) {
      if (!RATE_COUNT_PAIRS.some((pair) => pair.count === ind.code)) return;
      for (const year of ctx.years()) {
        const n = ctx.revised(ind, year);
        const pop = ctx.population(year);
        if (n === undefined || pop === undefined || n <= pop) continue;
        out.push(finding(this, ind, year, `${ind.nameId} ${year}: ${fmt(ind, n)} jiwa melebihi jumlah penduduk ${formatNumber(pop, 0)}`, `${ind.nameEn} ${year}: ${fmt(ind, n)} people exceeds the population of ${formatNumber(pop, 0)}`));
      }
    },
  },
  {
    id: 'extreme_le_poverty',
    severity: 'error',
    title: { id: 'Kemiskinan ekstrem melebihi kemiskinan', en: 'Extreme poverty above poverty' },
    run(ctx, ext, out) {
      if (ext.code !== 'P0E') return;
      const pov = ctx.byCode.get('P0');
      if (!pov) return;
      for (const year of ctx.years()) {
        const e = ctx.revised(ext, year);
        const p = ctx.revised(pov, year);
        if (e === undefined || p === undefined || e <= p) continue;
        out.push(finding(this, ext, year, `${year}: kemiskinan ekstrem ${fmt(ext, e)} % melebihi kemiskinan ${fmt(pov, p)} %`, `${year}: extreme poverty ${fmt(ext, e)} % exceeds poverty ${fmt(pov, p)} %`));
      }
    },
  },
  {
    id: 'p2_le_p1',
    severity: 'warning',
    title: { id: 'P2 melebihi P1', en: 'P2 above P1' },
    run(ctx, p2, out) {
      if (p2.code !== 'P2') return;
      const p1 = ctx.byCode.get('P1');
      if (!p1) return;
      for (const year of ctx.years()) {
        const a = ctx.revised(p1, year);
        const b = ctx.revised(p2, year);
        if (a === undefined || b === undefined || b <= a) continue;
        out.push(finding(this, p2, year, `${year}: indeks keparahan (P2) ${fmt(p2, b)} melebihi indeks kedalaman (P1) ${fmt(p1, a)}`, `${year}: severity index (P2) ${fmt(p2, b)} exceeds gap index (P1) ${fmt(p1, a)}`));
      }
    },
  },
  {
    id: 'count_rate_consistency',
    severity: 'warning',
    title: { id: 'Jumlah tidak sesuai persentase × penduduk', en: 'Count inconsistent with rate × population' },
    run(ctx, count, out) {
      for (const pair of RATE_COUNT_PAIRS) {
        if (pair.count !== count.code) continue;
        const rate = ctx.byCode.get(pair.rate);
        if (!rate) continue;
        for (const year of ctx.years()) {
          const r = ctx.revised(rate, year);
          const n = ctx.revised(count, year);
          const pop = ctx.population(year);
          if (r === undefined || n === undefined || pop === undefined) continue;
          let consistent: boolean;
          try {
            consistent = isCountConsistent(r, n, pop, rate.decimals);
          } catch {
            continue; // out-of-range values are reported by 'range' and 'count_le_population'
          }
          if (consistent) continue;
          const expected = formatNumber((r / 100) * pop, 0);
          out.push(finding(this, count, year, `${count.nameId} ${year}: ${fmt(count, n)} tidak sesuai ${fmt(rate, r)} % × ${formatNumber(pop, 0)} ≈ ${expected}`, `${count.nameEn} ${year}: ${fmt(count, n)} does not match ${fmt(rate, r)} % × ${formatNumber(pop, 0)} ≈ ${expected}`));
        }
      }
    },
  },
  {
    id: 'justification_missing',
    severity: 'error',
    title: { id: 'Target diubah tanpa alasan perubahan', en: 'Target changed without a justification' },
    run(ctx, ind, out) {
      // Population and the poverty line are inputs, not targets; a derived count follows its rate.
      if (ind.polarity === 'neutral' || ctx.hasJustification(ind)) return;
      for (const year of ctx.years()) {
        const cell = ctx.revisedCell(ind, year);
        if (!cell || cell.origin === 'derived') continue;
        const orig = ctx.original(ind, year);
        if (!isChanged(ind, cell.value, orig)) continue;
        const was = orig === undefined ? '–' : fmt(ind, orig);
        out.push(finding(this, ind, year, `${ind.nameId} ${year} diubah (${was} → ${fmt(ind, cell.value)}) tanpa alasan perubahan`, `${ind.nameEn} ${year} changed (${was} → ${fmt(ind, cell.value)}) without a justification`, 'justification'));
      }
    },
  },
  {
    id: 'loosening',
    severity: 'warning',
    title: { id: 'Target dilonggarkan dari target awal', en: 'Target loosened from the original' },
    run(ctx, ind, out) {
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        const orig = ctx.original(ind, year);
        if (v === undefined || orig === undefined || !isChanged(ind, v, orig) || !loosens(ind, v, orig)) continue;
        const d = fmtDelta(ind, v - orig);
        out.push(finding(this, ind, year, `${ind.nameId} ${year} dilonggarkan ${d} ${ind.unit} (${fmt(ind, orig)} → ${fmt(ind, v)})`, `${ind.nameEn} ${year} loosened by ${d} ${ind.unit} (${fmt(ind, orig)} → ${fmt(ind, v)})`));
      }
    },
  },
  {
    id: 'reversal',
    severity: 'info',
    title: { id: 'Arah jalur target berbalik tanpa tahun guncangan', en: 'Target path reverses without a shock year' },
    run(ctx, ind, out) {
      if (ind.polarity === 'neutral') return;
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        const prev = ctx.previous(ind, year);
        const prev2 = ctx.previous(ind, year - 1);
        if (v === undefined || prev === undefined || prev2 === undefined) continue;
        const d1 = roundTo(prev - prev2, ind.decimals);
        const d2 = roundTo(v - prev, ind.decimals);
        if (d1 === 0 || d2 === 0 || Math.sign(d1) === Math.sign(d2)) continue;
        if (ctx.shock.has(year) || ctx.shock.has(year - 1)) continue;
        out.push(finding(this, ind, year, `${ind.nameId}: arah jalur target berbalik pada ${year} (${fmtDelta(ind, d1)} lalu ${fmtDelta(ind, d2)}) tanpa tahun guncangan`, `${ind.nameEn}: the target path reverses in ${year} (${fmtDelta(ind, d1)} then ${fmtDelta(ind, d2)}) with no shock year`));
      }
    },
  },
  {
    id: 'reference',
    severity: 'warning',
    title: { id: 'Tidak selaras dengan target acuan', en: 'Not aligned with a reference target' },
    run(ctx, ind, out) {
      const { firstYear, lastYear } = ctx.input.plan;
      for (const ref of ctx.referencesOf.get(ind.code) ?? []) {
        const want = `${COMPARISON_TEXT[ref.comparison]} ${fmt(ind, ref.value)}`;
        if (ref.kind === 'level') {
          // Only when the plan reaches the reference year (e.g. Inpres 4/2022 for 2024).
          if (ref.year === null || ref.year < firstYear || ref.year > lastYear) continue;
          const v = ctx.revised(ind, ref.year) ?? ctx.original(ind, ref.year);
          if (v === undefined || compare(v, ref.comparison, ref.value)) continue;
          out.push(finding(this, ind, ref.year, `${ind.nameId} ${ref.year}: ${fmt(ind, v)}, acuan ${ref.label}: ${want} ${ind.unit}`, `${ind.nameEn} ${ref.year}: ${fmt(ind, v)}, reference ${ref.label}: ${want} ${ind.unit}`));
        } else {
          for (const year of ctx.years()) {
            // A shock year (COVID-19) is what the revision answers; its rise is not held to the pace.
            if (ctx.shock.has(year)) continue;
            const v = ctx.revised(ind, year);
            const prev = ctx.previous(ind, year);
            if (v === undefined || prev === undefined) continue;
            const change = roundTo(v - prev, ind.decimals);
            if (compare(change, ref.comparison, ref.value)) continue;
            out.push(finding(this, ind, year, `${ind.nameId} ${year}: perubahan ${fmtDelta(ind, change)} per tahun, acuan ${ref.label}: ${want}`, `${ind.nameEn} ${year}: change of ${fmtDelta(ind, change)} a year, reference ${ref.label}: ${want}`));
          }
        }
      }
    },
  },
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Codes whose findings read another indicator's targets: an edit of the key indicator changes
 * the findings located at the listed ones (population → counts; rate → its count; P0 → P0E;
 * P1 → P2).
 */
function readersOf(code: string): readonly string[] {
  const readers: string[] = [];
  for (const pair of RATE_COUNT_PAIRS) {
    if (code === POPULATION_CODE || code === pair.rate) readers.push(pair.count);
  }
  if (code === 'P0') readers.push('P0E');
  if (code === 'P1') readers.push('P2');
  return readers;
}

/** The findings located at one indicator, by severity then year (ties in check order). */
function findingsAt(ctx: Context, ind: Indicator): Finding[] {
  const out: Finding[] = [];
  for (const check of CHECKS) check.run(ctx, ind, out);
  if (out.length > 1) out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.year ?? 0) - (b.year ?? 0));
  return out;
}

export interface IndicatorUpdate {
  indicatorId: number;
  /** The indicator's revised targets now (all of its years). */
  targets: readonly TargetCell[];
  /** Its justification text now ('' or null: none). */
  justification: string | null;
}

/**
 * Every check's findings for one scenario, kept per indicator so that an edit recomputes only
 * what it can change: the edited indicators and the ones whose checks read them (readersOf).
 * findings() always equals runChecks() on the same input.
 */
export class CheckState {
  private readonly ctx: Context;
  private readonly at = new Map<number, Finding[]>();

  constructor(input: CheckInput) {
    this.ctx = new Context(input);
    for (const ind of input.indicators) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }

  /** Replaces the targets and justification of some indicators, then recomputes their findings. */
  update(changes: readonly IndicatorUpdate[]): void {
    const byId = new Map(this.ctx.input.indicators.map((i) => [i.id, i]));
    const dirty = new Set<Indicator>();
    for (const c of changes) {
      const ind = byId.get(c.indicatorId);
      if (!ind) continue;
      this.ctx.replace(c.indicatorId, c.targets, !!c.justification?.trim());
      dirty.add(ind);
      for (const code of readersOf(ind.code)) {
        const reader = this.ctx.byCode.get(code);
        if (reader) dirty.add(reader);
      }
    }
    for (const ind of dirty) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }

  /** Sorted by severity, then indicator order, then year — as runChecks. */
  findings(): Finding[] {
    const out: Finding[] = [];
    for (const severity of SEVERITIES) {
      for (const ind of this.ctx.input.indicators) {
        for (const f of this.at.get(ind.id) ?? []) if (f.severity === severity) out.push(f);
      }
    }
    return out;
  }
}

/** Runs every check; findings sorted by severity, then indicator order, then year. */
export function runChecks(input: CheckInput): Finding[] {
  return new CheckState(input).findings();
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The check definitions for a legend: id, severity and title in both languages. */
export function checkCatalogue(): { id: string; severity: Severity; title: { id: string; en: string } }[] {
  return CHECKS.map(({ id, severity, title }) => ({ id, severity, title }));
}
