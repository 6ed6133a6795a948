/**
 * The floor of the browser edit measure: AG Grid Community alone (no React, no services, no
 * chart, no checks) showing the same rows — one row per indicator, one number column per target
 * year — edited with the same keys. Values are parsed and shown the Indonesian way (12,34), as in
 * the app. Bundled by bench/browser/index.ts with esbuild; reads its rows from `window.__benchRows`
 * and marks `bench:cell-value-changed` (User Timing) on every cellValueChanged.
 */
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridOptions } from 'ag-grid-community';
import type { BareData, BareRow } from './bare-data.js';

ModuleRegistry.registerModules([AllCommunityModule]);

const data = (window as unknown as { __benchRows: BareData }).__benchRows;
const format = new Map<number, Intl.NumberFormat>();
const fmt = (value: number | null | undefined, decimals: number): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let f = format.get(decimals);
  if (!f) format.set(decimals, (f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(value);
};
/** id-ID: dots group thousands, the comma is the decimal point. */
const parse = (text: string): number | null => {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

const columnDefs: ColDef<BareRow>[] = [
  { colId: 'name', headerName: 'Indikator', pinned: 'left', width: 262, valueGetter: (p) => p.data?.name },
  ...data.years.map(
    (year, i): ColDef<BareRow> => ({
      colId: `y${year}`,
      headerName: String(year),
      width: 120,
      type: 'rightAligned',
      editable: true,
      valueGetter: (p) => p.data?.values[i] ?? null,
      valueSetter: (p) => {
        p.data.values[i] = typeof p.newValue === 'number' ? p.newValue : parse(String(p.newValue ?? ''));
        return true;
      },
      valueParser: (p) => parse(String(p.newValue ?? '')),
      valueFormatter: (p) => fmt(p.value as number | null, p.data?.decimals ?? 0),
    }),
  ),
];

const options: GridOptions<BareRow> = {
  rowData: data.rows,
  columnDefs,
  getRowId: (p) => p.data.id,
  defaultColDef: { sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true, filter: false },
  enterNavigatesVertically: true,
  enterNavigatesVerticallyAfterEdit: true,
  stopEditingWhenCellsLoseFocus: true,
  onCellValueChanged: () => performance.mark('bench:cell-value-changed'),
  onFirstDataRendered: () => performance.mark('bench:ready'),
};

createGrid(document.getElementById('grid')!, options);
