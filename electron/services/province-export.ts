/**
 * The province folder's consolidated table as .xlsx or .pdf (issue 18 item 1).
 * SKELETON — being built (owner: the province-view helper).
 */
import { AppError } from '../../shared/api/result.js';
import type { AnnexFormat, AnnexLanguage } from '../../shared/annex.js';
import type { ProvinceBytesResult, ProvinceExportResult } from '../../shared/province.js';

export interface ProvinceExportInput {
  folder: string;
  format?: AnnexFormat | undefined;
  language?: AnnexLanguage | undefined;
}

export async function provinceExportBytes(_input: ProvinceExportInput): Promise<ProvinceBytesResult> {
  throw new AppError('internal', 'the consolidated export is not built yet');
}

export async function provinceExportTo(_input: ProvinceExportInput & { path: string; overwrite?: boolean | undefined }): Promise<ProvinceExportResult> {
  throw new AppError('internal', 'the consolidated export is not built yet');
}
