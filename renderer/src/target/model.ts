/**
 * What the Target view shows, arranged from the service's answers — no DOM, so unit tests run it
 * in Node. Formulas live in shared/model (capaian, rounding, target rules); this file only picks
 * values, subtracts original from revised for Δ, and maps a pasted block onto cells.
 */
import type { Indicator, IndicatorGroup, IndicatorValue, Plan, Polarity, ScenarioTargets, TargetCell } from '../../../shared/domain.js';
import { parseNumber } from '../../../shared/format/number.js';
import { assessCapaian, capaianContext, type CapaianAssessment, type CapaianBand, type CapaianContext } from '../../../shared/model/capaian.js';
import { roundTo } from '../../../shared/model/rounding.js';
import { checkCellValue } from '../../../shared/model/cell-rules.js';

export interface TargetGroupRow {
  kind: 'group';
  id: string;
  group: IndicatorGroup;
}

export interface TargetIndicatorRow {
  kind: 'indicator';
  id: string;
  indicator: Indicator;
  /** Kondisi awal (series 'baseline' in the plan's baseline year). */
  baseline?: IndicatorValue;
  /** Target awal (RPJMD) by year. */
  original: Record<number, IndicatorValue>;
  /** Realisasi by year. */
  realisation: Record<number, IndicatorValue>;
  /** The selected scenario's target perubahan by year. */
  revised: Record<number, TargetCell>;
  /** Alasan perubahan ('' when none). */
  justification: string;
}

export type TargetRow = TargetGroupRow | TargetIndicatorRow;

/** Group header rows, then their indicators, in the order the service lists them. */
export function buildTargetRows(
  indicators: readonly Indicator[],
  values: readonly IndicatorValue[],
  plan: Plan,
  targets: ScenarioTargets | null,
  previous?: readonly TargetRow[],
): TargetRow[] {
  return withTargets(buildBaseRows(indicators, values, plan), targets, previous);
}

/**
 * The rows without a scenario (kondisi awal, target awal, realisasi): built once per workbook
 * load, shared by every scenario answer after it.
 */
export function buildBaseRows(indicators: readonly Indicator[], values: readonly IndicatorValue[], plan: Plan): TargetRow[] {
  const byIndicator = new Map<number, { baseline?: IndicatorValue; original: Record<number, IndicatorValue>; realisation: Record<number, IndicatorValue> }>();
  const slot = (id: number) => {
    let s = byIndicator.get(id);
    if (!s) byIndicator.set(id, (s = { original: {}, realisation: {} }));
    return s;
  };
  for (const v of values) {
    if (v.series === 'baseline' && v.year === plan.baselineYear) slot(v.indicatorId).baseline = v;
    else if (v.series === 'original_target') slot(v.indicatorId).original[v.year] = v;
    else if (v.series === 'realisation') slot(v.indicatorId).realisation[v.year] = v;
  }
  const groups: IndicatorGroup[] = [];
  for (const ind of indicators) if (!groups.includes(ind.group)) groups.push(ind.group);
  const rows: TargetRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', id: `group:${group}`, group });
    for (const indicator of indicators) {
      if (indicator.group !== group) continue;
      const s = byIndicator.get(indicator.id);
      rows.push({
        kind: 'indicator',
        id: `indicator:${indicator.code}`,
        indicator,
        ...(s?.baseline ? { baseline: s.baseline } : {}),
        original: s?.original ?? {},
        realisation: s?.realisation ?? {},
        revised: {},
        justification: '',
      });
    }
  }
  return rows;
}

const NO_REVISED: Record<number, TargetCell> = Object.freeze({}) as Record<number, TargetCell>;

function sameRevised(a: Record<number, TargetCell>, b: Record<number, TargetCell>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[Number(k)]!;
    const y = b[Number(k)];
    if (!y || x.value !== y.value || x.origin !== y.origin) return false;
  }
  return true;
}

/**
 * The base rows with a scenario's revised targets and justifications. A row whose revised
 * targets and justification are what `previous` shows for it is `previous`'s row object itself,
 * so the grid (row ids + immutable data) redraws only the rows a write changed.
 */
export function withTargets(base: readonly TargetRow[], targets: ScenarioTargets | null, previous?: readonly TargetRow[]): TargetRow[] {
  const revised = new Map<number, Record<number, TargetCell>>();
  for (const c of targets?.targets ?? []) {
    let r = revised.get(c.indicatorId);
    if (!r) revised.set(c.indicatorId, (r = {}));
    r[c.year] = c;
  }
  const reasons = new Map((targets?.justifications ?? []).map((j) => [j.indicatorId, j.text]));
  const before = new Map<string, TargetRow>();
  for (const r of previous ?? []) before.set(r.id, r);
  return base.map((row) => {
    const old = before.get(row.id);
    if (row.kind === 'group') return old?.kind === 'group' && old.group === row.group ? old : row;
    const rev = revised.get(row.indicator.id) ?? NO_REVISED;
    const justification = reasons.get(row.indicator.id) ?? '';
    if (
      old?.kind === 'indicator' &&
      old.indicator === row.indicator &&
      old.baseline === row.baseline &&
      old.original === row.original &&
      old.realisation === row.realisation &&
      old.justification === justification &&
      sameRevised(old.revised, rev)
    ) {
      return old;
    }
    return { ...row, revised: rev, justification };
  });
}

/** Rows as shown with the targets they were built from (TargetView keeps the last of these). */
export interface ShownRows {
  baseRows: readonly TargetRow[];
  targets: ScenarioTargets | null;
  rows: TargetRow[];
}

/** Above this many changed indicators a write is a whole answer: the full rebuild is as cheap. */
const INCREMENTAL_MAX = 64;

/**
 * withTargets after `shown`, in time proportional to what changed: a typed write (applyCells)
 * replaces only its own cell objects, so the indicators whose cells are new objects are the only
 * rows to build again — a 600-indicator scenario is 6 000 cells, and regrouping them all on every
 * keystroke cost more than the grid's own update. Anything else (another scenario, new base rows,
 * new justifications, the service's answer with every cell new) is the full withTargets.
 */
export function nextRows(base: readonly TargetRow[], targets: ScenarioTargets | null, shown: ShownRows): TargetRow[] {
  const before = shown.targets;
  if (shown.baseRows !== base || !targets || !before || before.scenarioId !== targets.scenarioId || before.justifications !== targets.justifications) {
    return withTargets(base, targets, shown.rows);
  }
  const changed = new Set<number>();
  const a = before.targets;
  const b = targets.targets;
  if (a.length === b.length) {
    for (let i = 0; i < b.length; i++) {
      if (a[i] !== b[i]) {
        changed.add(a[i]!.indicatorId);
        changed.add(b[i]!.indicatorId);
      }
    }
  } else {
    const old = new Set(a);
    const now = new Set(b);
    for (const c of b) if (!old.has(c)) changed.add(c.indicatorId);
    for (const c of a) if (!now.has(c)) changed.add(c.indicatorId);
  }
  if (changed.size === 0) return shown.rows;
  if (changed.size > INCREMENTAL_MAX) return withTargets(base, targets, shown.rows);
  const revised = new Map<number, Record<number, TargetCell>>();
  for (const c of b) {
    if (!changed.has(c.indicatorId)) continue;
    let r = revised.get(c.indicatorId);
    if (!r) revised.set(c.indicatorId, (r = {}));
    r[c.year] = c;
  }
  return shown.rows.map((row) => {
    if (row.kind !== 'indicator' || !changed.has(row.indicator.id)) return row;
    const rev = revised.get(row.indicator.id) ?? NO_REVISED;
    return sameRevised(row.revised, rev) ? row : { ...row, revised: rev };
  });
}

/**
 * The rows last built and what they were built from; `rows` builds the next ones over them
 * (nextRows). A cache, not state: any earlier (base rows, targets, rows) is a valid basis, so a
 * render React throws away leaves nothing wrong behind — and a state set during render would run
 * the whole Target view twice on every keystroke.
 */
export class TargetRowsCache {
  private last: ShownRows | null = null;

  rows(base: readonly TargetRow[], targets: ScenarioTargets | null): TargetRow[] {
    const last = this.last;
    if (last && last.baseRows === base && last.targets === targets) return last.rows;
    const rows = last ? nextRows(base, targets, last) : withTargets(base, targets);
    this.last = { baseRows: base, targets, rows };
    return rows;
  }
}

/** The targets with `cells` written over them (null clears), as the service will answer before it has: for showing a write at once. */
export function applyCells(targets: ScenarioTargets, cells: readonly { indicatorId: number; year: number; value: number | null }[]): ScenarioTargets {
  // A few typed cells over thousands: a scan each; a pasted block: an index first.
  const next = targets.targets.slice();
  const index = cells.length > 16 ? new Map(next.map((t, i) => [`${t.indicatorId}:${t.year}`, i])) : null;
  const removed = new Set<number>();
  for (const c of cells) {
    const found = index ? index.get(`${c.indicatorId}:${c.year}`) : next.findIndex((t) => t.indicatorId === c.indicatorId && t.year === c.year);
    const i = found === undefined || removed.has(found) ? -1 : found;
    if (c.value === null) {
      if (i >= 0) removed.add(i);
    } else {
      const cell: TargetCell = { indicatorId: c.indicatorId, year: c.year, value: c.value, origin: 'entered' };
      if (i >= 0) next[i] = cell;
      else {
        next.push(cell);
        index?.set(`${c.indicatorId}:${c.year}`, next.length - 1);
      }
    }
  }
  return { ...targets, targets: removed.size ? next.filter((_, i) => !removed.has(i)) : next };
}

/** Δ = target perubahan − target awal, in the indicator's unit; null unless both exist. */
export function deltaOf(row: TargetIndicatorRow, year: number): number | null {
  const revised = row.revised[year];
  const original = row.original[year];
  if (!revised || !original) return null;
  // Rounded to the shown decimals (+2 for safety) so 12,6 − 11,3 is 1,3 and not 1,2999999999999998.
  return roundTo(revised.value - original.value, Math.min(15, row.indicator.decimals + 2));
}

/**
 * What a change does to a target, given the indicator's polarity: 'loosen' makes the target
 * easier to reach (a higher poverty target, a lower IPM target), 'tighten' harder; 'same' when
 * the change rounds to zero at the indicator's decimals; 'neutral' for neutral polarity.
 */
export type ChangeKind = 'loosen' | 'tighten' | 'same' | 'neutral';

export function changeKind(polarity: Polarity, delta: number, decimals: number): ChangeKind {
  const shown = roundTo(delta, Math.max(0, Math.min(15, decimals)));
  if (shown === 0) return 'same';
  if (polarity === 'neutral') return 'neutral';
  const up = shown > 0;
  return (polarity === 'lower') === up ? 'loosen' : 'tighten';
}

/** Kondisi akhir: the last target year's revised target, else its original target. */
export function endCondition(row: TargetIndicatorRow, lastYear: number): { value: number; from: 'revised' | 'original' } | null {
  const revised = row.revised[lastYear];
  if (revised) return { value: revised.value, from: 'revised' };
  const original = row.original[lastYear];
  return original ? { value: original.value, from: 'original' } : null;
}

/** Decimals a capaian percent is shown (and banded) with. */
export { CAPAIAN_DECIMALS } from '../../../shared/model/capaian.js';

/** Without the workbook's settings: Permendagri 86/2017 bands, each polarity's default formula, no method breaks. */
export const DEFAULT_CAPAIAN_CONTEXT: CapaianContext = capaianContext({ plan: { baselineYear: 0 } });

export interface CapaianCell extends CapaianAssessment {
  realisation: number;
  target: number;
  /** Which target the realisation was measured against. */
  against: 'revised' | 'original';
  /** The realisation was published after the revision date (monitoring, not the revision's basis). */
  afterRevision: boolean;
}

/**
 * Capaian for a year with a realisation: against the revised target, else the original one,
 * assessed by shared/model/capaian.ts (assessCapaian) with the workbook's context — the formula
 * chosen for the indicator (else the polarity's default: higher realisasi/target, lower
 * target/realisasi, gap closure from the kondisi awal when the target is 0), the band scale of
 * summary.settings, tidak tercapai with the gap, tidak sebanding across a method break; neutral
 * indicators have none. `lastRealised` (lastRealisedYear of the revision date) marks later
 * realisations as monitoring.
 */
export function capaianOf(row: TargetIndicatorRow, year: number, ctx: CapaianContext = DEFAULT_CAPAIAN_CONTEXT, lastRealised: number | null = null): CapaianCell | null {
  const real = row.realisation[year];
  if (!real) return null;
  const revised = row.revised[year];
  const original = row.original[year];
  const target = revised?.value ?? original?.value;
  if (target === undefined) return null;
  const assessment = assessCapaian({ indicator: row.indicator, year, target, realisation: real.value, baseline: row.baseline?.value ?? null }, ctx);
  return {
    ...assessment,
    realisation: real.value,
    target,
    against: revised ? 'revised' : 'original',
    afterRevision: lastRealised !== null && year > lastRealised,
  };
}

/**
 * The colour family of a band, as the stylesheet names it (capaian-sangat_baik … capaian-kurang):
 * both scales' bands map onto the four tones, best to worst.
 */
export function capaianTone(band: CapaianBand): 'sangat_baik' | 'baik' | 'cukup' | 'kurang' {
  switch (band) {
    case 'sangat_tinggi':
    case 'sangat_baik':
      return 'sangat_baik';
    case 'tinggi':
    case 'baik':
      return 'baik';
    case 'sedang':
    case 'cukup':
      return 'cukup';
    default:
      return 'kurang';
  }
}

/** Years in which at least one indicator has a realisation. */
export function realisationYears(values: readonly IndicatorValue[], years: readonly number[]): number[] {
  const seen = new Set(values.filter((v) => v.series === 'realisation').map((v) => v.year));
  return years.filter((y) => seen.has(y));
}

// ---- Paste -------------------------------------------------------------------------------

/**
 * Where a paste lands. Columns are the editable target perubahan columns, year by year, skipping
 * the read-only ones between them (target awal, Δ, realisasi, capaian) — so a row of yearly
 * targets copied from a spreadsheet fills consecutive years. The justification column is not a
 * paste target: justifications are written one at a time (each its own undo step), while a
 * paste must stay one step.
 */
export type PasteAnchor = { kind: 'revised'; rowIndex: number; year: number } | { kind: 'read_only'; rowIndex: number };

/**
 * Why a pasted cell is not taken: text that is not a number, a value outside the indicator's
 * range, a read-only column (the block starts on one, or runs past the last target year into
 * kondisi akhir / alasan), or past the last indicator row.
 */
export type PasteProblem = 'not_a_number' | 'below_min' | 'above_max' | 'too_many_decimals' | 'too_large' | 'read_only' | 'outside';

export interface PastePlanCell {
  /** 1-based position in the pasted block. */
  blockRow: number;
  blockColumn: number;
  text: string;
  indicator: Indicator | null;
  year: number | null;
}

export interface PasteAccepted extends PastePlanCell {
  indicator: Indicator;
  year: number;
  /** null clears the target (an empty cell in the block). */
  value: number | null;
}

export interface PasteRejected extends PastePlanCell {
  problem: PasteProblem;
}

export interface PastePlan {
  accepted: PasteAccepted[];
  rejected: PasteRejected[];
  rows: number;
  columns: number;
}

/**
 * Maps a block (rows of raw cell strings from shared/model/paste.ts) onto the grid: block row i
 * goes to the i-th indicator row from the anchor (group header rows are not counted), block
 * column j to the j-th target year from the anchor's year. Each cell is read with the locale
 * parser and checked with checkCellValue (the write path's own rules); an empty cell clears the target.
 */
export function planPaste(block: readonly (readonly string[])[], anchor: PasteAnchor, indicatorRows: readonly Indicator[], years: readonly number[]): PastePlan {
  const accepted: PasteAccepted[] = [];
  const rejected: PasteRejected[] = [];
  const columns = block.reduce((w, r) => Math.max(w, r.length), 0);
  const startYearIndex = anchor.kind === 'revised' ? years.indexOf(anchor.year) : -1;
  block.forEach((cells, i) => {
    const indicator = indicatorRows[anchor.rowIndex + i] ?? null;
    for (let j = 0; j < columns; j++) {
      const text = cells[j] ?? '';
      const yearIndex = startYearIndex < 0 ? -1 : startYearIndex + j;
      const year = yearIndex >= 0 ? (years[yearIndex] ?? null) : null;
      const where: PastePlanCell = { blockRow: i + 1, blockColumn: j + 1, text, indicator, year };
      if (!indicator) {
        rejected.push({ ...where, problem: 'outside' });
        continue;
      }
      if (year === null) {
        rejected.push({ ...where, problem: 'read_only' });
        continue;
      }
      const parsed = parseNumber(text);
      if (!parsed.ok) {
        if (parsed.reason === 'empty') accepted.push({ ...where, indicator, year, value: null });
        else rejected.push({ ...where, problem: 'not_a_number' });
        continue;
      }
      const problem = checkCellValue(indicator, parsed.value);
      if (problem === 'below_min' || problem === 'above_max' || problem === 'not_a_number' || problem === 'too_many_decimals' || problem === 'too_large') rejected.push({ ...where, problem });
      else accepted.push({ ...where, indicator, year, value: parsed.value });
    }
  });
  return { accepted, rejected, rows: block.length, columns };
}
