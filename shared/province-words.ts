/**
 * Why a workbook of a province folder is left out of the aggregate, in words (id/en): the one
 * home of these words for the Provinsi view (renderer/src/province/province.*.ts) and the
 * consolidated export (electron/annex/province-table.ts). {{name}} placeholders are filled from
 * the report's Excluded.params (shared/model/province.ts); any other store code is said with its
 * code (`other`).
 */
export const EXCLUDED_REASONS = [
  'refused_newer',
  'refused_corrupt',
  'refused_not_workbook',
  'refused_foreign',
  'other_province',
  'other_plan_period',
  'duplicate_region',
  'locked',
  'not_found',
  'io_error',
] as const;
export type ExcludedReason = (typeof EXCLUDED_REASONS)[number];

export const EXCLUDED_REASON_WORDS: { readonly [L in 'id' | 'en']: Readonly<Record<ExcludedReason | 'other', string>> } = {
  id: {
    refused_newer: 'Dibuat oleh versi aplikasi yang lebih baru (skema {{fileVersion}}; aplikasi ini membaca sampai skema {{supportedVersion}}); tidak dibaca.',
    refused_corrupt: 'Berkas rusak atau tidak dapat dibaca sebagai buku kerja.',
    refused_not_workbook: 'Bukan buku kerja RPJMD.',
    refused_foreign: 'Basis data SQLite milik aplikasi lain, bukan buku kerja RPJMD.',
    other_province: '{{region}} di Provinsi {{province}}, bukan {{expected}}.',
    other_plan_period: '{{region}}: RPJMD {{period}}, bukan {{expected}} seperti wilayah lain.',
    duplicate_region: '{{region}} sudah dibaca dari berkas lain.',
    locked: 'Berkas sedang dikunci dan tidak dapat dibaca.',
    not_found: 'Berkas hilang saat dibaca.',
    io_error: 'Berkas tidak dapat dibaca (kesalahan baca).',
    other: 'Tidak dapat dibaca ({{code}}).',
  },
  en: {
    refused_newer: 'Made by a newer version of the app (schema {{fileVersion}}; this app reads up to schema {{supportedVersion}}); not read.',
    refused_corrupt: 'The file is damaged or cannot be read as a workbook.',
    refused_not_workbook: 'Not an RPJMD workbook.',
    refused_foreign: "Another application's SQLite database, not an RPJMD workbook.",
    other_province: '{{region}} is in {{province}}, not {{expected}}.',
    other_plan_period: '{{region}}: RPJMD {{period}}, not {{expected}} as the other regions.',
    duplicate_region: '{{region}} was already read from another file.',
    locked: 'The file is locked and cannot be read.',
    not_found: 'The file disappeared while being read.',
    io_error: 'The file cannot be read (read error).',
    other: 'Cannot be read ({{code}}).',
  },
};

/** A reason's words with its placeholders filled (the export; the view lets i18next fill them). */
export function excludedReasonWords(reason: string, lang: 'id' | 'en', params: Readonly<Record<string, string | number>> = {}): string {
  const known = (EXCLUDED_REASONS as readonly string[]).includes(reason);
  const words = EXCLUDED_REASON_WORDS[lang][known ? (reason as ExcludedReason) : 'other'];
  const fill: Record<string, string | number> = { ...params, code: reason };
  return words.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(fill[k] ?? ''));
}
