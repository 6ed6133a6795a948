/**
 * The Target grid's number cells as plain DOM renderers (AG Grid ICellRendererComp): kondisi
 * awal, target awal, realisasi, kondisi akhir (ValueCell), target perubahan (RevisedCell) and Δ
 * (DeltaCell). An edit redraws its row; these update their text in place, in the same task as
 * the grid's refresh — React cell renderers would each wait for another render pass. Words
 * (the "turunan" marker, Δ cues, labels) come from the grid context's `t`, so a language switch
 * (refreshCells force) redraws them.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { formatNumber, formatSignedNumber } from '../../../shared/format/number.js';
import { changeKind, deltaOf, endCondition, type TargetRow } from './model.js';

export interface CellContext {
  t(key: string, options?: Record<string, string>): string;
  lastYear: number;
  /** What was typed into a cell and refused before sending (shown in place of its value), if any. */
  refusedText?(rowId: string, colId: string): string | undefined;
}

type Params = ICellRendererParams<TargetRow, unknown, CellContext>;

function yearOf(params: Params): { kind: string; year: number } | null {
  const m = /^(orig|rev|delta|real|cap)-(\d{4})$/.exec(params.colDef?.colId ?? '');
  return m ? { kind: m[1]!, year: Number(m[2]) } : null;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A renderer that rebuilds its small DOM from a key: unchanged key, nothing touched. */
abstract class KeyedCell implements ICellRendererComp<TargetRow> {
  protected gui: HTMLElement = document.createElement('span');
  private key = '\u0000';

  init(params: Params): void {
    this.gui.className = 'cell-host';
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.draw(params);
    return true;
  }

  private draw(params: Params): void {
    const { key, build } = this.describe(params);
    if (key === this.key) return;
    this.key = key;
    this.gui.replaceChildren(...(build ? [build()] : []));
  }

  protected abstract describe(params: Params): { key: string; build: (() => HTMLElement) | null };
}

/** A read-only value, with the illustrative marker (*) and the kondisi akhir fallback note. */
export class ValueCell extends KeyedCell {
  protected describe(params: Params) {
    const row = params.data;
    if (row?.kind !== 'indicator') return { key: '', build: null };
    const { t } = params.context;
    const id = params.colDef?.colId ?? '';
    const parsed = yearOf(params);
    const d = row.indicator.decimals;
    let value: number | undefined;
    let illustrative = false;
    let fallback = false;
    if (id === 'baseline') {
      value = row.baseline?.value;
      illustrative = row.baseline?.illustrative ?? false;
    } else if (id === 'end') {
      const end = endCondition(row, params.context.lastYear);
      value = end?.value;
      fallback = end?.from === 'original';
    } else if (parsed?.kind === 'orig') {
      value = row.original[parsed.year]?.value;
      illustrative = row.original[parsed.year]?.illustrative ?? false;
    } else if (parsed?.kind === 'real') {
      value = row.realisation[parsed.year]?.value;
      illustrative = row.realisation[parsed.year]?.illustrative ?? false;
    }
    if (value === undefined) return { key: '', build: null };
    const text = formatNumber(value, d);
    const marker = illustrative ? t('value.illustrativeMarker') : '';
    const note = fallback ? t('target.grid.endFromOriginal') : '';
    return {
      key: `${text}|${marker}|${note}`,
      build: () => {
        const span = el('span', fallback ? 'value-cell value-fallback' : 'value-cell');
        span.append(el('span', 'value-number', text));
        const slot = el('span', 'marker-slot');
        if (illustrative) {
          const star = el('span', 'illustrative-marker', '*');
          star.setAttribute('role', 'img');
          star.setAttribute('aria-label', marker);
          star.dataset.illustrative = 'true';
          slot.append(star);
        }
        span.append(slot);
        if (fallback) span.append(el('span', 'visually-hidden', ` (${note})`));
        return span;
      },
    };
  }
}

/**
 * Target perubahan: the value; a derived one in italics with its "turunan" marker; a refused
 * typing as typed, struck through and marked, until the planner acts on it.
 */
export class RevisedCell extends KeyedCell {
  protected describe(params: Params) {
    const row = params.data;
    const parsed = yearOf(params);
    if (row?.kind !== 'indicator' || !parsed) return { key: '', build: null };
    const refused = params.context.refusedText?.(row.id, params.colDef?.colId ?? '');
    if (refused !== undefined) {
      const label = params.context.t('target.edit.refusedMarker');
      return {
        key: `refused|${refused}|${label}`,
        build: () => {
          const span = el('span', 'value-cell refused-value');
          span.dataset.refused = 'true';
          const mark = el('span', 'refused-marker', '⚠');
          mark.setAttribute('role', 'img');
          mark.setAttribute('aria-label', label);
          span.append(mark, el('span', 'refused-text', refused));
          return span;
        },
      };
    }
    const cell = row.revised[parsed.year];
    if (!cell) return { key: '', build: null };
    const derived = cell.origin === 'derived';
    const text = formatNumber(cell.value, row.indicator.decimals);
    const marker = derived ? params.context.t('target.derived.marker') : '';
    return {
      key: `${text}|${cell.origin}|${marker}`,
      build: () => {
        const span = el('span', derived ? 'value-cell revised-derived' : 'value-cell');
        span.dataset.origin = cell.origin;
        span.append(el('span', 'value-number', text));
        if (derived) span.append(el('span', 'derived-marker', marker));
        return span;
      },
    };
  }
}

/** Δ with its sign, coloured and labelled by whether it loosens or tightens the target. */
export class DeltaCell extends KeyedCell {
  protected describe(params: Params) {
    const row = params.data;
    const parsed = yearOf(params);
    if (row?.kind !== 'indicator' || !parsed) return { key: '', build: null };
    const delta = deltaOf(row, parsed.year);
    if (delta === null) return { key: '', build: null };
    const { t } = params.context;
    const { decimals, polarity } = row.indicator;
    const kind = changeKind(polarity, delta, decimals);
    const text = formatSignedNumber(delta, decimals);
    const label = `${text}, ${t(`target.delta.${kind}Long`)}`;
    const cue = kind === 'loosen' || kind === 'tighten' ? t(`target.delta.${kind}`) : '';
    return {
      key: `${text}|${kind}|${label}|${cue}`,
      build: () => {
        const span = el('span', `delta delta-${kind}`);
        span.dataset.change = kind;
        span.setAttribute('aria-label', label);
        const num = el('span', 'delta-number', text);
        num.setAttribute('aria-hidden', 'true');
        span.append(num);
        if (cue) {
          const c = el('span', 'delta-cue', cue);
          c.setAttribute('aria-hidden', 'true');
          span.append(c);
        }
        return span;
      },
    };
  }
}
