/**
 * Every word the annex prints, in Indonesian (default) and English. Data (indicator names,
 * justifications, sources) is printed as stored; only headers, titles and fixed phrases live here.
 * The importer reads headers through the same table, so both languages round-trip.
 */
import type { AnnexLanguage } from '../../shared/annex.js';
import type { CapaianBand, CapaianFormula, NotComputableReason } from '../../shared/model/capaian.js';
import type { CapaianBandScale, IndicatorGroup, ProgrammeCluster, ProgrammeStrategy, Series, Severity } from '../../shared/domain.js';
import type { PovertyLineUsed } from '../../shared/interventions.js';
import type { FeasibilityProblem, FeasibilityRating } from '../../shared/model/feasibility.js';
import type { ReviewStatus } from '../../shared/review.js';
import { PROGRAMME_CLUSTER_WORDS, PROGRAMME_STRATEGY_WORDS } from '../../shared/programme-words.js';

/** What the Raperda header block is made of (workbook settings; null where not set). */
export interface RaperdaParts {
  lampiran: string;
  region: string;
  number: string | null;
  year: number | null;
  amended: string | null;
  first: number;
  last: number;
}

/** The words of the Kelayakan Target sheet (sections/feasibility.ts). */
export interface FeasibilityLabels {
  /** Caption rows of its three tables. */
  fitCaption: (year: number) => string;
  recordCaption: string;
  targetsCaption: (baseYear: number) => string;
  baseYear: string;
  p0: string;
  p1: string;
  sigma: string;
  fittedFrom: string;
  fittedFromWords: Record<'p1' | 'gini', string>;
  giniKnown: string;
  giniModel: string;
  p2Known: string;
  p2Model: string;
  p2Gap: string;
  year: string;
  p0From: string;
  p0To: string;
  impliedGrowth: string;
  economicGrowth: string;
  /** The record's summary rows, with the rating bound each gives ("1,45 %"). */
  recordMean: string;
  recordBest: string;
  realisticBound: (percent: string) => string;
  ambitiousBound: (percent: string) => string;
  passThrough: string;
  target: string;
  requiredGrowth: string;
  cumulative: (baseYear: number) => string;
  perYear: string;
  peopleOut: string;
  economicGrowthNeeded: string;
  rating: string;
  ratings: Record<FeasibilityRating, string>;
  /** When σ could not be fitted: why there are no tables. */
  noFit: string;
  noRecord: string;
  noTargets: string;
  /** The heading of the problems' sentences, and the words of their place. */
  problemsHeading: string;
  series: Record<FeasibilityProblem['series'], string>;
  /** Under the tables: what each rating means, with the region's bounds. */
  ratingRule: (realistic: string, ambitious: string) => string;
  ratingRuleNoRecord: string;
  /** The footnote: a model, not a projection, and its assumptions. */
  footnote: string;
  assumptions: readonly string[];
  illustrative: string;
  /** "–" with the numbers of the problems that leave the cell empty. */
  missing: (refs: string) => string;
}

/** The words of Lampiran IV, Rencana Intervensi (sections/interventions.ts). */
export interface InterventionLabels {
  /** The title line of the years it covers, and whether they reach past the RPJMD period. */
  coverage: (p: { first: number | null; horizon: number; planFirst: number; planLast: number }) => string;
  programmesCaption: string;
  effectCaption: string;
  basisCaption: string;
  no: string;
  programme: string;
  cluster: string;
  strategy: string;
  agency: string;
  year: string;
  households: string;
  benefit: string;
  accuracy: string;
  budget: string;
  budgetUnknown: string;
  noProgrammes: string;
  noYears: string;
  clusters: Record<ProgrammeCluster, string>;
  strategies: Record<ProgrammeStrategy, string>;
  p0Without: string;
  targetGroup: string;
  targetLabel: string;
  targetValue: string;
  programmeBudget: string;
  modelGroup: string;
  p0With: string;
  peopleLifted: string;
  costPerPerson: string;
  gapGroup: string;
  gapPp: string;
  gapPeople: string;
  budgetToCloseGroup: string;
  rupiah: string;
  remark: string;
  lowerBound: string;
  targetMet: string;
  noYearsToShow: string;
  input: string;
  value: string;
  basis: string;
  source: string;
  povertyLine: string;
  lineBasis: (l: PovertyLineUsed) => string;
  lineFromTarget: (scenario: string) => string;
  householdSize: string;
  householdSizeBasis: string;
  sigma: string;
  sigmaBasis: (from: string | null) => string;
  sigmaSource: string;
  referenceTarget: string;
  /** "Gubernur Sumsel: P0 < 10 %". */
  referenceBasis: (label: string, sign: string, value: string) => string;
  notSet: string;
  /** Under the tables. */
  illustrative: string;
  incomeEffect: (names: string) => string;
  gapRule: string;
  lowerBoundRule: string;
  footnote: (label: string) => string;
  problemsHeading: string;
  /** Where a problem is: the household-size parameter, a programme without a name. */
  householdSizeWhere: string;
  programmeWhere: string;
  /** The informational items said in one line instead of one sentence each. */
  /** Years as "2021–2023, 2025", null when none. */
  compactInfo: (p: { noTarget: string | null; noProgrammes: string | null }) => string;
  missing: (refs: string) => string;
}

/** The words of the sheet Tindak Lanjut Hasil Evaluasi (sections/review.ts). */
export interface ReviewLabels {
  no: string;
  indicator: string;
  year: string;
  note: string;
  evaluatorDate: string;
  response: string;
  status: string;
  change: string;
  /** The year cell of a note about the indicator as a whole. */
  allYears: string;
  statuses: Record<ReviewStatus, string>;
  /** The change cell when the target the evaluator saw is the target now. */
  unchanged: string;
  /** The only line of the sheet when the workbook has no notes. */
  noNotes: string;
  /** "3 catatan: 1 ditindaklanjuti, 2 belum." */
  summary: (p: { total: number; done: number; open: number }) => string;
  /** Under the table: what the change column compares, for the exported scenario. */
  changeRule: (scenario: string) => string;
  /** Under the table: the evaluation files the notes came from. */
  sources: (files: string) => string;
}

const BLANK = '……';
const up = (s: string) => s.toLocaleUpperCase('id-ID');

export interface AnnexLabels {
  docTitle: string;
  sheet1Title: string;
  sheet2Title: string;
  sheet3Title: string;
  sheet4Title: string;
  sheet5Title: string;
  sheet6Title: string;
  feasibility: FeasibilityLabels;
  /** Lampiran IV, Rencana Intervensi. */
  sheet7Title: string;
  interventions: InterventionLabels;
  /** Tindak Lanjut Hasil Evaluasi: the governor's evaluation notes and the regency's follow-up. */
  sheet8Title: string;
  review: ReviewLabels;
  lampiran: (n: string) => string;
  planPeriod: (region: string, province: string, first: number, last: number) => string;
  scenario: string;
  status: Record<'usulan' | 'draft', string>;
  date: string;
  no: string;
  indicator: string;
  unit: string;
  baseline: string;
  finalCondition: string;
  original: string;
  revised: string;
  justification: string;
  groups: Record<IndicatorGroup, string>;
  legendChanged: string;
  /** Lampiran I: the column of Δ per changed year. */
  deltaHeader: string;
  /** "2021: +1,30 poin persen (dilonggarkan)". */
  deltaLine: (year: number, signed: string, unit: string, kind: 'loosened' | 'tightened' | null) => string;
  /** Italic on a light fill: illustrative numbers (and, in Lampiran II, capaian computed from them). */
  legendIllustrative: string;
  legendIllustrativeCapaian: string;
  legendProvisional: string;
  /** Lampiran I: which years the revision date makes history. */
  legendRevision: (date: string, lastRealised: number) => string;
  year: string;
  realisation: string;
  capaian: string;
  band: string;
  formula: string;
  source: string;
  originalTarget: string;
  revisedTarget: string;
  noRealisation: string;
  formulas: Record<CapaianFormula, string>;
  notComputable: Record<NotComputableReason, string>;
  bands: Record<CapaianBand, string>;
  /** Lampiran II sub-headers of each target side. */
  category: string;
  attainment: string;
  achieved: string;
  /** "Tidak tercapai, selisih 0,62 poin persen". */
  notAchieved: (gap: string, unit: string) => string;
  /** The merged capaian cells across a change of method. */
  notComparable: (year: number) => string;
  /** Legend lines under Lampiran II. */
  legendBands: Record<CapaianBandScale, string>;
  legendAttainment: string;
  legendBreak: (indicator: string, year: number, note: string) => string;
  legendFormula: string;
  /** Lampiran II's two parts when the workbook has a revision date. */
  sectionRealised: (date: string, lastRealised: number) => string;
  sectionMonitoring: (date: string, years: readonly number[]) => string;
  /** Lampiran II: the header of the 95 % interval beside each realisation with a standard error. */
  interval95: string;
  /** The note under Lampiran II naming the interval's rule (z = "1,96") and the standard errors' sources. */
  legendInterval: (z: string, sources: string) => string;
  severity: Record<Severity, string>;
  check: string;
  finding: string;
  findingsSummary: (c: Record<Severity, number>) => string;
  noFindings: string;
  at: string;
  user: string;
  action: string;
  oldValue: string;
  newValue: string;
  detail: string;
  noChanges: string;
  series: Record<Series | 'revised_target', string>;
  seriesHeader: string;
  value: string;
  note: string;
  illustrative: string;
  provisional: string;
  page: string;
  of: string;
  nip: string;
  months: readonly string[];
  /** Lampiran I: the Perangkat Daerah penanggung jawab column, and "–" where none is set. */
  responsibleUnit: string;
  /** Lampiran I: the header of the Semula/Menjadi label column, and of the year columns. */
  targetRow: string;
  targetsByYear: string;
  /** What an unset part of the Raperda header prints: a blank to fill, never an invented number. */
  blank: string;
  /** The Raperda header block at the top right of a Lampiran sheet. */
  raperda: (p: RaperdaParts) => string[];
  template: { sheet: string; code: string; help: string[] };
}

const id: AnnexLabels = {
  docTitle: 'Rancangan Perubahan RPJMD',
  sheet1Title: 'Indikator Makro dan Kemiskinan',
  sheet2Title: 'Realisasi dan Capaian',
  sheet3Title: 'Pemeriksaan',
  sheet4Title: 'Catatan Perubahan',
  sheet5Title: 'Sumber Data',
  sheet6Title: 'Kelayakan Target',
  feasibility: {
    fitCaption: (year) => `A  Sebaran konsumsi tahun dasar ${year} (lognormal dua parameter)`,
    recordCaption: 'B  Catatan daerah: pertumbuhan konsumsi yang tersirat dari penurunan P0, terhadap pertumbuhan ekonomi',
    targetsCaption: (base) => `C  Target P0 skenario: pertumbuhan konsumsi yang dibutuhkan dari tahun dasar ${base}`,
    baseYear: 'Tahun dasar',
    p0: 'P0 (%)',
    p1: 'P1',
    sigma: 'σ',
    fittedFrom: 'σ diestimasi dari',
    fittedFromWords: { p1: 'P1', gini: 'Rasio Gini' },
    giniKnown: 'Rasio Gini (BPS)',
    giniModel: 'Rasio Gini model',
    p2Known: 'P2 (BPS)',
    p2Model: 'P2 model',
    p2Gap: 'Selisih P2 (model − BPS)',
    year: 'Tahun',
    p0From: 'P0 tahun sebelumnya (%)',
    p0To: 'P0 (%)',
    impliedGrowth: 'Pertumbuhan konsumsi tersirat (%)',
    economicGrowth: 'Pertumbuhan ekonomi (%)',
    recordMean: 'Rata-rata',
    recordBest: 'Tahun terbaik',
    realisticBound: (p) => `"realistis" ≤ ${p}`,
    ambitiousBound: (p) => `"ambisius" ≤ ${p}`,
    passThrough: 'Pass-through daerah (Σ pertumbuhan tersirat ÷ Σ pertumbuhan ekonomi)',
    target: 'Target P0 (%)',
    requiredGrowth: 'Pertumbuhan konsumsi yang dibutuhkan',
    cumulative: (base) => `kumulatif sejak ${base} (%)`,
    perYear: 'per tahun (%)',
    peopleOut: 'Penduduk yang harus keluar dari kemiskinan tahun itu (jiwa)',
    economicGrowthNeeded: 'Pertumbuhan ekonomi yang dibutuhkan pada pass-through daerah (% per tahun)',
    rating: 'Penilaian',
    ratings: { realistic: 'realistis', ambitious: 'ambisius', beyond_record: 'di luar riwayat daerah', no_record: 'tanpa riwayat pembanding' },
    noFit: 'Sebaran konsumsi tahun dasar belum dapat diestimasi, jadi tabel kelayakan tidak dibuat: angka yang perlu diisi disebut di bawah.',
    noRecord: 'Catatan daerah tidak dibuat: tidak ada dua tahun realisasi P0 berturut-turut (lihat di bawah).',
    noTargets: 'Tidak ada target P0 skenario ini setelah tahun dasar yang dapat dinilai (lihat di bawah).',
    problemsHeading: 'Yang belum dapat dihitung atau diperiksa, dan angka yang perlu diisi:',
    series: { realisation: 'realisasi', revised_target: 'target perubahan', original_target: 'target awal', projection: 'proyeksi', revision_date: 'tanggal perubahan' },
    ratingRule: (r, a) => `Penilaian: "realistis" bila pertumbuhan konsumsi per tahun yang dibutuhkan ≤ rata-rata catatan daerah (paling kecil 0): ≤ ${r}; "ambisius" bila ≤ tahun terbaik daerah: ≤ ${a}; "di luar riwayat daerah" bila lebih.`,
    ratingRuleNoRecord: 'Penilaian "tanpa riwayat pembanding": tidak ada dua tahun realisasi P0 berturut-turut untuk dibandingkan.',
    footnote: 'Perkiraan model (lognormal, pertumbuhan netral-distribusi); bukan proyeksi. Asumsi:',
    // docs/METHODS.md, "Feasibility from the distribution (Kelayakan)": what the assumptions cost.
    assumptions: [
      'pertumbuhan netral-distribusi: konsumsi semua penduduk naik dengan proporsi yang sama, σ tetap (program yang mengangkat penduduk miskin lebih cepat butuh pertumbuhan lebih kecil; pertumbuhan yang memperlebar ketimpangan, lebih besar)',
      'satu sebaran lognormal untuk seluruh daerah (kota dan desa tidak dibedakan)',
      'angka Susenas dipakai sebagai nilai sebenarnya, tanpa galat sampelnya',
      'pertumbuhan ekonomi (PDRB riil) bukan pertumbuhan konsumsi: pass-through adalah catatan daerah, bukan elastisitas struktural',
    ],
    illustrative: 'Miring berlatar biru muda = ilustrasi: angka dari masukan bertanda ilustrasi (bukan angka BPS).',
    missing: (refs) => `– (${refs})`,
  },
  sheet7Title: 'Rencana Intervensi',
  interventions: {
    coverage: ({ first, horizon, planFirst, planLast }) => {
      const span = first === null || first >= horizon ? `${horizon}` : `${first}–${horizon}`;
      return horizon > planLast
        ? `Tahun ${span}: program sampai cakrawala RPKD/RPD ${horizon}, melewati periode RPJMD ${planFirst}–${planLast}`
        : `Tahun ${span}, dalam periode RPJMD ${planFirst}–${planLast}`;
    },
    programmesCaption: 'A  Program penanggulangan kemiskinan dan jangkauannya per tahun',
    effectCaption: 'B  Efek program pada jalur kemiskinan dan selisih terhadap target acuan, per tahun',
    basisCaption: 'C  Dasar perhitungan: garis kemiskinan, rumah tangga miskin, sebaran konsumsi, target acuan',
    no: 'No',
    programme: 'Program',
    cluster: 'Klaster',
    strategy: 'Strategi (Inpres 4/2022)',
    agency: 'Perangkat Daerah',
    year: 'Tahun',
    households: 'Rumah tangga sasaran',
    benefit: 'Manfaat (Rp/RT/bulan)',
    accuracy: 'Ketepatan sasaran (%)',
    budget: 'Anggaran (Rp)',
    budgetUnknown: 'belum diketahui',
    noProgrammes: 'Belum ada program dalam buku kerja.',
    noYears: 'belum ada tahun',
    clusters: PROGRAMME_CLUSTER_WORDS.id,
    strategies: PROGRAMME_STRATEGY_WORDS.id,
    p0Without: 'P0 tanpa program, jalur skenario (%)',
    targetGroup: 'Target acuan',
    targetLabel: 'Acuan',
    targetValue: 'P0 (%)',
    programmeBudget: 'Anggaran program (Rp)',
    modelGroup: 'Perkiraan model (bukan ramalan)',
    p0With: 'P0 dengan program (%)',
    peopleLifted: 'Penduduk keluar dari kemiskinan (jiwa)',
    costPerPerson: 'Biaya per orang keluar dari kemiskinan (Rp)',
    gapGroup: 'Selisih terhadap target acuan',
    gapPp: 'poin persen',
    gapPeople: 'jiwa',
    budgetToCloseGroup: 'Anggaran untuk menutup selisih',
    rupiah: 'Rp',
    remark: 'Catatan',
    lowerBound: 'batas bawah',
    targetMet: 'target tercapai',
    noYearsToShow: 'Tidak ada tahun setelah tahun realisasi terakhir dengan jalur P0 atau program.',
    input: 'Masukan',
    value: 'Nilai',
    basis: 'Dasar',
    source: 'Sumber',
    povertyLine: 'Garis kemiskinan (Rp/kapita/bulan)',
    lineBasis: (l) => (l.basis === 'realisation' ? 'realisasi' : l.basis === 'target' ? 'target perubahan skenario' : `dibawa dari ${l.from ?? ''}`),
    lineFromTarget: (scenario) => `Target perubahan GK skenario "${scenario}"`,
    householdSize: 'Rata-rata anggota rumah tangga miskin (orang)',
    householdSizeBasis: 'parameter buku kerja',
    sigma: 'σ sebaran konsumsi (lognormal)',
    sigmaBasis: (from) => (from ? `diestimasi dari ${from}, tahun dasar` : 'tahun dasar'),
    sigmaSource: 'Lembar Kelayakan Target, tabel A',
    referenceTarget: 'Target acuan P0 kabupaten (%)',
    referenceBasis: (label, sign, value) => `${label}: P0 ${sign} ${value} %`,
    notSet: 'belum diisi',
    illustrative: 'Miring berlatar biru muda = ilustrasi: program contoh dan angka bertanda ilustrasi (bukan data Perangkat Daerah atau BPS), dan perkiraan yang dihitung darinya.',
    incomeEffect: (names) => `Manfaat berupa efek pendapatan (kenaikan pendapatan rumah tangga, bukan bantuan yang dibayarkan): ${names}.`,
    gapRule: 'Selisih = P0 dengan program − target acuan: positif, program belum cukup; negatif, target terlampaui. Anggaran untuk menutup selisih = selisih (jiwa) × biaya per orang: lebih banyak program yang sama dengan biaya per orang yang sama.',
    lowerBoundRule: '"batas bawah": program yang sama, walaupun menjangkau seluruh penduduk miskin, tidak cukup menutup selisih; anggaran itu paling sedikit, perlu manfaat lebih besar atau program lain.',
    footnote: (label) => `Semua angka di bawah "Perkiraan model" adalah ${label}, bukan ramalan: apa yang dilakukan program yang dicatat terhadap jalur P0 skenario menurut sebaran konsumsi daerah. Asumsi:`,
    problemsHeading: 'Yang belum dapat dihitung, peringatan dan catatan:',
    householdSizeWhere: 'Rata-rata anggota rumah tangga miskin',
    programmeWhere: 'Program',
    compactInfo: ({ noTarget, noProgrammes }) =>
      `Info — ${[noTarget && `tahun tanpa target acuan P0, jadi selisih tidak dihitung: ${noTarget}`, noProgrammes && `tahun tanpa program, jadi P0 dengan program = P0 tanpa program: ${noProgrammes}`].filter(Boolean).join('; ')}.`,
    missing: (refs) => `– (${refs})`,
  },
  sheet8Title: 'Tindak Lanjut Hasil Evaluasi',
  review: {
    no: 'No',
    indicator: 'Indikator',
    year: 'Tahun',
    note: 'Catatan Evaluasi',
    evaluatorDate: 'Evaluator, Tanggal',
    response: 'Tanggapan (Tindak Lanjut)',
    status: 'Status',
    change: 'Perubahan yang Dilakukan',
    allYears: 'semua tahun',
    statuses: { belum: 'belum', ditindaklanjuti: 'ditindaklanjuti' },
    unchanged: 'tidak berubah',
    noNotes: 'Tidak ada catatan evaluasi gubernur yang diimpor ke buku kerja ini.',
    summary: ({ total, done, open }) => `${total} catatan evaluasi: ${done} ditindaklanjuti, ${open} belum.`,
    changeRule: (scenario) =>
      `Perubahan yang Dilakukan: target perubahan yang dilihat evaluator → target perubahan skenario ${scenario} sekarang; "tidak berubah" bila sama (pada desimal indikatornya); "–" untuk catatan tentang indikator secara keseluruhan (tanpa tahun).`,
    sources: (files) => `Berkas evaluasi: ${files}.`,
  },
  lampiran: (n) => `Lampiran ${n}`,
  planPeriod: (region, province, first, last) => `${region}, Provinsi ${province} — RPJMD ${first}–${last}`,
  scenario: 'Skenario',
  status: { usulan: 'usulan', draft: 'draf' },
  date: 'Tanggal',
  no: 'No',
  indicator: 'Indikator',
  unit: 'Satuan',
  baseline: 'Kondisi Awal',
  finalCondition: 'Kondisi Akhir',
  original: 'Semula',
  revised: 'Menjadi',
  justification: 'Alasan Perubahan',
  groups: { makro: 'Indikator Makro', kemiskinan: 'Indikator Kemiskinan' },
  legendChanged: 'Sel berwarna: target yang diubah (Menjadi berbeda dari Semula).',
  deltaHeader: 'Perubahan (Menjadi − Semula)',
  deltaLine: (year, signed, unit, kind) => `${year}: ${signed} ${unit}${kind === 'loosened' ? ' (dilonggarkan)' : kind === 'tightened' ? ' (diperketat)' : ''}`,
  legendIllustrative: 'Angka bercetak miring berlatar biru muda = ilustrasi (bukan angka Perda/BPS): angka pengganti yang wajar karena sumber publiknya belum ditemukan; lihat lembar Sumber Data.',
  legendIllustrativeCapaian: 'Capaian yang dihitung dari angka ilustrasi juga bercetak miring.',
  legendProvisional: 'Tanda * di belakang angka = angka sementara (BPS).',
  legendRevision: (date, last) => `Tanggal perubahan: ${date}. Realisasi yang sudah terbit pada tanggal itu: sampai tahun ${last} (Lampiran II).`,
  year: 'Tahun',
  realisation: 'Realisasi',
  capaian: 'Capaian (%)',
  band: 'Status',
  formula: 'Rumus Capaian',
  source: 'Sumber',
  originalTarget: 'Target Semula',
  revisedTarget: 'Target Menjadi',
  noRealisation: 'Belum ada data realisasi',
  formulas: {
    higher: 'Realisasi ÷ Target × 100% (makin tinggi makin baik)',
    lower_a: 'Target ÷ Realisasi × 100% (makin rendah makin baik, praktik SIPD)',
    lower_b: '(2 − Realisasi ÷ Target) × 100% (makin rendah makin baik, PermenPANRB)',
    gap_closure: '(Kondisi awal − Realisasi) ÷ (Kondisi awal − Target) × 100% (target 0)',
  },
  notComputable: {
    neutral_polarity: 'Tidak dihitung: indikator tanpa arah (netral)',
    zero_target_no_baseline: 'Tidak dihitung: target 0 tanpa kondisi awal',
    baseline_equals_target: 'Tidak dihitung: kondisi awal sama dengan target',
    zero_target: 'Tidak dihitung: target 0',
    zero_realisation: 'Tidak dihitung: realisasi 0',
    negative_value: 'Tidak dihitung: nilai negatif',
  },
  bands: {
    sangat_tinggi: 'Sangat tinggi',
    tinggi: 'Tinggi',
    sedang: 'Sedang',
    rendah: 'Rendah',
    sangat_rendah: 'Sangat rendah',
    sangat_baik: 'Sangat baik',
    baik: 'Baik',
    cukup: 'Cukup',
    kurang: 'Kurang',
  },
  category: 'Kategori',
  attainment: 'Ketercapaian',
  achieved: 'Tercapai',
  notAchieved: (gap, unit) => `Tidak tercapai, selisih ${gap} ${unit}`,
  notComparable: (year) => `Tidak sebanding: metode berubah sejak ${year} (lihat catatan di bawah tabel)`,
  legendBands: {
    permendagri_86_2017: 'Kategori capaian (Permendagri No. 86 Tahun 2017): ≥ 91 sangat tinggi; 76–90 tinggi; 66–75 sedang; 51–65 rendah; ≤ 50 sangat rendah.',
    lakip: 'Kategori capaian (skala LAKIP daerah): ≥ 91 sangat baik; 81–90 baik; 71–80 cukup; ≤ 70 kurang.',
  },
  legendAttainment:
    'Tidak tercapai: realisasi belum mencapai target menurut arah indikator (makin rendah atau makin tinggi makin baik), apa pun kategori capaiannya; selisih dalam satuan indikator (poin persen untuk indikator dalam %).',
  legendBreak: (indicator, year, note) => `Tidak sebanding — ${indicator}, sejak ${year}: ${note}`,
  legendFormula: 'Rumus capaian per indikator: pilihan perencana, atau bawaan menurut polaritas (makin rendah makin baik: Target ÷ Realisasi).',
  sectionRealised: (date, last) => `Realisasi yang sudah terbit pada tanggal perubahan (${date}): sampai tahun ${last} — dasar perubahan`,
  sectionMonitoring: (date, years) => `Realisasi yang terbit sesudah ${date} (${years.join(', ')}) tidak dimuat: bukan dasar perubahan, melainkan bahan pemantauan.`,
  interval95: 'Selang kepercayaan 95 %',
  legendInterval: (z, sources) => `Selang kepercayaan 95 % = realisasi ± ${z} × galat baku (SE), sumber: ${sources}; selang dipotong pada rentang indikator (tidak di bawah 0). Sel kosong: galat baku realisasi itu belum diisi, bukan selang nol.`,
  severity: { error: 'Galat', warning: 'Peringatan', info: 'Info' },
  check: 'Pemeriksaan',
  finding: 'Uraian',
  findingsSummary: (c) => `Temuan saat ekspor: ${c.error} galat, ${c.warning} peringatan, ${c.info} info (semua ditampilkan).`,
  noFindings: 'Tidak ada temuan.',
  at: 'Waktu (UTC)',
  user: 'Pengguna',
  action: 'Tindakan',
  oldValue: 'Semula',
  newValue: 'Menjadi',
  detail: 'Keterangan',
  noChanges: 'Belum ada perubahan tercatat.',
  series: {
    baseline: 'Kondisi awal',
    original_target: 'Target awal (RPJMD)',
    realisation: 'Realisasi',
    projection: 'Proyeksi',
    se: 'Galat baku (SE)',
    revised_target: 'Target perubahan',
  },
  seriesHeader: 'Seri',
  value: 'Nilai',
  note: 'Catatan',
  illustrative: 'ilustrasi',
  provisional: 'sementara',
  page: 'Halaman',
  of: 'dari',
  nip: 'NIP.',
  months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  responsibleUnit: 'Perangkat Daerah',
  targetRow: 'Target',
  targetsByYear: 'Target Tahun',
  blank: BLANK,
  raperda: (p) => {
    const region = up(p.region);
    const rpjmd = `TENTANG RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH ${region} TAHUN ${p.first}–${p.last}`;
    const amended = p.amended?.trim() ? (/\btentang\b/i.test(p.amended) ? up(p.amended.trim()) : `${up(p.amended.trim())} ${rpjmd}`) : `PERATURAN DAERAH ${region} NOMOR ${BLANK} TAHUN ${BLANK} ${rpjmd}`;
    return [`LAMPIRAN ${p.lampiran}`, `RANCANGAN PERATURAN DAERAH ${region}`, `NOMOR ${p.number?.trim() || BLANK} TAHUN ${p.year ?? BLANK}`, 'TENTANG', `PERUBAHAN ATAS ${amended}`];
  },
  template: {
    sheet: 'Impor',
    code: 'Kode',
    help: [
      'Isi angka per tahun pada kolom tahun; kosongkan sel yang tidak diketahui.',
      'Angka boleh ditulis 12,32 atau 12.32; tanda catatan kaki BPS (12,32*) dibuang dan dicatat.',
      'Indikator dikenali dari Kode atau nama (huruf besar/kecil dan aksen diabaikan).',
      'Saat impor, pilih seri tujuan: realisasi, galat baku (SE) realisasi, target awal, kondisi awal, proyeksi, atau target perubahan sebuah skenario.',
      'Galat baku (SE): satu angka per indikator dan tahun dalam satuan indikatornya (poin persen untuk persentase), dari tabel BPS; selang kepercayaan 95 % = realisasi ± 1,96 × SE.',
      'Daftar program (intervensi) memakai tajuk sendiri: Program | Klaster | Perangkat Daerah | Tahun | Rumah Tangga Sasaran | Manfaat per Rumah Tangga per Bulan (Rp) | Ketepatan Sasaran (%) (Anggaran, Sumber boleh).',
    ],
  },
};

const en: AnnexLabels = {
  docTitle: 'Draft Revision of the RPJMD',
  sheet1Title: 'Macro and Poverty Indicators',
  sheet2Title: 'Realisations and Achievement',
  sheet3Title: 'Checks',
  sheet4Title: 'Change Log',
  sheet5Title: 'Data Sources',
  sheet6Title: 'Target Feasibility',
  feasibility: {
    fitCaption: (year) => `A  Consumption distribution of the base year ${year} (two-parameter lognormal)`,
    recordCaption: 'B  The region\'s record: the consumption growth implied by the fall in P0, against economic growth',
    targetsCaption: (base) => `C  The scenario's P0 targets: the consumption growth they need from the base year ${base}`,
    baseYear: 'Base year',
    p0: 'P0 (%)',
    p1: 'P1',
    sigma: 'σ',
    fittedFrom: 'σ fitted from',
    fittedFromWords: { p1: 'P1', gini: 'Gini ratio' },
    giniKnown: 'Gini ratio (BPS)',
    giniModel: 'Gini ratio, model',
    p2Known: 'P2 (BPS)',
    p2Model: 'P2, model',
    p2Gap: 'P2 gap (model − BPS)',
    year: 'Year',
    p0From: 'P0 the year before (%)',
    p0To: 'P0 (%)',
    impliedGrowth: 'Implied consumption growth (%)',
    economicGrowth: 'Economic growth (%)',
    recordMean: 'Mean',
    recordBest: 'Best year',
    realisticBound: (p) => `"realistic" ≤ ${p}`,
    ambitiousBound: (p) => `"ambitious" ≤ ${p}`,
    passThrough: 'The region\'s pass-through (Σ implied growth ÷ Σ economic growth)',
    target: 'P0 target (%)',
    requiredGrowth: 'Consumption growth needed',
    cumulative: (base) => `cumulative since ${base} (%)`,
    perYear: 'a year (%)',
    peopleOut: 'People who must leave poverty that year',
    economicGrowthNeeded: 'Economic growth needed at the region\'s pass-through (% a year)',
    rating: 'Rating',
    ratings: { realistic: 'realistic', ambitious: 'ambitious', beyond_record: 'beyond the region\'s record', no_record: 'no record to compare' },
    noFit: 'The base year\'s consumption distribution cannot be fitted yet, so no feasibility tables are made: the numbers to enter are named below.',
    noRecord: 'No record of the region: there are no two consecutive realised years of P0 (see below).',
    noTargets: 'This scenario has no P0 target after the base year to assess (see below).',
    problemsHeading: 'What cannot be computed or checked yet, and the numbers to enter:',
    series: { realisation: 'realisation', revised_target: 'revised target', original_target: 'original target', projection: 'projection', revision_date: 'revision date' },
    ratingRule: (r, a) => `Rating: "realistic" when the consumption growth a year a target needs is ≤ the region's record mean (at least 0): ≤ ${r}; "ambitious" when ≤ the region's best year: ≤ ${a}; "beyond the region's record" above that.`,
    ratingRuleNoRecord: 'Rating "no record to compare": there are no two consecutive realised years of P0 to compare with.',
    footnote: 'Model estimate (lognormal, distribution-neutral growth); not a projection. Assumptions:',
    assumptions: [
      'distribution-neutral growth: everyone\'s consumption rises by the same proportion, σ stays (programmes that lift the poor faster need less growth; growth that widens inequality, more)',
      'one lognormal distribution for the whole region (towns and villages alike)',
      'Susenas figures are taken as the truth, without their sampling error',
      'economic growth (real PDRB) is not consumption growth: the pass-through is the region\'s record, not a structural elasticity',
    ],
    illustrative: 'Italic on light blue = ilustrasi (illustrative): from inputs marked illustrative (not BPS figures).',
    missing: (refs) => `– (${refs})`,
  },
  sheet7Title: 'Intervention plan',
  interventions: {
    coverage: ({ first, horizon, planFirst, planLast }) => {
      const span = first === null || first >= horizon ? `${horizon}` : `${first}–${horizon}`;
      return horizon > planLast
        ? `Years ${span}: programmes to the RPKD/RPD horizon ${horizon}, past the RPJMD period ${planFirst}–${planLast}`
        : `Years ${span}, within the RPJMD period ${planFirst}–${planLast}`;
    },
    programmesCaption: 'A  Poverty programmes and their reach per year',
    effectCaption: 'B  The programmes\' effect on the poverty path and the gap to the reference target, per year',
    basisCaption: 'C  What the estimate rests on: poverty line, poor households, consumption distribution, reference targets',
    no: 'No',
    programme: 'Programme',
    cluster: 'Cluster',
    strategy: 'Strategy (Inpres 4/2022)',
    agency: 'Agency (Perangkat Daerah)',
    year: 'Year',
    households: 'Households reached',
    benefit: 'Benefit (Rp per household a month)',
    accuracy: 'Targeting accuracy (%)',
    budget: 'Budget (Rp)',
    budgetUnknown: 'not known',
    noProgrammes: 'The workbook has no programmes yet.',
    noYears: 'no years yet',
    clusters: PROGRAMME_CLUSTER_WORDS.en,
    strategies: PROGRAMME_STRATEGY_WORDS.en,
    p0Without: 'P0 without programmes, scenario path (%)',
    targetGroup: 'Reference target',
    targetLabel: 'Reference',
    targetValue: 'P0 (%)',
    programmeBudget: 'Programme budget (Rp)',
    modelGroup: 'Model estimate (not a forecast)',
    p0With: 'P0 with programmes (%)',
    peopleLifted: 'People lifted out of poverty',
    costPerPerson: 'Cost per person lifted (Rp)',
    gapGroup: 'Gap to the reference target',
    gapPp: 'percentage points',
    gapPeople: 'people',
    budgetToCloseGroup: 'Budget to close the gap',
    rupiah: 'Rp',
    remark: 'Note',
    lowerBound: 'lower bound',
    targetMet: 'target met',
    noYearsToShow: 'No year after the last realised year has a P0 path or a programme.',
    input: 'Input',
    value: 'Value',
    basis: 'Basis',
    source: 'Source',
    povertyLine: 'Poverty line (Rp per person a month)',
    lineBasis: (l) => (l.basis === 'realisation' ? 'realisation' : l.basis === 'target' ? 'the scenario\'s revised target' : `carried from ${l.from ?? ''}`),
    lineFromTarget: (scenario) => `GK revised target of scenario "${scenario}"`,
    householdSize: 'Average size of a poor household (people)',
    householdSizeBasis: 'workbook parameter',
    sigma: 'σ of the consumption distribution (lognormal)',
    sigmaBasis: (from) => (from ? `fitted from ${from}, base year` : 'base year'),
    sigmaSource: 'Sheet Kelayakan Target, table A',
    referenceTarget: 'The regency\'s P0 reference target (%)',
    referenceBasis: (label, sign, value) => `${label}: P0 ${sign} ${value} %`,
    notSet: 'not set',
    illustrative: 'Italic on light blue = ilustrasi (illustrative): example programmes and figures marked illustrative (not agency or BPS data), and the estimates computed from them.',
    incomeEffect: (names) => `Benefit as an income effect (a rise in household income, not a payment): ${names}.`,
    gapRule: 'Gap = P0 with programmes − the reference target: positive, the programmes are not enough; negative, the target is passed. Budget to close the gap = the gap (people) × the cost per person: more of the same programmes at the same cost per person.',
    lowerBoundRule: '"lower bound": the same programmes cannot close the gap even covering all the poor; the budget is the least it takes, larger benefits or other programmes are needed.',
    footnote: (label) => `Every number under "Model estimate" is a ${label}, not a forecast: what the programmes entered do to the scenario's P0 path through the region's consumption distribution. Assumptions:`,
    problemsHeading: 'What cannot be computed yet, warnings and notes:',
    householdSizeWhere: 'Average size of a poor household',
    programmeWhere: 'Programmes',
    compactInfo: ({ noTarget, noProgrammes }) =>
      `Info — ${[noTarget && `years without a P0 reference target, so no gap is computed: ${noTarget}`, noProgrammes && `years without programmes, so P0 with programmes = P0 without: ${noProgrammes}`].filter(Boolean).join('; ')}.`,
    missing: (refs) => `– (${refs})`,
  },
  sheet8Title: 'Follow-up to the Evaluation',
  review: {
    no: 'No',
    indicator: 'Indicator',
    year: 'Year',
    note: 'Evaluation note',
    evaluatorDate: 'Evaluator, date',
    response: 'Response (follow-up)',
    status: 'Status',
    change: 'Change made',
    allYears: 'all years',
    statuses: { belum: 'open', ditindaklanjuti: 'followed up' },
    unchanged: 'unchanged',
    noNotes: "No notes from the governor's evaluation have been imported into this workbook.",
    summary: ({ total, done, open }) => `${total} evaluation ${total === 1 ? 'note' : 'notes'}: ${done} followed up, ${open} open.`,
    changeRule: (scenario) =>
      `Change made: the revised target the evaluator saw → the revised target of scenario ${scenario} now; "unchanged" when they are the same (at the indicator's decimals); "–" for a note on the indicator as a whole (no year).`,
    sources: (files) => `Evaluation files: ${files}.`,
  },
  lampiran: (n) => `Annex ${n}`,
  planPeriod: (region, province, first, last) => `${region}, ${province} Province — RPJMD ${first}–${last}`,
  scenario: 'Scenario',
  status: { usulan: 'proposal', draft: 'draft' },
  date: 'Date',
  no: 'No',
  indicator: 'Indicator',
  unit: 'Unit',
  baseline: 'Baseline',
  finalCondition: 'Final Condition',
  original: 'Original',
  revised: 'Revised',
  justification: 'Justification',
  groups: { makro: 'Macro Indicators', kemiskinan: 'Poverty Indicators' },
  legendChanged: 'Shaded cells: changed targets (Revised differs from Original).',
  deltaHeader: 'Change (Revised − Original)',
  deltaLine: (year, signed, unit, kind) => `${year}: ${signed} ${unit}${kind === 'loosened' ? ' (loosened)' : kind === 'tightened' ? ' (tightened)' : ''}`,
  legendIllustrative: 'Italic numbers on light blue = ilustrasi, illustrative (not Perda/BPS figures): plausible stand-ins where no public source was found; see the Sumber Data sheet.',
  legendIllustrativeCapaian: 'Achievement computed from illustrative numbers is italic too.',
  legendProvisional: 'A * after a number = provisional figure (angka sementara, BPS).',
  legendRevision: (date, last) => `Revision date: ${date}. Realisations published by then: up to ${last} (Annex II).`,
  year: 'Year',
  realisation: 'Realisation',
  capaian: 'Achievement (%)',
  band: 'Status',
  formula: 'Achievement Formula',
  source: 'Source',
  originalTarget: 'Original Target',
  revisedTarget: 'Revised Target',
  noRealisation: 'No realisation data yet',
  formulas: {
    higher: 'Realisation ÷ Target × 100% (higher is better)',
    lower_a: 'Target ÷ Realisation × 100% (lower is better, SIPD practice)',
    lower_b: '(2 − Realisation ÷ Target) × 100% (lower is better, PermenPANRB)',
    gap_closure: '(Baseline − Realisation) ÷ (Baseline − Target) × 100% (target 0)',
  },
  notComputable: {
    neutral_polarity: 'Not computed: neutral indicator',
    zero_target_no_baseline: 'Not computed: target 0 without a baseline',
    baseline_equals_target: 'Not computed: baseline equals the target',
    zero_target: 'Not computed: target 0',
    zero_realisation: 'Not computed: realisation 0',
    negative_value: 'Not computed: negative value',
  },
  bands: {
    sangat_tinggi: 'Very high',
    tinggi: 'High',
    sedang: 'Medium',
    rendah: 'Low',
    sangat_rendah: 'Very low',
    sangat_baik: 'Very good',
    baik: 'Good',
    cukup: 'Fair',
    kurang: 'Poor',
  },
  category: 'Category',
  attainment: 'Target met',
  achieved: 'Achieved',
  notAchieved: (gap, unit) => `Not achieved, gap ${gap} ${unit}`,
  notComparable: (year) => `Not comparable: method changed from ${year} (see the note under the table)`,
  legendBands: {
    permendagri_86_2017: 'Achievement category (Permendagri No. 86/2017): ≥ 91 very high; 76–90 high; 66–75 medium; 51–65 low; ≤ 50 very low.',
    lakip: 'Achievement category (the regional LAKIP scale): ≥ 91 very good; 81–90 good; 71–80 fair; ≤ 70 poor.',
  },
  legendAttainment:
    'Not achieved: the realisation did not reach the target in the indicator\'s direction (lower or higher is better), whatever its category; the gap is in the indicator\'s unit (percentage points for an indicator in %).',
  legendBreak: (indicator, year, note) => `Not comparable — ${indicator}, from ${year}: ${note}`,
  legendFormula: 'Achievement formula per indicator: the planner\'s choice, or the polarity\'s default (lower is better: Target ÷ Realisation).',
  sectionRealised: (date, last) => `Realisations published by the revision date (${date}): up to ${last} — the basis of the revision`,
  sectionMonitoring: (date, years) => `Realisations published after ${date} (${years.join(', ')}) are left out: they are not a basis of the revision but material for monitoring.`,
  interval95: '95 % confidence interval',
  legendInterval: (z, sources) => `95 % confidence interval = realisation ± ${z} × standard error (SE), source: ${sources}; the interval is cut at the indicator's range (never below 0). Empty cell: no standard error entered for that realisation, not an interval of zero.`,
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  check: 'Check',
  finding: 'Finding',
  findingsSummary: (c) => `Findings at export: ${c.error} errors, ${c.warning} warnings, ${c.info} info (all shown).`,
  noFindings: 'No findings.',
  at: 'Time (UTC)',
  user: 'User',
  action: 'Action',
  oldValue: 'Old',
  newValue: 'New',
  detail: 'Detail',
  noChanges: 'No changes recorded yet.',
  series: {
    baseline: 'Baseline',
    original_target: 'Original target (RPJMD)',
    realisation: 'Realisation',
    projection: 'Projection',
    se: 'Standard error (SE)',
    revised_target: 'Revised target',
  },
  seriesHeader: 'Series',
  value: 'Value',
  note: 'Note',
  illustrative: 'ilustrasi (illustrative)',
  provisional: 'provisional (sementara)',
  page: 'Page',
  of: 'of',
  nip: 'NIP.',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  responsibleUnit: 'Responsible Agency',
  targetRow: 'Target',
  targetsByYear: 'Target by Year',
  blank: BLANK,
  raperda: (p) => {
    const region = up(p.region);
    const rpjmd = `ON THE MEDIUM-TERM REGIONAL DEVELOPMENT PLAN (RPJMD) OF ${region} ${p.first}–${p.last}`;
    const amended = p.amended?.trim() ? up(p.amended.trim()) : `REGIONAL REGULATION OF ${region} NUMBER ${BLANK} OF ${BLANK} ${rpjmd}`;
    return [`ANNEX ${p.lampiran}`, `DRAFT REGIONAL REGULATION (RAPERDA) OF ${region}`, `NUMBER ${p.number?.trim() || BLANK} OF ${p.year ?? BLANK}`, 'ON', `AMENDMENT TO ${amended}`];
  },
  template: {
    sheet: 'Import',
    code: 'Code',
    help: [
      'Enter one number per year in the year columns; leave unknown cells empty.',
      'Numbers may be written 12,32 or 12.32; BPS footnote marks (12,32*) are stripped and noted.',
      'Indicators are recognised by Code or name (case and accents ignored).',
      'When importing, choose the target series: realisation, standard error (SE) of the realisations, original target, baseline, projection, or a scenario\'s revised target.',
      'Standard error (SE): one number per indicator and year in the indicator\'s unit (percentage points for a rate), from the BPS table; 95 % interval = realisation ± 1,96 × SE.',
      'A programme list (interventions) has its own header: Programme | Cluster | Agency | Year | Households | Benefit per Household per Month (Rp) | Targeting Accuracy (%) (Budget, Source optional).',
    ],
  },
};

export const LABELS: Record<AnnexLanguage, AnnexLabels> = { id, en };

/** Header words the importer recognises, whatever language the file was exported in. */
export const HEADER_WORDS = {
  indicator: [id.indicator, en.indicator, 'Nama Indikator', 'Indicator Name', 'Aspek/Fokus/Indikator'],
  unit: [id.unit, en.unit, 'Unit', 'Satuan'],
  code: [id.template.code, en.template.code],
  baseline: [id.baseline, en.baseline],
  original: [id.original, en.original],
  revised: [id.revised, en.revised],
  realisation: [id.realisation, en.realisation],
  year: [id.year, en.year],
  justification: [id.justification, en.justification],
  responsibleUnit: [id.responsibleUnit, en.responsibleUnit, 'Perangkat Daerah Penanggung Jawab', 'PD Penanggung Jawab', 'OPD'],
  targetRow: [id.targetRow, en.targetRow],
} as const;

/** "2021-08-23" → "23 Agustus 2021" (id) / "23 August 2021" (en). */
export function longDate(isoDate: string, lang: AnnexLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = LABELS[lang].months[Number(m[2]) - 1] ?? m[2];
  return `${Number(m[3])} ${month} ${m[1]}`;
}
