/**
 * The consolidated table (AG Grid, dense like the other grids): a row per region — its name (an
 * "ilustrasi" badge when its figures are not published ones), kind, usulan, per year the
 * indicator's realisation, original and revised target, the 2024 P0 target against the
 * Governor's < 10 %, the largest loosening, the workbook's own check errors, the flags — and, pinned
 * under them, the provincial aggregate and its coverage per year. A year the aggregate covers
 * only partly shows no figure, and says so: a mean over some regions is not the province's.
 * Every column sorts (click or Enter on its header); empty cells sort last either way.
 */
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type RowClassParams,
  type ValueGetterParams,
} from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format/number.js';
import { GOVERNOR_TARGET, type ProvinceIndicator } from '../../../shared/model/province.js';
import { styleNonce } from '../api.js';
import { gridTheme } from '../grid/theme.js';
import { compareCells, coverageOf, coverageWords, decimalsOf, type IndicatorAggregate, type RegionRow } from './model.js';

ModuleRegistry.registerModules([AllCommunityModule]);

type Series = 'realised' | 'original' | 'revised';
type GridRow = { id: string; kind: 'region'; region: RegionRow } | { id: string; kind: 'aggregate' } | { id: string; kind: 'coverage' };

interface Props {
  rows: RegionRow[];
  years: number[];
  indicator: ProvinceIndicator;
  aggregate: IndicatorAggregate | undefined;
  /** Regions in the aggregate (coverage's denominator). */
  total: number;
  onReview(row: RegionRow): void;
}

const getRowId = (p: GetRowIdParams<GridRow>) => p.data.id;
const getRowClass = (p: RowClassParams<GridRow>) =>
  p.data?.kind === 'aggregate' ? 'province-aggregate-row' : p.data?.kind === 'coverage' ? 'province-coverage-row' : p.data?.kind === 'region' && p.data.region.illustrative ? 'province-illustrative-row' : undefined;
const comparator = (a: unknown, b: unknown, _na: unknown, _nb: unknown, desc: boolean) => compareCells(a as number | string | null, b as number | string | null, desc);

function RegionCell(props: CustomCellRendererProps<GridRow>) {
  const { t } = useTranslation();
  const d = props.data;
  if (!d) return null;
  if (d.kind === 'aggregate') return <strong>{t('province.table.aggregate')}</strong>;
  if (d.kind === 'coverage') return <span className="muted">{t('province.table.coverageRow')}</span>;
  return (
    <span className="province-region-cell">
      <span className="province-region-name" title={d.region.name}>
        {d.region.name}
      </span>
      {d.region.illustrative && (
        <span className="badge badge-illustrative" title={t('province.illustrativeTitle')} data-illustrative="true">
          {t('province.illustrative')}
        </span>
      )}
    </span>
  );
}

function FlagsCell(props: CustomCellRendererProps<GridRow>) {
  const { t } = useTranslation();
  const d = props.data;
  if (!d || d.kind !== 'region') return null;
  return (
    <span className="province-flags">
      {d.region.flags.map((f) => (
        <span key={f} className={`badge province-flag province-flag-${f}`} title={t(`province.flag.${f}Title`)} data-flag={f}>
          {t(`province.flag.${f}`)}
        </span>
      ))}
    </span>
  );
}

export function ProvinceGrid({ rows, years, indicator, aggregate, total, onReview }: Props) {
  const { t, i18n } = useTranslation();
  const decimals = decimalsOf(indicator);
  const nonce = styleNonce();

  const rowData = useMemo<GridRow[]>(() => rows.map((r) => ({ id: r.file, kind: 'region', region: r })), [rows]);
  const pinned = useMemo<GridRow[]>(() => [{ id: 'aggregate', kind: 'aggregate' }, { id: 'coverage', kind: 'coverage' }], []);

  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    /** A year cell: the region's figure, or the province's where the aggregate covers every region. */
    const yearCol = (year: number, series: Series): ColDef<GridRow> => {
      const agg = series === 'realised' ? aggregate?.realised : series === 'revised' ? aggregate?.target : undefined;
      return {
        colId: `y${year}-${series}`,
        headerName: t(`province.table.${series}`),
        headerTooltip: t(`province.table.${series}Long`, { year }),
        width: series === 'realised' ? 72 : 66,
        type: 'rightAligned',
        cellClass: series === 'realised' ? 'province-realised-cell' : undefined,
        // A value marked ilustrasi in its workbook is tinted like the Buku Kerja's illustrative values.
        cellClassRules: series === 'revised' ? undefined : { 'province-illustrative-cell': (p) => p.data?.kind === 'region' && p.data.region.illustrativeSeries.includes(series) && p.value !== null },
        comparator,
        valueGetter: (p: ValueGetterParams<GridRow>) => {
          const d = p.data;
          if (!d) return null;
          if (d.kind === 'region') {
            const s = d.region.series;
            const map = series === 'realised' ? s.realised : series === 'original' ? s.original : s.revised;
            return map?.[String(year)] ?? null;
          }
          if (!agg) return null;
          const c = coverageOf(agg, year, total);
          if (d.kind === 'coverage') return c.state === 'none' ? null : `${c.n}/${c.total}`;
          return c.state === 'complete' ? (agg.value[String(year)] ?? null) : c.state === 'partial' ? 'partial' : null;
        },
        cellRenderer: (p: CustomCellRendererProps<GridRow>) => {
          const v = p.value as number | string | null;
          if (v === null || v === undefined) return '';
          if (v === 'partial') {
            const c = coverageOf(agg, year, total);
            const w = coverageWords(c);
            return (
              <span className="province-partial" title={t(w.key, w.params)} aria-label={t(w.key, w.params)}>
                {t('province.table.partialCell')}
              </span>
            );
          }
          if (typeof v === 'string') {
            const c = coverageOf(agg, year, total);
            return <span className={c.state === 'partial' ? 'province-partial' : undefined}>{v}</span>;
          }
          return formatNumber(v, decimals);
        },
        tooltipValueGetter: (p) => {
          const d = p.data;
          if (!d || d.kind === 'region' || !agg) return undefined;
          const w = coverageWords(coverageOf(agg, year, total));
          return t(w.key, w.params);
        },
      };
    };
    const cols: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = [
      {
        colId: 'region',
        headerName: t('province.table.region'),
        pinned: 'left',
        width: 320,
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? p.data.region.name : null),
        cellRenderer: RegionCell,
      },
      {
        colId: 'kind',
        headerName: t('province.table.kind'),
        width: 86,
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? t(`province.kind.${p.data.region.kind}`) : null),
      },
      {
        colId: 'usulan',
        headerName: t('province.table.usulan'),
        width: 150,
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? (p.data.region.usulan ?? t('province.table.noUsulan')) : null),
        tooltipValueGetter: (p) => (p.data?.kind === 'region' ? (p.data.region.usulan ?? undefined) : undefined),
      },
      ...years.map<ColGroupDef<GridRow>>((year) => ({
        groupId: `y${year}`,
        headerName: String(year),
        headerClass: 'province-year-group',
        children: [yearCol(year, 'realised'), yearCol(year, 'original'), yearCol(year, 'revised')],
      })),
      {
        colId: 'target2024',
        headerName: t('province.table.target2024'),
        headerTooltip: t('province.table.target2024Long'),
        width: 132,
        type: 'rightAligned',
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? p.data.region.target2024 : null),
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value, 2) : ''),
        cellClassRules: { 'province-miss': (p) => p.data?.kind === 'region' && (p.data.region.target2024 === null || p.data.region.target2024 >= GOVERNOR_TARGET.below) },
      },
      {
        colId: 'loosening',
        headerName: t('province.table.loosening'),
        headerTooltip: t('province.table.looseningLong'),
        width: 122,
        type: 'rightAligned',
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? (p.data.region.loosening?.change ?? null) : null),
        cellRenderer: (p: CustomCellRendererProps<GridRow>) => {
          const l = p.data?.kind === 'region' ? p.data.region.loosening : null;
          return l ? t('province.table.looseningAt', { change: formatNumber(l.change, 2), year: l.year }) : '';
        },
      },
      {
        colId: 'checkErrors',
        headerName: t('province.table.checkErrors'),
        headerTooltip: t('province.table.checkErrorsLong'),
        width: 104,
        type: 'rightAligned',
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? p.data.region.checkErrors : null),
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value, 0) : ''),
      },
      {
        colId: 'flags',
        headerName: t('province.table.flags'),
        // Two badges side by side in either language ("P0 2024 ≥ 10 %" and "paling melonggar" / "loosens most").
        width: 290,
        comparator,
        valueGetter: (p) => (p.data?.kind === 'region' ? p.data.region.flags.length : null),
        cellRenderer: FlagsCell,
      },
      {
        colId: 'actions',
        headerName: t('province.table.actions'),
        width: 214,
        sortable: false,
        // Enter or Space on the focused cell opens the dialog: the keyboard reaches the button
        // without the mouse (the grid keeps the button itself out of the tab order).
        suppressKeyboardEvent: (p) => {
          const key = p.event.key;
          if ((key !== 'Enter' && key !== ' ') || p.data?.kind !== 'region') return false;
          if (p.event.type === 'keydown') {
            p.event.preventDefault();
            onReview(p.data.region);
          }
          return true;
        },
        cellRenderer: (p: CustomCellRendererProps<GridRow>) => {
          const d = p.data;
          if (!d || d.kind !== 'region') return null;
          return (
            <button type="button" className="button button-small" tabIndex={-1} aria-label={t('province.review.buttonNamed', { name: d.region.name })} onClick={() => onReview(d.region)}>
              {t('province.review.button')}
            </button>
          );
        },
      },
    ];
    return cols;
    // i18n.language: the headers follow the language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language, years, aggregate, total, decimals, onReview]);

  // Headers wrap rather than cut off ("P0 2024 (< 10 %)", "Galat periksa" in a narrow column).
  const defaultColDef = useMemo<ColDef<GridRow>>(() => ({ sortable: true, resizable: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true }), []);

  return (
    <div className="province-grid" role="region" aria-label={t('province.table.label')}>
      <AgGridReact<GridRow>
        theme={gridTheme.withParams({ rowHeight: 28, headerHeight: 30, fontSize: 12.5, headerFontSize: 12.5, cellHorizontalPadding: 6 })}
        styleNonce={nonce}
        rowData={rowData}
        pinnedBottomRowData={pinned}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        getRowClass={getRowClass}
        // 17 rows of some 40 columns: all drawn, so every region's button is in the page (and found by a search).
        suppressColumnVirtualisation
        tooltipShowDelay={400}
        localeText={{ noRowsToShow: t('grid.noRows') }}
      />
    </div>
  );
}
