/**
 * The indicator table: rows = indicators under group header rows, columns = name, unit and one
 * column per plan year. Values are shown id-ID with each indicator's decimals; illustrative values
 * carry a marker, and BPS's provisional figures (angka sementara) a marker of their own; every
 * value's source is in its tooltip and in the detail line under the table.
 *
 * The series a planner types (realisations and standard errors, TYPED_SERIES) are editable when
 * the caller says so: Excel's keys (type, F2, Enter, Delete), edits as requests (readOnlyEdit)
 * checked against the indicator's rules before sending; a refused value stays visible with the
 * reason beside its cell (CellProblem) until the planner acts.
 */
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type GridApi,
  type RowClassParams,
  type TooltipCallbackParams,
} from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { yearsToHorizon, type Indicator, type IndicatorValue, type Plan } from '../../../shared/domain.js';
import { formatForEditing, formatNumber, parseNumber } from '../../../shared/format/number.js';
import { checkCellValue, rulesFor } from '../../../shared/model/cell-rules.js';
import { CellProblem, type CellProblemState } from '../target/CellProblem.js';
import { useCellProblemText, useRangeText } from '../target/text.js';
import { styleNonce } from '../api.js';
import { gridTheme } from './theme.js';
import { buildRows, type GridRow, type IndicatorRow, type SelectableSeries } from './rows.js';

ModuleRegistry.registerModules([AllCommunityModule]);

const YEAR_PREFIX = 'y';
export const yearColId = (year: number) => `${YEAR_PREFIX}${year}`;
function yearOfColId(colId: string): number | null {
  return colId.startsWith(YEAR_PREFIX) ? Number(colId.slice(YEAR_PREFIX.length)) : null;
}

interface Props {
  plan: Plan;
  indicators: Indicator[];
  values: IndicatorValue[];
  series: SelectableSeries;
  /** Cells of the selected series can be typed (a typed series, a writable workbook). */
  editable?: boolean;
  /**
   * Writes one typed cell (value null clears it); resolves to null when written, else the
   * refusal in the UI language.
   */
  onSetValue?: (cell: { indicator: Indicator; year: number; value: number | null }) => Promise<string | null>;
}

interface Focus {
  rowId: string;
  year: number;
}

const getRowId = (p: GetRowIdParams<GridRow>) => p.data.id;
const getRowClass = (p: RowClassParams<GridRow>) => (p.data?.kind === 'group' ? 'group-row' : undefined);

/** Renders a year cell: the formatted value and, for an illustrative or provisional one, its marker. */
function ValueCell(props: CustomCellRendererProps<GridRow, number>) {
  const { t } = useTranslation();
  const row = props.data;
  if (!row || row.kind !== 'indicator') return null;
  const year = yearOfColId(props.colDef?.colId ?? '');
  const cell = year === null ? undefined : row.cells[year];
  if (!cell) return null;
  return (
    <span className="value-cell">
      <span className="value-number">{formatNumber(cell.value, row.indicator.decimals)}</span>
      {/* The slot keeps numbers aligned whether or not a marker follows. */}
      <span className={cell.illustrative && cell.provisional ? 'marker-slot marker-slot-wide' : 'marker-slot'}>
        {cell.illustrative && (
          <span className="illustrative-marker" role="img" aria-label={t('value.illustrativeMarker')} data-illustrative="true">
            *
          </span>
        )}
        {cell.provisional && (
          <span className="provisional-marker" role="img" aria-label={t('annex.provisional.marker')} data-provisional="true">
            {t('annex.provisional.mark')}
          </span>
        )}
      </span>
    </span>
  );
}

/** A group header row: one label spanning all columns. */
function NameCell(props: CustomCellRendererProps<GridRow, string>) {
  const { t } = useTranslation();
  const row = props.data;
  if (row?.kind === 'group') return <span className="group-label">{t(`grid.group.${row.group}`)}</span>;
  return <span className="indicator-name">{props.value}</span>;
}

export function IndicatorGrid({ plan, indicators, values, series, editable = false, onSetValue }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [focus, setFocus] = useState<Focus | null>(null);
  const gridApi = useRef<GridApi<GridRow> | null>(null);
  const [rootEl, setRootEl] = useState<HTMLDivElement | null>(null);
  // A refusal belongs to the table it was typed in: shown only while its series is.
  const [problemAt, setProblemAt] = useState<(CellProblemState & { series: SelectableSeries }) | null>(null);
  const problem = problemAt?.series === series ? problemAt : null;
  const setProblem = useCallback((p: CellProblemState | null) => setProblemAt(p && { ...p, series }), [series]);
  const rangeText = useRangeText();
  const problemText = useCellProblemText();
  const nonce = useMemo(() => styleNonce(), []);

  const rows = useMemo(() => buildRows(indicators, values, plan, series), [indicators, values, plan, series]);
  const years = useMemo(() => yearsToHorizon(plan), [plan]);

  const seriesLabel = useCallback((v: IndicatorValue) => t(`series.${v.series}`), [t]);

  const nameOf = useCallback((ind: Indicator) => (lang === 'en' ? ind.nameEn : ind.nameId), [lang]);

  const describe = useCallback(
    (row: IndicatorRow, year: number): string => {
      const cell = row.cells[year];
      const indicator = nameOf(row.indicator);
      if (!cell) return t('grid.detailEmpty', { indicator, year: String(year) });
      const head = t('grid.detail', {
        indicator,
        year: String(year),
        series: seriesLabel(cell),
        value: formatNumber(cell.value, row.indicator.decimals),
        unit: row.indicator.unit,
      }).trim();
      const source = `${t('value.source')}: ${cell.source || t('value.noSource')}`;
      const marks = [cell.illustrative ? t('value.illustrative') : '', cell.provisional ? t('annex.provisional.word') : ''].filter(Boolean);
      return marks.length ? `${head} (${marks.join(', ')}). ${source}` : `${head}. ${source}`;
    },
    [nameOf, seriesLabel, t],
  );

  const columnDefs = useMemo((): (ColDef<GridRow> | ColGroupDef<GridRow>)[] => {
    // yearsToHorizon starts with the baseline year, then every target year to the horizon.
    const [baselineYear, ...targetYears] = years;
    const columnCount = 2 + years.length;
    const yearColumn = (year: number): ColDef<GridRow, number> => ({
      colId: yearColId(year),
      headerName: String(year),
      // After the plan period: a year of the RPKD/RPD horizon, said in its tooltip.
      ...(year > plan.lastYear ? { headerTooltip: t('target.grid.horizonTooltip', { last: String(plan.lastYear) }), headerClass: 'horizon-year-header' } : {}),
      width: 88,
      minWidth: 76,
      type: 'rightAligned',
      // Replaces the type's cellClass, so keep its right alignment.
      cellClass: ['year-cell', 'ag-right-aligned-cell'],
      valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.cells[year]?.value : undefined),
      // The editor opens on the number as typed in Indonesian (12,32), every decimal kept.
      valueFormatter: (p) => (p.data?.kind === 'indicator' && p.value != null ? formatForEditing(p.value, p.data.indicator.decimals) : ''),
      // A cell showing the kondisi awal (another series) is not the typed series' to change.
      editable: (p) => editable && p.data?.kind === 'indicator' && (p.data.cells[year]?.series ?? series) === series,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true, maxLength: 40 },
      cellRenderer: ValueCell,
      tooltip: (p: TooltipCallbackParams<GridRow, number>) =>
        p.data?.kind === 'indicator' && p.data.cells[year] ? describe(p.data, year) : undefined,
    });
    return [
      {
        colId: 'name',
        headerName: t('grid.indicator'),
        flex: 1,
        minWidth: 240,
        valueGetter: (p) => (p.data?.kind === 'indicator' ? nameOf(p.data.indicator) : ''),
        cellRenderer: NameCell,
        colSpan: (p) => (p.data?.kind === 'group' ? columnCount : 1),
        tooltip: (p: TooltipCallbackParams<GridRow>) =>
          p.data?.kind === 'indicator' && p.data.indicator.definition ? p.data.indicator.definition : undefined,
      },
      {
        colId: 'unit',
        headerName: t('grid.unit'),
        width: 120,
        cellClass: 'unit-cell',
        valueGetter: (p) => (p.data?.kind === 'indicator' ? p.data.indicator.unit : ''),
      },
      {
        groupId: 'baseline',
        headerName: t('grid.baselineGroup'),
        headerTooltip: t('grid.baselineGroupTooltip', { year: String(baselineYear) }),
        headerClass: 'year-group-header',
        children: baselineYear === undefined ? [] : [yearColumn(baselineYear)],
      },
      {
        groupId: 'targets',
        headerName: t('grid.yearsGroup', { series: t(`series.${series}`) }),
        headerClass: 'year-group-header',
        children: targetYears.map(yearColumn),
      },
    ];
  }, [years, series, describe, nameOf, t, editable, plan.lastYear]);

  const defaultColDef = useMemo<ColDef<GridRow>>(
    () => ({ sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true, filter: false }),
    [],
  );

  const onCellFocused = useCallback((event: CellFocusedEvent<GridRow>) => {
    const api: GridApi<GridRow> = event.api;
    const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
    const year = colId ? yearOfColId(colId) : null;
    const row = event.rowIndex === null ? undefined : api.getDisplayedRowAtIndex(event.rowIndex)?.data;
    setFocus(row?.kind === 'indicator' && year !== null ? { rowId: row.id, year } : null);
  }, []);

  const cellName = useCallback((ind: Indicator, year: number) => t('target.edit.cell', { indicator: nameOf(ind), year: String(year) }), [nameOf, t]);

  /** Refuses a typed value: it stays in view with the reason beside its cell, the focus back on it. */
  const refuse = useCallback((api: GridApi<GridRow>, rowId: string, colId: string, text: string, message: string) => {
    setProblem({ rowId, colId, text, message });
    const node = api.getRowNode(rowId);
    queueMicrotask(() => {
      if (node?.rowIndex != null && api.getEditingCells().length === 0) api.setFocusedCell(node.rowIndex, colId);
    });
  }, [setProblem]);

  /** A typed (or cleared) cell: parsed the Indonesian way, checked against the series' rules, then sent. */
  const write = useCallback(
    async (api: GridApi<GridRow>, row: IndicatorRow, year: number, raw: unknown) => {
      const colId = yearColId(year);
      const text = raw == null ? '' : String(raw).trim();
      const ind = row.indicator;
      let value: number | null = null;
      if (text) {
        const parsed = parseNumber(text);
        if (!parsed.ok) {
          refuse(api, row.id, colId, text, t('target.edit.notNumber', { cell: cellName(ind, year), text, reason: t(`target.parse.${parsed.reason}`) }));
          return;
        }
        value = parsed.value;
        const rules = rulesFor(ind, series);
        const why = checkCellValue(rules, value);
        if (why === 'below_min' || why === 'above_max') {
          refuse(api, row.id, colId, text, t('target.edit.outOfRange', { cell: cellName(ind, year), value: formatForEditing(value, ind.decimals), range: rangeText(rules) }));
          return;
        }
        if (why) {
          refuse(api, row.id, colId, text, t('target.edit.refused', { cell: cellName(ind, year), reason: problemText(why, rules, value) }));
          return;
        }
      }
      if ((row.cells[year]?.value ?? null) === value) {
        setProblem(null);
        return;
      }
      const refusal = onSetValue ? await onSetValue({ indicator: ind, year, value }) : null;
      if (refusal) refuse(api, row.id, colId, text, refusal);
      else setProblem(null);
    },
    [cellName, onSetValue, problemText, rangeText, refuse, series, setProblem, t],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const year = yearOfColId(e.column.getColId());
      if (!editable || year === null || e.data?.kind !== 'indicator') return;
      void write(e.api, e.data, year, e.newValue);
    },
    [editable, write],
  );

  /** Delete / Backspace on a focused typed cell clears it; Escape drops a refused value. */
  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0) return;
      if (e.key === 'Escape' && problem) {
        setProblem(null);
        return;
      }
      if (!editable || (e.key !== 'Delete' && e.key !== 'Backspace') || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const pos = api.getFocusedCell();
      const year = pos ? yearOfColId(pos.column.getColId()) : null;
      const row = pos ? api.getDisplayedRowAtIndex(pos.rowIndex)?.data : undefined;
      if (year === null || row?.kind !== 'indicator' || !row.cells[year] || row.cells[year].series !== series) return;
      e.preventDefault();
      e.stopPropagation();
      void write(api, row, year, null);
    },
    [editable, problem, series, setProblem, write],
  );

  // Cell renderers hold translated labels: redraw them when the language changes.
  useEffect(() => {
    gridApi.current?.refreshCells({ force: true });
  }, [lang]);

  // Look the focused row up in the current rows, so the detail follows a series switch.
  const focusedRow = focus ? rows.find((r): r is IndicatorRow => r.kind === 'indicator' && r.id === focus.rowId) : undefined;

  const hasIllustrative = useMemo(() => values.some((v) => v.illustrative), [values]);
  const hasProvisional = useMemo(() => values.some((v) => v.provisional), [values]);

  return (
    <div className="indicator-grid" ref={setRootEl}>
      <div className="grid-frame" onKeyDownCapture={onKeyDownCapture}>
        <AgGridReact<GridRow>
          theme={gridTheme}
          styleNonce={nonce}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          getRowClass={getRowClass}
          domLayout="autoHeight"
          suppressColumnVirtualisation
          tooltipShowDelay={400}
          tooltipHideDelay={15000}
          onCellFocused={onCellFocused}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          onGridReady={(e) => {
            gridApi.current = e.api;
          }}
          localeText={{ noRowsToShow: t('grid.noRows') }}
        />
      </div>
      {problem && (
        <CellProblem
          problem={problem}
          root={rootEl}
          onDismiss={() => {
            const p = problem;
            setProblem(null);
            const node = gridApi.current?.getRowNode(p.rowId);
            if (node?.rowIndex != null) gridApi.current?.setFocusedCell(node.rowIndex, p.colId);
          }}
        />
      )}
      <p className="grid-detail" aria-live="polite">
        {focus && focusedRow ? describe(focusedRow, focus.year) : t('grid.detailHint')}
      </p>
      <ul className="grid-legend">
        {hasIllustrative && (
          <li>
            <span className="illustrative-marker" aria-hidden="true">
              *
            </span>{' '}
            {t('grid.legendIllustrative')}
          </li>
        )}
        {hasProvisional && (
          <li>
            <span className="provisional-marker" aria-hidden="true">
              {t('annex.provisional.mark')}
            </span>{' '}
            {t('annex.provisional.legend')}
          </li>
        )}
        <li>{t('grid.legendEmpty')}</li>
      </ul>
    </div>
  );
}
