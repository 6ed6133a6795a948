/**
 * Bahasa Indonesia for the Kelayakan panel (feasibility/*), merged under `feasibility`
 * (i18n/index.ts). feasibility.en.ts has the same keys.
 */
export const feasibilityId = {
  title: 'Kelayakan target P0',
  toggle: 'Kelayakan',
  showTitle: 'Tampilkan kelayakan target (perkiraan model)',
  hideTitle: 'Sembunyikan kelayakan target',
  model: 'perkiraan model',
  illustrative: 'memakai nilai ilustrasi',
  loading: 'Menghitung kelayakan…',
  failed: 'Kelayakan tidak dapat dihitung.',
  base: 'Dasar: realisasi {{year}} — P0 {{p0}} %, {{dispersion}} → σ = {{sigma}} (lognormal dari {{from}}).',
  baseMissing: 'Dasar: belum ada distribusi yang dapat dicocokkan.',
  fromP1: 'P1',
  fromGini: 'rasio Gini',
  p1: 'P1 {{p1}}',
  gini: 'Gini {{gini}}',
  p2Check: 'P2 menurut model {{predicted}}, tercatat {{known}} (selisih {{gap}}).',
  p2Predicted: 'P2 menurut model {{predicted}} (belum tercatat).',
  record: 'Riwayat daerah {{span}}: pertumbuhan konsumsi tersirat rata-rata {{mean}} % per tahun (terbaik {{best}} %).',
  passThrough: 'Dibanding pertumbuhan ekonomi pada tahun yang sama, daya ungkit (pass-through) {{value}}.',
  noPassThrough: 'Daya ungkit (pass-through) tidak dapat dihitung.',
  noRecord: 'Belum ada riwayat realisasi berurutan untuk dibandingkan.',
  caption: 'Pertumbuhan konsumsi rata-rata (netral-distribusi) yang dibutuhkan setiap target P0',
  col: {
    year: 'Tahun',
    original: 'Target awal P0 (%)',
    originalPerYear: 'Per tahun (target awal)',
    target: 'Target perubahan P0 (%)',
    cumulative: 'Pertumbuhan kumulatif sejak {{year}}',
    perYear: 'Per tahun',
    peopleOut: 'Penduduk keluar dari kemiskinan (jiwa)',
    economy: 'Pertumbuhan ekonomi yang dibutuhkan per tahun',
    rating: 'Penilaian',
  },
  rating: {
    realistic: 'realistis',
    ambitious: 'ambisius',
    beyond_record: 'di luar riwayat daerah',
    no_record: 'tanpa riwayat',
  },
  ratingTitle: {
    realistic: 'Pertumbuhan per tahun yang dibutuhkan tidak melebihi rata-rata riwayat daerah ({{limit}} %).',
    ambitious: 'Melebihi rata-rata riwayat daerah, tetapi tidak melebihi tahun terbaiknya ({{limit}} %).',
    beyond_record: 'Melebihi tahun terbaik dalam riwayat daerah ({{limit}} %).',
    no_record: 'Tidak ada riwayat untuk dibandingkan.',
  },
  noYears: 'Skenario ini belum memiliki target P0 sesudah tahun dasar.',
  problems: 'Yang perlu dilengkapi',
  assumptions:
    'Perkiraan model, bukan proyeksi: konsumsi per kapita dianggap berdistribusi lognormal, pertumbuhan dianggap netral-distribusi (semua naik dengan laju yang sama), satu distribusi untuk seluruh daerah, dan angka Susenas dianggap benar tanpa galat sampling. Rumus dan sumber: docs/METHODS.md, «Feasibility from the distribution».',
} as const;

export type FeasibilityMessages = { readonly [K in keyof typeof feasibilityId]: (typeof feasibilityId)[K] extends string ? string : { readonly [L in keyof (typeof feasibilityId)[K]]: string } };
