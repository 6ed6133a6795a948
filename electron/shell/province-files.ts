/** Names for the province's Save dialog (shell/province-dialogs.ts); pure, so unit-tested. */
import path from 'node:path';
import type { AnnexFormat } from '../../shared/annex.js';

/** The name the Save dialog proposes: "Konsolidasi-Provinsi-sumsel.xlsx" (after the folder read). */
export function provinceDefaultName(folder: string, lang: 'id' | 'en', format: AnnexFormat): string {
  const base = path.basename(path.resolve(folder)).normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  return `${lang === 'en' ? 'Province-Consolidation' : 'Konsolidasi-Provinsi'}${base ? `-${base}` : ''}.${format}`;
}
