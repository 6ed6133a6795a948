/** The Target grid: the app's grid theme, with column rules for its many narrow year columns. */
import { gridTheme } from '../grid/theme.js';

export const targetGridTheme = gridTheme.withParams({
  headerFontSize: 12,
  cellHorizontalPadding: 4,
  columnBorder: { color: '#eef1f5' },
});
