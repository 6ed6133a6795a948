/** Filters and names for the Open / Save dialogs, in the app's language. */
import path from 'node:path';
import type { MenuLanguage } from './menu-template.js';

export const WORKBOOK_EXTENSION = 'rpjmd';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Open accepts our workbooks and any SQLite file (the service refuses foreign ones with a clear reason). */
export function openFilters(lang: MenuLanguage): FileFilter[] {
  return [
    { name: lang === 'en' ? 'RPJMD workbook' : 'Buku kerja RPJMD', extensions: [WORKBOOK_EXTENSION] },
    {
      name: lang === 'en' ? 'SQLite files' : 'Berkas SQLite',
      extensions: [WORKBOOK_EXTENSION, 'sqlite', 'sqlite3', 'db'],
    },
  ];
}

/** New and Save As always write a workbook. */
export function saveFilters(lang: MenuLanguage): FileFilter[] {
  return openFilters(lang).slice(0, 1);
}

/**
 * Adds .rpjmd when the chosen name has no extension: the GTK save dialog does not append the
 * filter's extension, and a bare "Revisi 2021" would not be recognised when mailed.
 */
export function withWorkbookExtension(filePath: string): string {
  return path.extname(filePath) === '' ? `${filePath}.${WORKBOOK_EXTENSION}` : filePath;
}
