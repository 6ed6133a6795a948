/**
 * The target grid: indicators (grouped makro / kemiskinan) × kondisi awal, then per target year
 * "target awal | target perubahan | Δ" (plus realisasi | capaian when shown), kondisi akhir and
 * alasan perubahan. Only target perubahan and alasan are editable, with Excel's keys: arrows,
 * Enter/Tab move, typing replaces, F2 edits, Escape cancels, Delete/Backspace clears. Ctrl+V
 * pastes a spreadsheet block (our own clipboard: AG Grid's is Enterprise), Ctrl+C copies the
 * focused cell. An edit never writes the grid's data: the column's valueSetter hands the typed value
 * to the view (in the key's own task, so the first frame after Enter shows it) and answers
 * "unchanged"; a valid typed value is shown at once and the
 * service's answer then replaces it (useScenario takes back a refused one). A value refused before
 * sending (not a number, out of range) stays in its cell, marked, with the reason beside it
 * (CellProblem) until the planner edits the cell again, presses Esc or dismisses it.
 *
 * Excel's keys beyond AG Grid's: Home/End go to the first/last column of the focused row,
 * Ctrl+Home/Ctrl+End to the grid's corners; Tab from a header goes into the cells (Shift+Tab
 * leaves the grid) instead of walking every header cell.
 *
 * The grid fills the height it is given and scrolls inside it; its Δ and target perubahan columns
 * are as wide as their longest cell (fit.ts), and it opens scrolled to the years being revised
 * (after the revision date). Realised years can be hidden.
 */
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClickedEvent,
  type CellFocusedEvent,
  type ColDef,
  type ColGroupDef,
  type Column,
  type GetRowIdParams,
  type GridReadyEvent,
  type GridSizeChangedEvent,
  type GridApi,
  type HeaderPosition,
  type RowClassParams,
  type TabToNextHeaderParams,
  type TooltipCallbackParams,
  type ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POPULATION_CODE, RATE_COUNT_PAIRS, type Indicator, type Plan } from '../../../shared/domain.js';
import { formatForEditing, formatNumber, formatSignedNumber, parseNumber, type ParseFailure } from '../../../shared/format/number.js';
import { ModelError } from '../../../shared/model/errors.js';
import type { CapaianContext } from '../../../shared/model/capaian.js';
import { changeUnit } from '../../../shared/model/checks.js';
import { isRealisedYear, lastRealisedYear } from '../../../shared/model/revision.js';
import { parseClipboard, toTsv } from '../../../shared/model/paste.js';
import { checkCellValue, type CellProblem as CellProblemKind } from '../../../shared/model/cell-rules.js';
import { styleNonce } from '../api.js';
import { DeltaCell, ValueCell, type CellContext } from './cells.js';
import { NotedRevisedCell, type NoteContext } from '../review/NotedRevisedCell.js';
import { CellProblem } from './CellProblem.js';
import { ColumnFit, MIN_WIDTH } from './fit.js';
import { targetGridTheme } from './theme.js';
import './target.css';
import {
  CAPAIAN_DECIMALS,
  DEFAULT_CAPAIAN_CONTEXT,
  capaianOf,
  capaianTone,
  changeKind,
  type CapaianCell as CapaianCellModel,
  deltaOf,
  endCondition,
  type PasteAnchor,
  type TargetIndicatorRow,
  type TargetRow,
} from './model.js';
import { isTextEditor } from './useHistory.js';
import { useLatest } from '../useLatest.js';
import { useCellProblemText, useModelErrorText, useRangeText } from './text.js';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Column ids: name, unit, baseline, orig-YYYY, rev-YYYY, delta-YYYY, real-YYYY, cap-YYYY, end, justification. */
type ColKind = 'orig' | 'rev' | 'delta' | 'real' | 'cap';
export const colId = (kind: ColKind, year: number) => `${kind}-${year}`;
export function parseColId(id: string): { kind: ColKind; year: number } | null {
  const m = /^(orig|rev|delta|real|cap)-(\d{4})$/.exec(id);
  return m ? { kind: m[1] as ColKind, year: Number(m[2]) } : null;
}

export interface CellEdit {
  indicator: Indicator;
  year: number;
  value: number | null;
}

export interface FocusInfo {
  row: TargetIndicatorRow | null;
  colId: string | null;
  /** The focus moved because Enter or Tab committed an edit (not the planner moving to look at another cell). */
  afterEdit?: boolean;
}

/** A cell another view asked to open (Pemeriksaan); seq makes a repeated request a new one. */
export interface GridFocusTarget {
  rowId: string;
  colId: string;
  seq: number;
}

interface Props {
  focusCell?: GridFocusTarget | null;
  plan: Plan;
  years: number[];
  rows: TargetRow[];
  /** False without a selected scenario: nothing is editable. */
  editable: boolean;
  showCapaian: boolean;
  capaianYears: number[];
  /** Hide the columns of the years realised by the revision date (isRealisedYear). */
  hideRealised?: boolean;
  /**
   * What capaian is measured with: the workbook's band scale (summary.settings.capaianBands), the
   * formula chosen per indicator (capaian.list) and the method breaks (methodBreaks.list) — build
   * it with capaianContext() from shared/model/capaian.ts. Default: Permendagri 86/2017 bands,
   * each polarity's default formula, no breaks.
   */
  capaian?: CapaianContext;
  /** summary.settings.revisionDate: capaian of a realisation published after it is marked as monitoring. */
  revisionDate?: string | null;
  onEdit(edit: CellEdit, action: 'target.edit' | 'target.clear'): void;
  onJustification(indicator: Indicator, text: string): void;
  onPaste(block: string[][], anchor: PasteAnchor | null): void;
  /** A message for the inline alert (invalid typing, a refused paste); null clears it. */
  onMessage(message: string | null): void;
  onFocus(focus: FocusInfo): void;
  /** A row's cell was clicked: its indicator is the one the planner is looking at. */
  onPick?(indicator: Indicator): void;
  /**
   * Open evaluation notes by `${indicatorId}:${year}`, worded: their target perubahan cell gets a
   * comment marker with the words (review/NotedRevisedCell.ts) and they join its tooltip.
   */
  notes?: ReadonlyMap<string, string>;
}


const getRowId = (p: GetRowIdParams<TargetRow>) => p.data.id;

/** What an edited cell's valueSetter passes on: the row, its column, the typed value and the grid. */
type TakenEdit = Pick<ValueSetterParams<TargetRow>, 'data' | 'colDef' | 'newValue' | 'api' | 'node'>;

/** A typed value refused before sending: what was typed, where, and why (worded at render, in the UI's language). */
interface RefusedCell {
  rowId: string;
  colId: string;
  text: string;
  indicator: Indicator;
  year: number;
  why: { kind: 'parse'; reason: Exclude<ParseFailure, 'empty'> } | { kind: 'problem'; problem: CellProblemKind; value: number } | { kind: 'range'; value: number };
}

/**
 * The grid scrolls inside the height the view gives it (rows are drawn as they come into view).
 * Up to this many rows every column is drawn too; above it, only the columns in view — a
 * province-size RPJMD (hundreds of indicators × 30+ columns) would otherwise keep tens of
 * thousands of cells in the page.
 */
const ALL_COLUMNS_MAX_ROWS = 60;

/** Up to this many changed rows reach the grid row by row (RowNode.updateData); more, as one transaction. */
const FEW_ROWS = 16;

/** The same array object while the items are the same objects in the same order. */
function useStableList<T>(items: T[]): T[] {
  const [stable, setStable] = useState(items);
  if (stable !== items && (stable.length !== items.length || stable.some((x, i) => x !== items[i]))) {
    setStable(items);
    return items;
  }
  return stable;
}
const getRowClass = (p: RowClassParams<TargetRow>) => (p.data?.kind === 'group' ? 'group-row' : undefined);

/** Name column: the indicator, or a group label on a group row. */
function NameCell(props: CustomCellRendererProps<TargetRow>) {
  const { t } = useTranslation();
  const row = props.data;
  if (row?.kind === 'group') return <span className="group-label">{t(`grid.group.${row.group}`)}</span>;
  return <span className="indicator-name">{props.value as string}</span>;
}

/** What a capaian column's renderer is given besides the row (cellRendererParams). */
interface CapaianParams {
  capaian: CapaianContext;
  lastRealised: number | null;
}

/** "tidak tercapai, selisih 0,62 poin persen" for a missed target; null otherwise. */
function useStatusText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return useCallback(
    (row: TargetIndicatorRow, c: CapaianCellModel): string | null => {
      if (c.status === 'achieved') return t('target.capaian.achieved');
      if (c.status !== 'not_achieved' || c.gap === null) return null;
      return t('target.capaian.notAchievedGap', { gap: formatNumber(c.gap, row.indicator.decimals), unit: changeUnit(row.indicator)[lang] });
    },
    [t, lang],
  );
}

/**
 * Capaian: percent and category (text, not colour only), "tidak tercapai" with the gap when the
 * target was missed in its direction whatever the category, "tidak sebanding" across a change of
 * method (the break's note in the tooltip).
 */
function CapaianCell(props: CustomCellRendererProps<TargetRow> & Partial<CapaianParams>) {
  const { t } = useTranslation();
  const statusText = useStatusText();
  const row = props.data;
  const parsed = parseColId(props.colDef?.colId ?? '');
  if (row?.kind !== 'indicator' || !parsed) return null;
  const c = capaianOf(row, parsed.year, props.capaian ?? DEFAULT_CAPAIAN_CONTEXT, props.lastRealised ?? null);
  if (!c) return null;
  const after = c.afterRevision ? t('target.capaian.afterRevision') : undefined;
  if (c.result.kind === 'not_comparable') {
    const detail = t('target.capaian.notComparableDetail', { year: String(c.result.methodBreak.year), note: c.result.methodBreak.note });
    return (
      <span className="capaian capaian-not-comparable muted" data-status="not_comparable" title={detail}>
        {t('target.capaian.notComparable')}
        <span className="visually-hidden">{` — ${detail}`}</span>
      </span>
    );
  }
  const status = statusText(row, c);
  const missed =
    c.status === 'not_achieved' && status ? (
      <span className="delta-loosen capaian-status" data-status="not_achieved">
        <span className="delta-cue">{status}</span>
      </span>
    ) : null;
  if (c.result.kind !== 'value' || !c.band) {
    return (
      <span className="capaian" data-status={c.status ?? undefined} title={after}>
        <span className="muted">{t('target.capaian.none')}</span>
        {missed}
      </span>
    );
  }
  return (
    <span className={`capaian capaian-${capaianTone(c.band)}`} data-band={c.band} data-status={c.status ?? undefined} data-after-revision={c.afterRevision || undefined} title={after}>
      <span className="value-number">{formatNumber(c.result.percent, CAPAIAN_DECIMALS)} %</span>
      <span className="band-pill">{t(`target.capaian.bands.${c.band}`)}</span>
      {missed}
    </span>
  );
}

function JustificationCell(props: CustomCellRendererProps<TargetRow>) {
  const row = props.data;
  if (row?.kind !== 'indicator' || !row.justification) return null;
  return <span className="justification-text">{row.justification}</span>;
}

/** Tab on a header goes down into the cells (the header cell's column); Shift+Tab leaves the grid. */
function tabToNextHeader(p: TabToNextHeaderParams<TargetRow>): HeaderPosition | boolean {
  if (p.backwards) return false;
  const col = p.previousHeaderPosition?.column;
  const leaf = col && 'getLeafColumns' in col ? col.getLeafColumns()[0] : (col as Column | undefined);
  return leaf ? { headerRowIndex: -1, column: leaf } : false;
}

export function TargetGrid({ focusCell, plan, years: allYears, rows, editable, showCapaian, capaianYears, hideRealised = false, capaian = DEFAULT_CAPAIAN_CONTEXT, revisionDate = null, onEdit, onJustification, onPaste, onMessage, onFocus, onPick, notes }: Props) {
  const { t, i18n } = useTranslation();
  const statusText = useStatusText();
  const lastRealised = lastRealisedYear(revisionDate);
  const lang = i18n.language;
  const gridApi = useRef<GridApi<TargetRow> | null>(null);
  const nonce = useMemo(() => styleNonce(), []);
  const rangeText = useRangeText();
  const problemText = useCellProblemText();
  const modelErrorText = useModelErrorText();
  const [focused, setFocused] = useState<{ rowId: string; colId: string } | null>(null);
  const [gridReady, setGridReady] = useState(false);
  const [rootEl, setRootEl] = useState<HTMLDivElement | null>(null);
  // The value refused before sending, kept in its cell with the reason beside it.
  const [problem, setProblemState] = useState<RefusedCell | null>(null);
  const problemRef = useRef<RefusedCell | null>(null);
  const years = useMemo(() => (hideRealised ? allYears.filter((y) => !isRealisedYear(y, revisionDate)) : allYears), [allYears, hideRealised, revisionDate]);
  const firstRevisionYear = allYears.find((y) => !isRealisedYear(y, revisionDate)) ?? null;

  const nameOf = useCallback((ind: Indicator) => (lang === 'en' ? ind.nameEn : ind.nameId), [lang]);
  // Keyed by the indicators, not the rows: a write changes rows, and the column definitions (which
  // read these) must stay the same objects or the grid redraws every cell.
  const indicators = useStableList(rows.flatMap((r) => (r.kind === 'indicator' ? [r.indicator] : [])));
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const indicatorRows = useMemo(() => rows.filter((r): r is TargetIndicatorRow => r.kind === 'indicator'), [rows]);
  // Read through a ref, so the context (and every cell) stays the same when the notes change; the
  // target perubahan cells are redrawn then (below), and each draws its marker from noteAt.
  const notesRef = useLatest(notes);
  const context = useMemo(
    () => ({
      nameOf,
      byCode,
      lastYear: plan.lastYear,
      t: (key: string, options?: Record<string, string>) => String(t(key as never, options as never)),
      refusedText: (rowId: string, colId: string) => {
        const p = problemRef.current;
        return p && p.rowId === rowId && p.colId === colId ? p.text : undefined;
      },
      noteAt: (indicatorId: number, year: number) => notesRef.current?.get(`${indicatorId}:${year}`),
    }),
    [nameOf, byCode, plan.lastYear, t, notesRef],
  );

  /** Shows (or clears) a refused value in its cell: the cell redraws with the typed text, marked. */
  const setProblem = useCallback((next: RefusedCell | null) => {
    const prev = problemRef.current;
    problemRef.current = next;
    setProblemState(next);
    const api = gridApi.current;
    if (!api) return;
    for (const p of [prev, next]) {
      const node = p ? api.getRowNode(p.rowId) : undefined;
      if (p && node) api.refreshCells({ rowNodes: [node], columns: [p.colId], force: true });
    }
  }, []);

  // New notes (an import, a follow-up saved, an undo): redraw the target perubahan cells, whose
  // renderer draws the marker; the cells keep their DOM where nothing changed (KeyedCell).
  const drawnNotes = useRef<ReadonlyMap<string, string> | undefined>(undefined);
  useEffect(() => {
    if (!gridReady) return;
    const before = drawnNotes.current;
    drawnNotes.current = notes;
    if ((before?.size ?? 0) === 0 && (notes?.size ?? 0) === 0) return; // none then, none now
    gridApi.current?.refreshCells({ columns: years.map((y) => colId('rev', y)), force: true });
  }, [notes, gridReady, years]);

  // Target awal, target perubahan and Δ columns as wide as their longest cell (fit.ts), applied
  // to the grid as rows change (the column definitions give only the first width).
  const fitter = useMemo(
    () => new ColumnFit(allYears, { loosen: t('target.delta.loosen'), tighten: t('target.delta.tighten'), derived: t('target.derived.marker') }),
    [allYears, t],
  );

  const cellName = useCallback((ind: Indicator, year?: number) => (year === undefined ? nameOf(ind) : t('target.edit.cell', { indicator: nameOf(ind), year: String(year) })), [nameOf, t]);

  /** Tooltip of a derived target: what it is computed from. */
  const derivedTooltip = useCallback(
    (ind: Indicator, year: number): string => {
      const pair = RATE_COUNT_PAIRS.find((p) => p.rate === ind.code || p.count === ind.code);
      const population = byCode.get(POPULATION_CODE);
      const popName = population ? nameOf(population).toLowerCase() : POPULATION_CODE;
      if (!pair) return t('target.derived.generic');
      const isCount = pair.count === ind.code;
      const source = byCode.get(isCount ? pair.rate : pair.count);
      return t(isCount ? 'target.derived.fromRate' : 'target.derived.fromCount', {
        source: source ? nameOf(source) : isCount ? pair.rate : pair.count,
        population: popName,
        year: String(year),
      });
    },
    [byCode, nameOf, t],
  );

  /** Plain-language description of a cell, for the detail line and the copy text. */
  const describe = useCallback(
    (row: TargetIndicatorRow, id: string): { text: string; copy: string } => {
      const ind = row.indicator;
      const d = ind.decimals;
      const name = nameOf(ind);
      const unit = ind.unit;
      const parsed = parseColId(id);
      const line = (label: string, value: string, extra = '') =>
        `${name} · ${label}: ${value ? `${value} ${unit}`.trim() : t('target.grid.noValue')}${extra}`;
      if (id === 'name') return { text: `${name} (${unit}). ${ind.definition}`, copy: name };
      if (id === 'unit') return { text: `${name}: ${unit}`, copy: unit };
      if (id === 'baseline') {
        const v = formatNumber(row.baseline?.value, d);
        return { text: line(t('target.grid.baselineYear', { year: String(plan.baselineYear) }), v), copy: formatForEditing(row.baseline?.value, d) };
      }
      if (id === 'end') {
        const end = endCondition(row, plan.lastYear);
        const extra = end?.from === 'original' ? ` (${t('target.grid.endFromOriginal')})` : '';
        return { text: line(t('target.grid.endYear', { year: String(plan.lastYear) }), formatNumber(end?.value, d), extra), copy: formatForEditing(end?.value, d) };
      }
      if (id === 'justification') {
        return { text: `${name} · ${t('target.grid.justification')}: ${row.justification || t('target.grid.noJustification')}`, copy: row.justification };
      }
      if (!parsed) return { text: name, copy: '' };
      const y = String(parsed.year);
      switch (parsed.kind) {
        case 'orig': {
          const v = row.original[parsed.year];
          const extra = v?.illustrative ? ` (${t('value.illustrative')})` : '';
          return { text: line(`${t('target.grid.original')} ${y}`, formatNumber(v?.value, d), extra), copy: formatForEditing(v?.value, d) };
        }
        case 'rev': {
          const c = row.revised[parsed.year];
          const extra = c?.origin === 'derived' ? ` — ${t('target.derived.marker')}: ${derivedTooltip(ind, parsed.year)}` : '';
          return { text: line(`${t('target.grid.revised')} ${y}`, formatNumber(c?.value, d), extra), copy: formatForEditing(c?.value, d) };
        }
        case 'delta': {
          const delta = deltaOf(row, parsed.year);
          if (delta === null) return { text: line(`Δ ${y}`, ''), copy: '' };
          const kind = changeKind(ind.polarity, delta, d);
          return { text: line(`Δ ${y}`, formatSignedNumber(delta, d), ` — ${t(`target.delta.${kind}Long`)}`), copy: formatSignedNumber(delta, d) };
        }
        case 'real': {
          const v = row.realisation[parsed.year];
          return { text: line(`${t('target.grid.realisation')} ${y}`, formatNumber(v?.value, d)), copy: formatForEditing(v?.value, d) };
        }
        case 'cap': {
          const c = capaianOf(row, parsed.year, capaian, lastRealised);
          if (!c) return { text: `${name} · ${t('target.grid.capaian')} ${y}: ${t('target.grid.noValue')}`, copy: '' };
          const after = c.afterRevision ? ` — ${t('target.capaian.afterRevision')}` : '';
          if (c.result.kind === 'not_comparable') {
            const detail = t('target.capaian.notComparableDetail', { year: String(c.result.methodBreak.year), note: c.result.methodBreak.note });
            return { text: `${name} · ${t('target.grid.capaian')} ${y}: ${detail}${after}`, copy: '' };
          }
          const status = statusText(row, c);
          if (c.result.kind === 'not_computable' || !c.band) {
            const reason = c.result.kind === 'not_computable' ? t(`target.capaian.reasons.${c.result.reason}`) : '';
            return { text: `${name} · ${t('target.grid.capaian')} ${y}: ${t('target.capaian.none')} — ${reason}${status ? `; ${status}` : ''}${after}`, copy: '' };
          }
          const percent = formatNumber(c.result.percent, CAPAIAN_DECIMALS);
          return {
            text: `${name} · ${t('target.grid.capaian')} ${y}: ${t('target.capaian.detail', {
              percent,
              band: t(`target.capaian.bands.${c.band}`),
              status: status ?? '',
              realisation: formatNumber(c.realisation, d),
              against: t(`target.capaian.against.${c.against}`),
              target: formatNumber(c.target, d),
              formula: t(`target.capaian.formulas.${c.result.formula}`),
            })}${after}`,
            copy: percent,
          };
        }
      }
    },
    [nameOf, plan, t, derivedTooltip, capaian, lastRealised, statusText],
  );

  // What an edited cell's valueSetter calls: the latest takeEdit (below), without making the columns again.
  const takeEditRef = useRef<(p: TakenEdit) => void>(() => undefined);
  const valueSetter = useCallback((p: ValueSetterParams<TargetRow>) => {
    takeEditRef.current(p);
    return false; // the grid's data is the view's rows, replaced when they change
  }, []);

  const columnDefs = useMemo((): (ColDef<TargetRow> | ColGroupDef<TargetRow>)[] => {
    const isEditable = (p: { data?: TargetRow }) => editable && p.data?.kind === 'indicator';
    const tooltipOf = (p: TooltipCallbackParams<TargetRow>) => {
      const id = p.colDef && 'colId' in p.colDef ? p.colDef.colId : undefined;
      return p.data?.kind === 'indicator' && id ? describe(p.data, id).text : undefined;
    };
    // initialWidth: new column definitions (another language, capaian shown) keep the widths fitted since.
    const numeric = (id: string, headerName: string, width: number, extra: ColDef<TargetRow> = {}): ColDef<TargetRow> => ({
      colId: id,
      headerName,
      initialWidth: width,
      minWidth: 56,
      type: 'rightAligned',
      cellClass: ['num-cell', 'ag-right-aligned-cell'],
      cellRenderer: ValueCell,
      tooltip: tooltipOf,
      ...extra,
    });
    const yearGroup = (year: number): ColGroupDef<TargetRow> => {
      const children: ColDef<TargetRow>[] = [
        numeric(colId('orig', year), t('target.grid.original'), MIN_WIDTH.orig, {
          valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.original[year]?.value : undefined),
        }),
        numeric(colId('rev', year), t('target.grid.revised'), MIN_WIDTH.rev, {
          cellClass: (p) => ['num-cell', 'ag-right-aligned-cell', isEditable(p) ? 'editable-cell' : 'locked-cell'],
          cellClassRules: { 'cell-refused': (p) => p.data !== undefined && (p.context as CellContext).refusedText?.(p.data.id, colId('rev', year)) !== undefined },
          valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.revised[year]?.value : undefined),
          valueSetter,
          // The editor opens on what was typed when that was refused, so it can be corrected.
          valueFormatter: (p) => {
            if (p.data?.kind !== 'indicator') return '';
            const refused = (p.context as CellContext).refusedText?.(p.data.id, colId('rev', year));
            if (refused !== undefined) return refused;
            return formatForEditing(p.value as number | undefined, p.data.indicator.decimals);
          },
          cellRenderer: NotedRevisedCell,
          tooltip: (p: TooltipCallbackParams<TargetRow>) => {
            const base = tooltipOf(p);
            const note = p.data?.kind === 'indicator' ? (p.context as NoteContext).noteAt?.(p.data.indicator.id, year) : undefined;
            return note === undefined ? base : base ? `${base}\n${note}` : note;
          },
          editable: isEditable,
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true, maxLength: 40 },
        }),
        numeric(colId('delta', year), t('target.grid.delta'), MIN_WIDTH.delta, {
          headerTooltip: t('target.grid.deltaTooltip'),
          cellRenderer: DeltaCell,
          valueGetter: (p) => (p.data?.kind === 'indicator' ? deltaOf(p.data, year) : undefined),
        }),
      ];
      if (showCapaian && capaianYears.includes(year)) {
        children.push(
          numeric(colId('real', year), t('target.grid.realisation'), 84, {
            cellClass: ['num-cell', 'ag-right-aligned-cell', 'capaian-col'],
            valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.realisation[year]?.value : undefined),
          }),
          numeric(colId('cap', year), t('target.grid.capaian'), 290, {
            cellClass: ['num-cell', 'ag-right-aligned-cell', 'capaian-col'],
            cellRenderer: CapaianCell,
            cellRendererParams: { capaian, lastRealised } satisfies CapaianParams,
            headerTooltip: `${t('target.capaian.legend')} ${t(`target.capaian.legendScales.${capaian.scale}`)}`,
          }),
        );
      }
      // A year after the plan period belongs to the RPKD/RPD horizon: named so in its header.
      if (year > plan.lastYear) {
        return { groupId: `year-${year}`, headerName: t('target.grid.horizonYear', { year: String(year) }), headerTooltip: t('target.grid.horizonTooltip', { last: String(plan.lastYear) }), headerClass: ['year-group-header', 'horizon-year-header'], children };
      }
      return { groupId: `year-${year}`, headerName: String(year), headerClass: 'year-group-header', children };
    };
    return [
      {
        colId: 'name',
        headerName: t('grid.indicator'),
        pinned: 'left',
        // Names wrap onto a second line (target.css) rather than being cut, so the column stays
        // narrow enough for the years being revised beside it.
        width: 172,
        minWidth: 150,
        cellClass: 'name-cell',
        valueGetter: (p) => (p.data?.kind === 'indicator' ? nameOf(p.data.indicator) : ''),
        cellRenderer: NameCell,
        tooltip: (p: TooltipCallbackParams<TargetRow>) =>
          p.data?.kind === 'indicator' && p.data.indicator.definition ? p.data.indicator.definition : undefined,
      },
      {
        colId: 'unit',
        headerName: t('grid.unit'),
        width: 84,
        cellClass: 'unit-cell',
        valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.indicator.unit : ''),
      },
      {
        groupId: 'baseline-group',
        headerName: t('target.grid.baseline'),
        headerClass: 'year-group-header',
        children: [
          numeric('baseline', String(plan.baselineYear), 104, {
            headerTooltip: t('grid.baselineGroupTooltip', { year: String(plan.baselineYear) }),
            valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.baseline?.value : undefined),
          }),
        ],
      },
      ...years.map(yearGroup),
      {
        groupId: 'end-group',
        headerName: t('target.grid.end'),
        headerClass: 'year-group-header',
        children: [
          numeric('end', String(plan.lastYear), 112, {
            headerTooltip: t('target.grid.endTooltip', { year: String(plan.lastYear) }),
            valueGetter: (p) => (p.data?.kind === 'indicator' ? endCondition(p.data, plan.lastYear)?.value : undefined),
          }),
        ],
      },
      {
        colId: 'justification',
        headerName: t('target.grid.justification'),
        minWidth: 280,
        flex: 1,
        cellClass: (p) => ['justification-cell', isEditable(p) ? 'editable-cell' : 'locked-cell'],
        valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.justification : ''),
        cellRenderer: JustificationCell,
        editable: isEditable,
        valueSetter,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 4000, rows: 6, cols: 52 },
        tooltip: (p: TooltipCallbackParams<TargetRow>) => (p.data?.kind === 'indicator' && p.data.justification ? p.data.justification : undefined),
      },
    ];
  }, [years, plan, editable, showCapaian, capaianYears, capaian, lastRealised, t, nameOf, describe, valueSetter]);

  const defaultColDef = useMemo<ColDef<TargetRow>>(
    () => ({ sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true, filter: false, wrapHeaderText: true, autoHeaderHeight: true }),
    [],
  );

  const rowOf = (api: GridApi<TargetRow>, rowIndex: number): TargetRow | undefined => api.getDisplayedRowAtIndex(rowIndex)?.data;

  /** Parses what was typed and asks for the change; refuses invalid text inline, sending nothing. */
  const takeEdit = useCallback(
    (e: TakenEdit) => {
      const row = e.data;
      const id = e.colDef.colId ?? '';
      if (row?.kind !== 'indicator') return;
      if (id === 'justification') {
        const text = typeof e.newValue === 'string' ? e.newValue : '';
        if (text.trim() === row.justification) return;
        onMessage(null);
        onJustification(row.indicator, text);
        return;
      }
      const parsed = parseColId(id);
      if (parsed?.kind !== 'rev') return;
      const current = row.revised[parsed.year]?.value;
      const raw = e.newValue;
      const wasRefused = problemRef.current !== null;
      // Refused before sending: the typed text stays in the cell with the reason beside it, and
      // the focus comes back to the cell (after the grid's own Enter/Tab move) to correct it.
      const refuse = (why: RefusedCell['why']) => {
        setProblem({ rowId: row.id, colId: id, text: String(raw ?? '').trim(), indicator: row.indicator, year: parsed.year, why });
        const api = e.api;
        const rowIndex = e.node?.rowIndex ?? null;
        queueMicrotask(() => {
          if (rowIndex !== null && problemRef.current?.rowId === row.id && api.getEditingCells().length === 0) api.setFocusedCell(rowIndex, id);
        });
      };
      let value: number | null;
      if (raw === null || raw === undefined) value = null;
      else if (typeof raw === 'number') value = raw;
      else {
        const result = parseNumber(String(raw));
        if (!result.ok && result.reason !== 'empty') {
          refuse({ kind: 'parse', reason: result.reason });
          return;
        }
        value = result.ok ? result.value : null;
      }
      if (wasRefused) setProblem(null);
      if (value === null ? current === undefined : value === current) return;
      if (value !== null) {
        const problem = checkCellValue(row.indicator, value);
        if (problem && problem !== 'below_min' && problem !== 'above_max') {
          refuse({ kind: 'problem', problem, value });
          return;
        }
        if (problem) {
          refuse({ kind: 'range', value });
          return;
        }
      }
      onMessage(null);
      // Shown in this task (the key's): onEdit draws the view synchronously (flushSync in
      // useScenario), and the grid takes the new row while React commits (below).
      onEdit({ indicator: row.indicator, year: parsed.year, value }, value === null ? 'target.clear' : 'target.edit');
    },
    [onEdit, onJustification, onMessage, setProblem],
  );
  useLayoutEffect(() => {
    takeEditRef.current = takeEdit;
  }, [takeEdit]);

  /**
   * Excel's Home/End (first/last column of the focused row) and Ctrl+Home/Ctrl+End (the grid's
   * corners) — AG Grid's own Home/End go to the corners; Escape drops a refused value.
   */
  const navigateKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, api: GridApi<TargetRow>): boolean => {
      if (e.key === 'Escape' && problemRef.current && !e.ctrlKey && !e.altKey && !e.metaKey) {
        setProblem(null);
        return true;
      }
      if ((e.key !== 'Home' && e.key !== 'End') || e.altKey || e.shiftKey) return false;
      const pos = api.getFocusedCell();
      if (!pos || pos.rowPinned) return false;
      const cols = api.getAllDisplayedColumns();
      const col = e.key === 'Home' ? cols[0] : cols[cols.length - 1];
      const ctrl = e.ctrlKey || e.metaKey;
      const rowIndex = ctrl ? (e.key === 'Home' ? 0 : api.getDisplayedRowCount() - 1) : pos.rowIndex;
      if (!col || rowIndex < 0) return false;
      api.ensureIndexVisible(rowIndex);
      api.ensureColumnVisible(col);
      api.setFocusedCell(rowIndex, col);
      return true;
    },
    [setProblem],
  );

  // Set by the Enter or Tab that ends an edit (keydown, before the grid moves the focus); taken by
  // the focus event that move causes (the grid sends its events after the key's task).
  const committedByKey = useRef(false);

  /** Delete / Backspace on a focused editable cell (not while editing) clears it at once. */
  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      // (Any other key clears it: an arrow pressed later moves the chart with the focus.)
      committedByKey.current = api !== null && (e.key === 'Enter' || e.key === 'Tab') && api.getEditingCells().length > 0;
      if (!api || api.getEditingCells().length > 0 || isTextEditor(e.target as Element)) return;
      if (api.getFocusedCell() && (e.target as Element).closest('.ag-cell') && navigateKey(e, api)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if ((e.key !== 'Delete' && e.key !== 'Backspace') || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const pos = api.getFocusedCell();
      if (!pos) return;
      const row = rowOf(api, pos.rowIndex);
      const id = pos.column.getColId();
      if (row?.kind !== 'indicator') return;
      const parsed = parseColId(id);
      const isTarget = parsed?.kind === 'rev';
      if (!isTarget && id !== 'justification') return;
      e.preventDefault();
      e.stopPropagation();
      if (!editable) return;
      if (problemRef.current?.rowId === row.id && problemRef.current.colId === id) setProblem(null);
      if (id === 'justification') {
        if (row.justification) onJustification(row.indicator, '');
        return;
      }
      if (parsed && row.revised[parsed.year]) {
        onMessage(null);
        onEdit({ indicator: row.indicator, year: parsed.year, value: null }, 'target.clear');
      }
    },
    [editable, navigateKey, onEdit, onJustification, onMessage, setProblem],
  );

  const anchorOf = useCallback((): PasteAnchor | null => {
    const api = gridApi.current;
    const pos = api?.getFocusedCell();
    if (!api || !pos) return null;
    const row = rowOf(api, pos.rowIndex);
    if (row?.kind !== 'indicator') return null;
    const rowIndex = indicatorRows.findIndex((r) => r.id === row.id);
    const parsed = parseColId(pos.column.getColId());
    return parsed?.kind === 'rev' ? { kind: 'revised', rowIndex, year: parsed.year } : { kind: 'read_only', rowIndex };
  }, [indicatorRows]);

  const handlePaste = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      if (isTextEditor(e.target as Element)) return; // pasting into an open editor: the editor's own paste
      e.preventDefault();
      if (!editable) {
        onMessage(t('target.edit.noScenario'));
        return;
      }
      let block: string[][];
      try {
        block = parseClipboard({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') });
      } catch (err) {
        if (err instanceof ModelError) onMessage(modelErrorText(err));
        else throw err;
        return;
      }
      if (block.length === 0) return;
      onPaste(block, anchorOf());
    },
    [anchorOf, editable, onMessage, onPaste, t, modelErrorText],
  );

  const handleCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      if (isTextEditor(e.target as Element)) return;
      const api = gridApi.current;
      const pos = api?.getFocusedCell();
      if (!api || !pos) return;
      const row = rowOf(api, pos.rowIndex);
      const id = pos.column.getColId();
      const text = row?.kind === 'indicator' ? describe(row, id).copy : row?.kind === 'group' && id === 'name' ? t(`grid.group.${row.group}`) : '';
      e.preventDefault();
      e.clipboardData.setData('text/plain', toTsv([[text]]));
    },
    [describe, t],
  );

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<TargetRow>) => {
      const id = typeof event.column === 'string' ? event.column : (event.column?.getColId() ?? null);
      const row = event.rowIndex === null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex)?.data;
      const afterEdit = committedByKey.current;
      committedByKey.current = false;
      setFocused(row && id ? { rowId: row.id, colId: id } : null);
      onFocus({ row: row?.kind === 'indicator' ? row : null, colId: id, afterEdit });
    },
    [onFocus],
  );

  // Rows reach the grid as updates of the rows that changed (row objects a write did not change
  // are the same objects), applied while React commits; the rowData prop changes only when
  // the rows themselves do (another workbook, indicators added) — AG Grid then diffs by row id.
  const [rowData, setRowData] = useState(rows);
  const sentRows = useRef(rows);
  useLayoutEffect(() => {
    const prev = sentRows.current;
    if (prev === rows) return;
    sentRows.current = rows;
    const api = gridApi.current;
    const sameRows = api !== null && prev.length === rows.length && rows.every((r, i) => r.id === prev[i]!.id);
    if (!sameRows) {
      setRowData(rows);
      return;
    }
    const update = rows.filter((r, i) => r !== prev[i]);
    // A few rows (a typed value, its derived count): each node takes its new data and redraws its
    // row — the grid has no sort, filter or grouping to run again, which a transaction would. A
    // block (a paste, an undo) goes as one transaction.
    if (update.length > FEW_ROWS) api.applyTransaction({ update });
    else for (const row of update) api.getRowNode(row.id)?.updateData(row);
  }, [rows]);

  const onPickRef = useLatest(onPick);
  const onCellClicked = useCallback(
    (event: CellClickedEvent<TargetRow>) => {
      if (event.data?.kind === 'indicator') onPickRef.current?.(event.data.indicator);
    },
    [onPickRef],
  );
  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows'), ariaInputEditor: t('target.grid.editorLabel') }), [t]);
  const onGridReady = useCallback((e: GridReadyEvent<TargetRow>) => {
    gridApi.current = e.api;
    setGridReady(true);
  }, []);
  // The grid's height follows the window and the panels above it (the chart opening, a banner):
  // the focused cell stays in view through it, a finding's cell too when the chart arrives after it.
  const onGridSizeChanged = useCallback((e: GridSizeChangedEvent<TargetRow>) => {
    const pos = e.api.getFocusedCell();
    if (!pos || pos.rowPinned) return;
    e.api.ensureIndexVisible(pos.rowIndex, 'middle');
    e.api.ensureColumnVisible(pos.column);
  }, []);

  // Fitted widths reach the grid when they change or a column is made again (not on every write:
  // a column the planner widened by hand keeps its width until its longest cell changes). Looked
  // at when the rows or the columns change, not on every render (a focus move renders too).
  const applied = useRef(new WeakMap<Column, number>());
  // AG Grid takes new column definitions in an effect after this one: its columns-changed event says when they are made.
  const [columnsMade, setColumnsMade] = useState(0);
  const onGridColumnsChanged = useCallback(() => setColumnsMade((n) => n + 1), []);
  useLayoutEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const changes: { key: string; newWidth: number }[] = [];
    for (const [key, width] of fitter.update(rows)) {
      const column = api.getColumn(key);
      if (!column || applied.current.get(column) === width) continue;
      applied.current.set(column, width);
      if (column.getActualWidth() !== width) changes.push({ key, newWidth: width });
    }
    if (!changes.length) return;
    api.setColumnWidths(changes);
    // Wider columns move what is in view: the revision years back beside the names, and the cell
    // being worked on kept in view.
    if (firstRevisionYear !== null && api.getColumn(colId('orig', firstRevisionYear))) api.ensureColumnVisible(colId('orig', firstRevisionYear), 'start');
    const pos = api.getFocusedCell();
    if (pos) api.ensureColumnVisible(pos.column);
  }, [fitter, rows, columnDefs, columnsMade, gridReady, firstRevisionYear]);

  // The years being revised in view: the grid opens scrolled so the first year after the revision
  // date starts beside the indicator names (again when realised years are shown again).
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const api = gridApi.current;
    if (!api || firstRevisionYear === null || !gridReady) return;
    const key = `${firstRevisionYear}|${hideRealised}`;
    if (scrolledTo.current === key) return;
    scrolledTo.current = key;
    if (!focusCell) api.ensureColumnVisible(colId('orig', firstRevisionYear), 'start');
  }, [firstRevisionYear, hideRealised, gridReady, focusCell]);

  // Translated headers and cell text follow the language.
  useEffect(() => {
    gridApi.current?.refreshCells({ force: true });
  }, [lang]);

  /** Why a typed value was refused, in the UI's current language. */
  const refusalText = useCallback(
    (r: RefusedCell): string => {
      const cell = cellName(r.indicator, r.year);
      const { why } = r;
      if (why.kind === 'parse') return t('target.edit.notNumber', { cell, text: r.text, reason: t(`target.parse.${why.reason}`) });
      if (why.kind === 'problem') return t('target.edit.refused', { cell, reason: problemText(why.problem, r.indicator, why.value) });
      return t('target.edit.outOfRange', { cell, value: formatForEditing(why.value, r.indicator.decimals), range: rangeText(r.indicator) });
    },
    [cellName, problemText, rangeText, t],
  );

  /** The callout's own dismiss: the refused value goes, the focus returns to its cell. */
  const dismissProblem = useCallback(() => {
    const p = problemRef.current;
    setProblem(null);
    const api = gridApi.current;
    const node = p ? api?.getRowNode(p.rowId) : undefined;
    if (p && api && node?.rowIndex != null) api.setFocusedCell(node.rowIndex, p.colId);
  }, [setProblem]);

  const focusedRow = focused ? indicatorRows.find((r) => r.id === focused.rowId) : undefined;

  // Once per request (its seq): later row changes (every write) must not pull the focus back.
  const focusedSeq = useRef<number | null>(null);
  useEffect(() => {
    const api = gridApi.current;
    if (!focusCell || !api || focusedSeq.current === focusCell.seq) return;
    const node = api.getRowNode(focusCell.rowId);
    if (!node || node.rowIndex === null) return;
    if (!api.getColumn(focusCell.colId)) return; // a hidden realised year: shown once the columns follow
    focusedSeq.current = focusCell.seq;
    // In the middle: the rows around it in view too, and clear of the horizontal scroll bar.
    api.ensureIndexVisible(node.rowIndex, 'middle');
    api.ensureColumnVisible(focusCell.colId);
    api.setFocusedCell(node.rowIndex, focusCell.colId);
    // The grid scrolls inside its frame; the frame itself into the window, should the page be scrolled.
    rootEl?.querySelector('.grid-frame')?.scrollIntoView({ block: 'nearest' });
  }, [focusCell, rows, gridReady, columnDefs, rootEl]);

  // The focused cell's open evaluation note, said under the grid for the keyboard (the marker's words).
  const focusedRev = focused && focusedRow ? parseColId(focused.colId) : null;
  const focusedNote = focusedRev?.kind === 'rev' && focusedRow ? notes?.get(`${focusedRow.indicator.id}:${focusedRev.year}`) : undefined;

  return (
    <div className="target-grid indicator-grid" ref={setRootEl} onKeyDownCapture={onKeyDownCapture} onPaste={handlePaste} onCopy={handleCopy}>
      <div className="grid-frame target-grid-frame">
        <AgGridReact<TargetRow>
          theme={targetGridTheme}
          styleNonce={nonce}
          rowData={rowData}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          context={context}
          getRowId={getRowId}
          getRowClass={getRowClass}
          suppressColumnVirtualisation={rows.length <= ALL_COLUMNS_MAX_ROWS}
          tabToNextHeader={tabToNextHeader}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={500}
          tooltipHideDelay={15000}
          onCellFocused={onCellFocused}
          onCellClicked={onCellClicked}
          onGridReady={onGridReady}
          onGridSizeChanged={onGridSizeChanged}
          onGridColumnsChanged={onGridColumnsChanged}
          localeText={localeText}
        />
      </div>
      <p className="grid-detail" aria-live="polite" data-testid="target-detail">
        {focused && focusedRow ? describe(focusedRow, focused.colId).text : t('target.grid.detailHint')}
        {focusedNote !== undefined && <span className="grid-detail-note"> — {focusedNote}</span>}
      </p>
      {problem && <CellProblem problem={{ ...problem, message: refusalText(problem) }} root={rootEl} onDismiss={dismissProblem} />}
    </div>
  );
}
