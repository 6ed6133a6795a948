/**
 * The province view's API types (issue 18, item 1): the consolidated table's export. The report
 * itself is shared/model/province.ts (ProvinceReport).
 */
import type { AnnexFormat } from './annex.js';

export interface ProvinceExportResult {
  /** Where the file was written (province.export) or null (province.exportBytes: a download). */
  path: string | null;
  fileName: string;
  format: AnnexFormat;
  bytes: number;
  /** Regions in the consolidated table; workbooks left out are listed in the file with their reason. */
  regions: number;
  excluded: number;
}

export interface ProvinceBytesResult extends ProvinceExportResult {
  base64: string;
}
