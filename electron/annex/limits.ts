/**
 * Caps on imported spreadsheets (documented in README, "Impor"). A real BPS table or a filled
 * template is a few hundred cells and a few dozen KB; these are orders of magnitude above that
 * and far below what would hurt the app.
 */
export const IMPORT_LIMITS = {
  /** File size (.xlsx or .csv) as read from disk or uploaded. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Cells in all sheets together (xlsx <c> elements; CSV fields). */
  maxCells: 200_000,
  /** Rows the sheets declare (<row> elements, even empty ones: exceljs builds an object for each). */
  maxRows: 200_000,
  /** Excel's last row; exceljs walks its row array up to the highest row number, holes included. */
  maxRow: 1_048_576,
  /** Excel's last column (XFD); a column range beyond it makes exceljs build a column object per number. */
  maxColumn: 16_384,
  /** Parts inside the .xlsx zip. */
  maxZipEntries: 1000,
  /** One part unpacked (a sheet's XML, the shared strings). */
  maxPartBytes: 50 * 1024 * 1024,
  /** All parts together unpacked (declared sizes, and the sheets actually inflated). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Merged ranges per sheet, and cells they (or data-validation rules) may cover. */
  maxMerges: 2000,
  maxMergedArea: 100_000,
  /** Rejections listed in a preview; more are counted in a notice. */
  maxListedRejections: 1000,
  /** Characters in a number written as text (trimmed): no number is written with more; a longer cell is refused unread. */
  maxNumberText: 100,
  /** Characters in a label (header word, indicator, unit or scenario name) compared by name: longer text matches nothing, unread. */
  maxLabelText: 1000,
} as const;
