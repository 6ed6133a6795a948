/**
 * Column widths that fit their text: the Target grid's Δ and target perubahan columns are as wide
 * as their longest cell ("+931.700 longgar", "80.640 turunan"), so no cell is cut — and no wider,
 * so the years being revised fit beside the indicator names at 1366 px. Text is measured once per
 * character on a canvas in the grid's fonts (numbers are tabular), so a write re-measures only the
 * rows it changed.
 */
import { formatNumber, formatSignedNumber } from '../../../shared/format/number.js';
import { changeKind, deltaOf, type TargetIndicatorRow, type TargetRow } from './model.js';

/** The grid's cell text (theme fontSize 13, Δ numbers bold) and the cue/marker badges (10 px bold). */
const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const NUMBER_FONT = `400 13px ${FONT_STACK}`;
const BOLD_NUMBER_FONT = `600 13px ${FONT_STACK}`;
const BADGE_FONT = `700 10px ${FONT_STACK}`;
/** Cell padding (2 × 4 px, target theme), the badge's own padding (2 × 4) and gap (4), a safety margin for borders and rounding. */
const CELL_PADDING = 8;
const BADGE_PADDING = 8;
const GAP = 4;
const SAFETY = 4;

export const MIN_WIDTH = { orig: 64, rev: 88, delta: 56 } as const;

type Measure = (text: string, font: string) => number;

/** Canvas text measurement with a per-character cache (kerning is nil for tabular figures). */
function canvasMeasure(): Measure {
  const cache = new Map<string, number>();
  let ctx: CanvasRenderingContext2D | null | undefined;
  return (text, font) => {
    let width = 0;
    for (const ch of text) {
      const key = `${font}|${ch}`;
      let w = cache.get(key);
      if (w === undefined) {
        if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
        if (ctx) {
          ctx.font = font;
          w = ctx.measureText(ch).width;
        } else w = 8; // no canvas (tests in Node): a generous estimate
        cache.set(key, w);
      }
      width += w;
    }
    return width;
  };
}

export interface FitWords {
  /** The Δ cue words by change kind ("longgar", "ketat"), and the derived marker ("turunan"). */
  loosen: string;
  tighten: string;
  derived: string;
}

/** Widths a row's cells need, by column id (orig-YYYY, rev-YYYY, delta-YYYY). */
function rowNeeds(row: TargetIndicatorRow, years: readonly number[], words: FitWords, measure: Measure): Map<string, number> {
  const out = new Map<string, number>();
  const d = row.indicator.decimals;
  for (const year of years) {
    const delta = deltaOf(row, year);
    if (delta !== null) {
      const kind = changeKind(row.indicator.polarity, delta, d);
      const cue = kind === 'loosen' ? words.loosen : kind === 'tighten' ? words.tighten : '';
      const w = measure(formatSignedNumber(delta, d), BOLD_NUMBER_FONT) + (cue ? GAP + BADGE_PADDING + measure(cue, BADGE_FONT) : 0);
      out.set(`delta-${year}`, Math.ceil(w + CELL_PADDING + SAFETY));
    }
    const orig = row.original[year];
    if (orig) {
      // The illustrative marker's slot (.marker-slot) is always there: 2 px gap + the star.
      out.set(`orig-${year}`, Math.ceil(measure(formatNumber(orig.value, d), NUMBER_FONT) + 14 + CELL_PADDING + SAFETY));
    }
    const cell = row.revised[year];
    if (cell) {
      const marker = cell.origin === 'derived' ? 3 + BADGE_PADDING - 2 + measure(words.derived, BADGE_FONT) : 0;
      out.set(`rev-${year}`, Math.ceil(measure(formatNumber(cell.value, d), NUMBER_FONT) + marker + CELL_PADDING + SAFETY));
    }
  }
  return out;
}

/**
 * Keeps what each row needs and answers each column's width (its longest cell, at least the
 * column's minimum). `update` takes the new rows; a row object the last call saw is not measured
 * again, and a column's widest cell is looked for again only when a row that was that wide
 * narrows or goes — a write changes one row of hundreds.
 */
export class ColumnFit {
  private readonly measure: Measure;
  /** By row id: the row object last measured and what its cells need. */
  private readonly needs = new Map<string, { row: TargetRow; need: Map<string, number> }>();
  private readonly widths = new Map<string, number>();
  private readonly minimum = new Map<string, number>();

  constructor(
    private readonly years: readonly number[],
    private readonly words: FitWords,
    measure?: Measure,
  ) {
    this.measure = measure ?? canvasMeasure();
    for (const year of years) {
      this.minimum.set(`orig-${year}`, MIN_WIDTH.orig);
      this.minimum.set(`delta-${year}`, MIN_WIDTH.delta);
      this.minimum.set(`rev-${year}`, MIN_WIDTH.rev);
    }
    for (const [col, w] of this.minimum) this.widths.set(col, w);
  }

  /** Widths by column id after `rows`: every orig-YYYY, rev-YYYY and delta-YYYY of the years. */
  update(rows: readonly TargetRow[]): ReadonlyMap<string, number> {
    const ids = new Set<string>();
    const stale = new Set<string>();
    const change = (before: Map<string, number> | undefined, after: Map<string, number> | undefined) => {
      for (const [col, w] of before ?? []) if (w >= (this.widths.get(col) ?? 0) && (after?.get(col) ?? 0) < w) stale.add(col);
      for (const [col, w] of after ?? []) if (w > (this.widths.get(col) ?? 0)) this.widths.set(col, w);
    };
    for (const row of rows) {
      if (row.kind !== 'indicator') continue;
      ids.add(row.id);
      const before = this.needs.get(row.id);
      if (before?.row === row) continue;
      const need = rowNeeds(row, this.years, this.words, this.measure);
      change(before?.need, need);
      this.needs.set(row.id, { row, need });
    }
    for (const [id, { need }] of this.needs) {
      if (ids.has(id)) continue;
      this.needs.delete(id);
      change(need, undefined);
    }
    for (const col of stale) {
      let w = this.minimum.get(col) ?? 0;
      for (const { need } of this.needs.values()) w = Math.max(w, need.get(col) ?? 0);
      this.widths.set(col, w);
    }
    return this.widths;
  }
}
