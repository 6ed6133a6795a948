/** The grid theme of the Target view: the same calm, dense light theme as the Buku Kerja table. */
import { themeQuartz } from 'ag-grid-community';

const FONT_STACK = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Ubuntu', 'Noto Sans', 'Helvetica Neue', 'Arial', 'sans-serif'];

export const targetGridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  foregroundColor: '#1f2933',
  textColor: '#1f2933',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f1f4f8',
  headerTextColor: '#243b53',
  borderColor: '#d3dae3',
  rowBorder: { color: '#e4e9f0' },
  columnBorder: { color: '#eef1f5' },
  accentColor: '#1d4ed8',
  rowHoverColor: '#f5f8fc',
  oddRowBackgroundColor: '#ffffff',
  spacing: 6,
  rowHeight: 30,
  headerHeight: 34,
  wrapperBorderRadius: 6,
  borderRadius: 4,
  browserColorScheme: 'light',
  cellHorizontalPadding: 8,
});
