/**
 * The province folder's consolidated table as .xlsx or .pdf (issue 18 item 1): the folder is read
 * read-only (services/province.ts: nothing in it is locked or written), the table laid out as an
 * annex document (annex/province-table.ts) and drawn by the annex's own renderers, so the xlsx
 * and the PDF cannot disagree. province.export writes the file the way the annex is written
 * (annex/annex-file.ts: a temp file renamed, only our own file replaced); province.exportBytes
 * answers it as base64 for a download.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { AnnexFormat, AnnexLanguage } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import type { ProvinceReport } from '../../shared/model/province.js';
import type { ProvinceBytesResult, ProvinceExportResult } from '../../shared/province.js';
import { writeAnnexFile } from '../annex/annex-file.js';
import { ANNEX_ZIP, isOurAnnex } from '../annex/export.js';
import { isOurPdf, renderPdf } from '../annex/pdf.js';
import { provinceDocument, provinceFileName } from '../annex/province-table.js';
import { renderXlsx } from '../annex/xlsx.js';
import { readProvinceFolder } from './province.js';

export interface ProvinceExportInput {
  folder: string;
  format?: AnnexFormat | undefined;
  language?: AnnexLanguage | undefined;
  /** YYYY-MM-DD printed in the file; default today (tests pass one). */
  date?: string | undefined;
}

function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The file's bytes for a report already read. */
export async function provinceBuffer(report: ProvinceReport, folder: string, format: AnnexFormat, language: AnnexLanguage, date: string): Promise<Buffer> {
  const doc = provinceDocument(report, { language, date, folderName: path.basename(path.resolve(folder)) });
  if (format === 'pdf') return renderPdf(doc, { date });
  const book = renderXlsx(doc, { date, subject: doc.title });
  return Buffer.from(await book.xlsx.writeBuffer({ zip: ANNEX_ZIP } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
}

function summary(report: ProvinceReport, format: AnnexFormat, language: AnnexLanguage, bytes: number, where: string | null): ProvinceExportResult {
  return {
    path: where,
    fileName: where ? path.basename(where) : provinceFileName(report, language, format),
    format,
    bytes,
    regions: report.regions.length,
    excluded: report.excluded.length,
  };
}

export async function provinceExportBytes(input: ProvinceExportInput): Promise<ProvinceBytesResult> {
  const format = input.format ?? 'xlsx';
  const language = input.language ?? 'id';
  const report = await readProvinceFolder(input.folder);
  const buffer = await provinceBuffer(report, input.folder, format, language, input.date ?? today());
  return { ...summary(report, format, language, buffer.length, null), base64: buffer.toString('base64') };
}

/** The format a path asks for by its extension, when none is given. */
function formatOf(target: string, given: AnnexFormat | undefined): AnnexFormat {
  if (given) return given;
  const ext = path.extname(target).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('bad_input', `The consolidated table is an .xlsx or .pdf file; "${path.basename(target)}" is neither`, { file: path.basename(target) }, 'path');
}

export async function provinceExportTo(input: ProvinceExportInput & { path: string; overwrite?: boolean | undefined }): Promise<ProvinceExportResult> {
  const format = formatOf(input.path, input.format);
  const language = input.language ?? 'id';
  let report: ProvinceReport | null = null;
  const written = await writeAnnexFile(
    {
      target: input.path,
      extension: format === 'pdf' ? '.pdf' : '.xlsx',
      kind: 'The consolidated table',
      // No workbook is open for the province; the folder (never a file) stands in, so nothing is refused for it.
      workbookPath: path.resolve(input.folder),
      overwrite: input.overwrite ?? false,
      isOurs: format === 'pdf' ? isOurPdf : isOurAnnex,
    },
    async () => {
      report = await readProvinceFolder(input.folder);
      return { buffer: await provinceBuffer(report, input.folder, format, language, input.date ?? today()) };
    },
  );
  return summary(report!, format, language, written.bytes, written.path);
}
