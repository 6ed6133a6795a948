/**
 * Why a typed value was refused, beside its cell: a small callout under (or, near the window's
 * bottom, over) the refused cell, kept inside the visible window and following the cell as the
 * grid or the page scrolls. It stays until the planner acts — edits the cell again, presses Esc,
 * or dismisses it — and is announced once (role="alert").
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CellProblemState {
  rowId: string;
  colId: string;
  /** What the planner typed, kept visible in the cell. */
  text: string;
  message: string;
}

interface Props {
  problem: CellProblemState;
  /** The element the grid is drawn in; the cell is looked up inside it. */
  root: HTMLElement | null;
  onDismiss(): void;
}

const MARGIN = 8;

export function CellProblem({ problem, root, onDismiss }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number; side: 'below' | 'above' } | null>(null);

  const place = useCallback(() => {
    const el = box.current;
    const cell = root?.querySelector<HTMLElement>(`[row-id="${CSS.escape(problem.rowId)}"] [col-id="${CSS.escape(problem.colId)}"]`);
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    // Placed in window coordinates, kept in the window, then stored relative to the grid's box
    // (the callout is positioned inside it), so a change of layout above the grid moves both.
    const base = root?.getBoundingClientRect();
    // Without its cell on screen (scrolled away), the callout keeps to the grid's top edge.
    const anchor = cell?.getBoundingClientRect() ?? base;
    if (!anchor || !base) return;
    const below = anchor.bottom + 4 + h <= vh - MARGIN;
    const top = Math.max(MARGIN, Math.min(vh - h - MARGIN, below ? anchor.bottom + 4 : anchor.top - h - 4)) - base.top;
    const left = Math.max(MARGIN, Math.min(vw - w - MARGIN, anchor.left)) - base.left;
    setPos((p) => (p && p.left === left && p.top === top ? p : { left, top, side: below ? 'below' : 'above' }));
  }, [problem.rowId, problem.colId, root]);

  useLayoutEffect(() => {
    place();
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    // Capture: the grid's own viewports scroll without bubbling.
    document.addEventListener('scroll', later, true);
    window.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', later, true);
      window.removeEventListener('resize', later);
    };
  }, [place, problem.message]);

  return (
    <div
      ref={box}
      className={`cell-problem cell-problem-${pos?.side ?? 'below'}`}
      role="alert"
      data-testid="cell-problem"
      style={pos ? { left: pos.left, top: pos.top } : { left: 0, top: 0, visibility: 'hidden' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <span className="cell-problem-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="cell-problem-message">{problem.message}</span>
      <button type="button" className="button button-quiet cell-problem-close" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
      <span className="cell-problem-hint">{t('target.edit.fixHint')}</span>
    </div>
  );
}
