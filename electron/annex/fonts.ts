/**
 * Where the annex PDF's font lives: resources/fonts/ (DejaVu Sans Condensed, with its licence),
 * two folders above this module however it runs —
 *
 *   electron/annex/fonts.ts        (vitest, tsc)          → <repo>/resources/fonts
 *   dist/electron/store-worker.cjs (the desktop app's services; packaged: inside app.asar, which
 *                                   electron-builder.yml `files` fills with resources/fonts)
 *   dist/node/cli.mjs, serve.mjs   (the CLI and the browser host)
 *
 * so the desktop app, the browser host and the CLI embed the same font and write the same PDF.
 * RPJMD_WORKBENCH_FONTS overrides the folder (a relocated install).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/api/result.js';

/** The family name the PDF's document definition uses. */
export const PDF_FONT_FAMILY = 'DejaVuSansCondensed';

export const PDF_FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italics: 'DejaVuSansCondensed-Oblique.ttf',
  bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
} as const;

export type PdfFontFaces = Record<keyof typeof PDF_FONT_FILES, string>;

/** The folder of this module: __dirname in the CommonJS bundles (Electron), import.meta.url in ESM (CLI, browser host, vitest). */
function moduleDir(): string {
  if (typeof __dirname === 'string' && __dirname !== '') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

/** The folder holding the font files. */
export function fontsDir(): string {
  const override = process.env.RPJMD_WORKBENCH_FONTS;
  if (override) return path.resolve(override);
  return path.resolve(moduleDir(), '..', '..', 'resources', 'fonts');
}

let resolved: PdfFontFaces | null = null;

/** The four faces' absolute paths; refuses, naming the file, when one is missing (a broken install). */
export function pdfFontFaces(): PdfFontFaces {
  if (resolved) return resolved;
  const dir = fontsDir();
  const faces = {} as PdfFontFaces;
  for (const [face, file] of Object.entries(PDF_FONT_FILES) as [keyof PdfFontFaces, string][]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new AppError('internal', `The PDF font ${file} is missing from ${dir}; reinstall the app`, { file });
    faces[face] = full;
  }
  resolved = faces;
  return faces;
}
