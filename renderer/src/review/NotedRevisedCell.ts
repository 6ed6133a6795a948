/**
 * The Target grid's target perubahan cell with an Excel-comment-like marker: a red corner on a
 * cell (indicator × year) the governor's evaluation team left an open note on, the note in its
 * title and aria-label. RevisedCell (target/cells.ts) draws the value; this adds the corner only
 * where the grid context's noteAt answers — one Map lookup per drawn cell, nothing for the others.
 */
import type { ICellRendererParams } from 'ag-grid-community';
import { RevisedCell, type CellContext } from '../target/cells.js';
import type { TargetRow } from '../target/model.js';

/** What the grid context adds for the marker: the worded open note(s) of a cell, if any. */
export interface NoteContext extends CellContext {
  noteAt?(indicatorId: number, year: number): string | undefined;
}

type Params = ICellRendererParams<TargetRow, unknown, NoteContext>;

export class NotedRevisedCell extends RevisedCell {
  protected override describe(params: Params): { key: string; build: (() => HTMLElement) | null } {
    const base = super.describe(params);
    const row = params.data;
    const m = /^rev-(\d{4})$/.exec(params.colDef?.colId ?? '');
    const note = row?.kind === 'indicator' && m ? params.context.noteAt?.(row.indicator.id, Number(m[1])) : undefined;
    if (note === undefined) return base;
    return {
      key: `${base.key}|note|${note}`,
      build: () => {
        const host = document.createElement('span');
        host.className = 'review-noted';
        const inner = base.build?.();
        if (inner) host.append(inner);
        const marker = document.createElement('span');
        marker.className = 'review-marker';
        marker.setAttribute('role', 'img');
        marker.setAttribute('aria-label', note);
        marker.title = note;
        marker.dataset.reviewNote = 'open';
        host.append(marker);
        return host;
      },
    };
  }
}
