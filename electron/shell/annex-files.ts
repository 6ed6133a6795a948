/** Names and filters for the annex's Save dialog (shell/annex-dialogs.ts); pure, so unit-tested. */
import path from 'node:path';
import type { AnnexFormat } from '../../shared/annex.js';
import type { MenuLanguage } from './menu-template.js';

const FILTER_NAMES = {
  id: { pdf: 'Dokumen PDF', xlsx: 'Buku kerja Excel' },
  en: { pdf: 'PDF document', xlsx: 'Excel workbook' },
} as const;

/** The Save dialog's filter: the one format being saved. */
export function annexFilters(format: AnnexFormat, lang: MenuLanguage): { name: string; extensions: string[] }[] {
  return [{ name: FILTER_NAMES[lang][format], extensions: [format] }];
}

/**
 * The name the Save dialog proposes, as annex/export.ts annexFileName makes it:
 * "Lampiran-Perubahan-RPJMD-Kabupaten-Muara-Enim-2018-2023.pdf".
 */
export function annexDefaultName(plan: { region: string; firstYear: number; lastYear: number }, lang: 'id' | 'en', format: AnnexFormat): string {
  const region = plan.region.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  return `${lang === 'en' ? 'Annex-RPJMD-Revision' : 'Lampiran-Perubahan-RPJMD'}-${region}-${plan.firstYear}-${plan.lastYear}.${format}`;
}

/** Adds the format's extension when the chosen name has another or none (the GTK dialog does not). */
export function withAnnexExtension(filePath: string, format: AnnexFormat): string {
  return path.extname(filePath).toLowerCase() === `.${format}` ? filePath : `${filePath}.${format}`;
}
