/** The app's one AG Grid theme; views adjust it with withParams rather than copying it. */
import { themeQuartz } from 'ag-grid-community';

const FONT_STACK = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Ubuntu', 'Noto Sans', 'Helvetica Neue', 'Arial', 'sans-serif'];

/** Calm, dense, light theme in the app's palette (see styles/app.css for the same tokens). */
export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  foregroundColor: '#1f2933',
  textColor: '#1f2933',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f1f4f8',
  headerTextColor: '#243b53',
  borderColor: '#d3dae3',
  rowBorder: { color: '#e4e9f0' },
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
