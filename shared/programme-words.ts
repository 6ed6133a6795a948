/**
 * A programme's cluster and Inpres 4/2022 strategy in words (id/en): the one home of these words
 * for the Intervensi view, the import preview and the annex (Lampiran IV).
 */
import type { ProgrammeCluster, ProgrammeStrategy } from './domain.js';

export const PROGRAMME_CLUSTER_WORDS: { readonly [L in 'id' | 'en']: Readonly<Record<ProgrammeCluster, string>> } = {
  id: { bantuan_sosial: 'Bantuan sosial', pemberdayaan: 'Pemberdayaan', usaha_mikro: 'Usaha mikro', layanan_dasar: 'Layanan dasar' },
  en: { bantuan_sosial: 'Social assistance', pemberdayaan: 'Empowerment', usaha_mikro: 'Micro enterprise', layanan_dasar: 'Basic services' },
};

/** As a heading or a cell says it (capitalised); the import preview's sentences keep their own lower-case form. */
export const PROGRAMME_STRATEGY_WORDS: { readonly [L in 'id' | 'en']: Readonly<Record<ProgrammeStrategy, string>> } = {
  id: { beban_pengeluaran: 'Pengurangan beban pengeluaran', pendapatan: 'Peningkatan pendapatan', kantong_kemiskinan: 'Penurunan kantong kemiskinan' },
  en: { beban_pengeluaran: 'Reduce the spending burden', pendapatan: 'Raise income', kantong_kemiskinan: 'Reduce poverty pockets' },
};
