/**
 * The province's consolidated table as an AnnexDocument (issue 18 item 1), drawn by the annex's
 * own renderers (xlsx.ts, pdf.ts) so the file looks and prints like the annex the evaluation team
 * already reads. Four sheets:
 *
 * - Konsolidasi: a row per region (its ilustrasi mark in the name and the fill), per year P0
 *   realisation, target awal and target perubahan, the 2024 target against < 10 %, the loosening,
 *   the workbook's own check errors, its flags; under them the provincial aggregate and its
 *   coverage per year — a year not every region has shows no province figure ("tidak sebanding").
 * - Agregat: every standard indicator's aggregate per year, realised and target, each with its
 *   coverage, and the province's own targets checked on the P0 aggregate.
 * - Tanda: the flagged regions, one line per flag.
 * - Tidak Disertakan: the workbooks left out, with their reason in words.
 *
 * Pure: the caller reads the folder (services/province.ts) and passes the report and the date.
 */
import type { AnnexLanguage } from '../../shared/annex.js';
import { AGGREGATION, GOVERNOR_TARGET, PROVINCE_INDICATORS, type Aggregate, type ProvinceIndicator, type ProvinceReport, type RegionInput } from '../../shared/model/province.js';
import type { AnnexDocument, DocCell, DocCellStyle, DocSection, DocTable } from './document.js';
import { pdfNumber } from './pdf.js';
import { excludedReasonWords } from '../../shared/province-words.js';

export interface ProvinceTableOptions {
  language: AnnexLanguage;
  /** YYYY-MM-DD: the date printed and stamped into the file (nothing reads the clock). */
  date: string;
  /** The folder read, as named in the title lines. */
  folderName: string;
}

export const PROVINCE_SHEETS = {
  id: { table: 'Konsolidasi', aggregate: 'Agregat', flags: 'Tanda', excluded: 'Tidak Disertakan' },
  en: { table: 'Consolidated', aggregate: 'Aggregate', flags: 'Flags', excluded: 'Left Out' },
} as const;

const WORDS = {
  id: {
    docTitle: 'Tabel Konsolidasi Target Kemiskinan Kabupaten/Kota',
    province: (p: string, first: number, last: number) => `Provinsi ${p} — RPJMD ${first}–${last}`,
    noProvince: 'Tidak ada buku kerja yang dapat digabung',
    made: (date: string, n: number, folder: string) => `Disusun ${date} dari folder “${folder}”: ${n} wilayah dibaca hanya-baca (tidak ada berkas yang diubah).`,
    no: 'No',
    region: 'Kabupaten/Kota',
    kind: 'Jenis',
    usulan: 'Usulan',
    realised: 'Realisasi',
    original: 'Target awal',
    revised: 'Target perubahan',
    target2024: 'Target P0 2024 (< 10 %)',
    loosening: 'Pelonggaran terbesar (poin; tahun)',
    checkErrors: 'Galat periksa',
    flags: 'Tanda',
    noUsulan: 'tanpa usulan',
    illustrative: 'ilustrasi',
    kindKab: 'Kabupaten',
    kindKota: 'Kota',
    aggregate: 'Agregat provinsi',
    coverageRow: 'Cakupan (wilayah)',
    notComparable: 'tidak sebanding',
    coverage: (n: number, total: number) => `${n}/${total} wilayah`,
    partial: (n: number, total: number) => `${n}/${total} wilayah — tidak sebanding`,
    noData: 'tidak ada data',
    flag: { not_below_10: 'P0 2024 ≥ 10 %', loosening: 'paling melonggar', failing_checks: 'gagal periksa' },
    notesTable: [
      'Agregat P0 = Σ P0ₖ × pendudukₖ ÷ Σ pendudukₖ (rata-rata tertimbang penduduk, dengan penduduk Susenas yang dipakai setiap wilayah sendiri). Target agregat memakai target perubahan wilayah, bila tidak ada target awalnya.',
      'Tahun yang tidak dicakup semua wilayah tidak disajikan sebagai angka provinsi: “tidak sebanding”.',
      'ilustrasi: angka wilayah itu ilustrasi, bukan angka resmi BPS atau Perda.',
    ],
    aggTitle: 'Agregat Provinsi per Indikator',
    indicator: 'Indikator',
    year: 'Tahun',
    target: 'Target (perubahan, bila tidak ada: awal)',
    coverageCol: 'Cakupan',
    indicators: { P0: 'P0 — penduduk miskin (%)', P0E: 'Kemiskinan ekstrem (%)', P1: 'P1 — indeks kedalaman', P2: 'P2 — indeks keparahan', JPM: 'Jumlah penduduk miskin (jiwa)', JPME: 'Jumlah penduduk miskin ekstrem (jiwa)' },
    weighted: 'rata-rata tertimbang penduduk',
    sum: 'jumlah',
    targetsHeading: 'Target provinsi pada agregat target P0',
    governor: (meet: number, total: number) => `Gubernur: P0 < 10 % pada 2024 untuk setiap kabupaten/kota — ${meet} dari ${total} wilayah memenuhi.`,
    fall: (from: number, to: number, a: string, b: string, fall: string, verdict: string) => `Turun ≥ 1 poin per tahun, ${from}→${to}: ${a} % → ${b} % (turun ${fall} poin) — ${verdict}.`,
    range: (year: number, low: string, high: string, value: string | null, verdict: string) =>
      value === null ? `Target provinsi ${year} ${low}–${high} %: tidak ada target agregat.` : `Target provinsi ${year} ${low}–${high} %: agregat ${value} % — ${verdict}.`,
    meets: 'memenuhi',
    fails: 'tidak memenuhi',
    within: 'dalam rentang',
    outside: 'di luar rentang',
    incomplete: 'cakupan tidak lengkap, tidak sebanding',
    flagsTitle: 'Wilayah Bertanda',
    flagCol: 'Tanda',
    detail: 'Rincian',
    none: 'Tidak ada.',
    flagDetail: {
      not_below_10: (v: string | null) => (v === null ? 'tidak ada target P0 2024' : `target P0 2024: ${v} %`),
      loosening: (change: string, year: number, o: string, r: string) => `${year}: target awal ${o} % → perubahan ${r} % (+${change} poin)`,
      failing_checks: (n: number) => `${n} temuan tingkat kesalahan`,
    },
    excludedTitle: 'Buku Kerja yang Tidak Disertakan',
    file: 'Berkas',
    reason: 'Alasan',
    footer: 'Konsolidasi provinsi',
  },
  en: {
    docTitle: 'Consolidated Poverty Targets of the Regencies and Cities',
    province: (p: string, first: number, last: number) => `Province of ${p} — RPJMD ${first}–${last}`,
    noProvince: 'No workbook could be consolidated',
    made: (date: string, n: number, folder: string) => `Made ${date} from the folder “${folder}”: ${n} regions read read-only (no file was changed).`,
    no: 'No',
    region: 'Regency/city',
    kind: 'Kind',
    usulan: 'Proposal',
    realised: 'Realisation',
    original: 'Original target',
    revised: 'Revised target',
    target2024: '2024 P0 target (< 10 %)',
    loosening: 'Largest loosening (pp; year)',
    checkErrors: 'Check errors',
    flags: 'Flags',
    noUsulan: 'no proposal',
    illustrative: 'illustrative',
    kindKab: 'Regency',
    kindKota: 'City',
    aggregate: 'Provincial aggregate',
    coverageRow: 'Coverage (regions)',
    notComparable: 'not comparable',
    coverage: (n: number, total: number) => `${n}/${total} regions`,
    partial: (n: number, total: number) => `${n}/${total} regions — not comparable`,
    noData: 'no data',
    flag: { not_below_10: 'P0 2024 ≥ 10 %', loosening: 'loosens most', failing_checks: 'fails checks' },
    notesTable: [
      "Aggregate P0 = Σ P0ₖ × populationₖ ÷ Σ populationₖ (population-weighted mean, with the Susenas population each region itself uses). The aggregate target takes each region's revised target, else its original one.",
      "A year not every region covers is not presented as the province's figure: “not comparable”.",
      "illustrative: that region's figures are illustrative, not official BPS or Perda figures.",
    ],
    aggTitle: 'Provincial Aggregate by Indicator',
    indicator: 'Indicator',
    year: 'Year',
    target: 'Target (revised, else original)',
    coverageCol: 'Coverage',
    indicators: { P0: 'P0 — poor population (%)', P0E: 'Extreme poverty (%)', P1: 'P1 — poverty gap index', P2: 'P2 — poverty severity index', JPM: 'Number of poor people', JPME: 'Number of extremely poor people' },
    weighted: 'population-weighted mean',
    sum: 'sum',
    targetsHeading: "The province's targets on the aggregate P0 target",
    governor: (meet: number, total: number) => `Governor: P0 < 10 % by 2024 for every regency and city — ${meet} of ${total} regions meet it.`,
    fall: (from: number, to: number, a: string, b: string, fall: string, verdict: string) => `Falls ≥ 1 pp a year, ${from}→${to}: ${a} % → ${b} % (down ${fall} pp) — ${verdict}.`,
    range: (year: number, low: string, high: string, value: string | null, verdict: string) =>
      value === null ? `Province's ${year} target ${low}–${high} %: no aggregate target.` : `Province's ${year} target ${low}–${high} %: aggregate ${value} % — ${verdict}.`,
    meets: 'meets',
    fails: 'does not meet',
    within: 'within the range',
    outside: 'outside the range',
    incomplete: 'coverage incomplete, not comparable',
    flagsTitle: 'Flagged Regions',
    flagCol: 'Flag',
    detail: 'Detail',
    none: 'None.',
    flagDetail: {
      not_below_10: (v: string | null) => (v === null ? 'no 2024 P0 target' : `2024 P0 target: ${v} %`),
      loosening: (change: string, year: number, o: string, r: string) => `${year}: original ${o} % → revised ${r} % (+${change} pp)`,
      failing_checks: (n: number) => `${n} error-level findings`,
    },
    excludedTitle: 'Workbooks Left Out',
    file: 'File',
    reason: 'Reason',
    footer: 'Province consolidation',
  },
};

type Words = (typeof WORDS)['id'];

/** The excluded reason in words: the view's own (shared/province-words.ts). */
export function excludedReasonText(reason: string, lang: AnnexLanguage, params: Record<string, string | number> = {}): string {
  return excludedReasonWords(reason, lang, params);
}

const HEAD: DocCellStyle = { bold: true, fill: 'header', align: 'center', valign: 'middle', wrap: true };
const text = (t: string, style?: DocCellStyle): DocCell => ({ kind: 'text', text: t, ...(style ? { style } : {}) });
const num = (v: number | null | undefined, decimals: number, style?: DocCellStyle): DocCell =>
  v === null || v === undefined || !Number.isFinite(v) ? { kind: 'empty', ...(style ? { style } : {}) } : { kind: 'number', value: v, decimals, ...(style ? { style } : {}) };

/** Numbers in sentences as the annex writes them (the tables carry numbers as numbers). */
function fmt(v: number, decimals: number, lang: AnnexLanguage): string {
  return pdfNumber(v, decimals, lang);
}

function longDate(date: string, lang: AnnexLanguage): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function kindOf(name: string, w: Words): string {
  if (/^kota\b/i.test(name)) return w.kindKota;
  if (/^kab(upaten|\.)?\b/i.test(name)) return w.kindKab;
  return '–';
}

/** The years of the table: the plan's first year to the last year any region has a P0 figure. */
export function provinceYears(report: ProvinceReport): number[] {
  if (!report.period) return [];
  let last = report.period.lastYear;
  for (const r of report.regions) for (const m of [r.p0, r.original, r.revised ?? {}]) for (const y of Object.keys(m)) last = Math.max(last, Number(y));
  const out: number[] = [];
  for (let y = report.period.firstYear; y <= last; y++) out.push(y);
  return out;
}

function regionFlags(report: ProvinceReport, r: RegionInput): ('not_below_10' | 'loosening' | 'failing_checks')[] {
  const out: ('not_below_10' | 'loosening' | 'failing_checks')[] = [];
  if (report.flags.notBelowTenIn2024.some((f) => f.file === r.file)) out.push('not_below_10');
  if (report.flags.loosening.some((f) => f.file === r.file)) out.push('loosening');
  if (report.flags.failingChecks.some((f) => f.file === r.file)) out.push('failing_checks');
  return out;
}

function coverageText(agg: Aggregate | undefined, year: number, total: number, w: Words): { n: number; text: string; complete: boolean } {
  const n = agg?.coverage[String(year)] ?? 0;
  if (n === 0) return { n, text: w.noData, complete: false };
  if (n >= total) return { n, text: w.coverage(n, total), complete: true };
  return { n, text: w.partial(n, total), complete: false };
}

function titleLines(report: ProvinceReport, opts: ProvinceTableOptions, heading: string): string[] {
  const w = WORDS[opts.language];
  return [
    heading,
    report.province && report.period ? w.province(report.province, report.period.firstYear, report.period.lastYear) : w.noProvince,
    w.made(longDate(opts.date, opts.language), report.regions.length, opts.folderName),
  ];
}

function consolidatedSection(report: ProvinceReport, opts: ProvinceTableOptions): DocSection {
  const lang = opts.language;
  const w = WORDS[lang];
  const years = provinceYears(report);
  const total = report.regions.length;
  const fixed = [{ width: 4 }, { width: 30 }, { width: 11 }, { width: 20 }];
  const tail = [{ width: 12 }, { width: 14 }, { width: 9 }, { width: 22 }];
  const header: DocCell[][] = [
    [
      { ...text(w.no, HEAD), rowSpan: 2 },
      { ...text(w.region, HEAD), rowSpan: 2 },
      { ...text(w.kind, HEAD), rowSpan: 2 },
      { ...text(w.usulan, HEAD), rowSpan: 2 },
      ...years.map((y) => ({ ...text(String(y), HEAD), colSpan: 3 })),
      { ...text(w.target2024, HEAD), rowSpan: 2 },
      { ...text(w.loosening, HEAD), rowSpan: 2 },
      { ...text(w.checkErrors, HEAD), rowSpan: 2 },
      { ...text(w.flags, HEAD), rowSpan: 2 },
    ],
    years.flatMap(() => [text(w.realised, HEAD), text(w.original, HEAD), text(w.revised, HEAD)]),
  ];
  const body: DocCell[][] = report.regions.map((r, i) => {
    // P0's series marked ilustrasi are filled as the annex fills illustrative values; the name says it.
    const marked = r.illustrative.P0 ?? [];
    const fillOf = (series: 'realised' | 'original'): DocCellStyle | undefined => (marked.includes(series) ? { fill: 'illustrative' } : undefined);
    const illustrative = marked.length > 0;
    const year2024 = String(GOVERNOR_TARGET.year);
    const t2024 = GOVERNOR_TARGET.year <= r.horizonYear ? (r.revised?.[year2024] ?? r.original[year2024] ?? null) : null;
    const loose = report.loosening.find((l) => l.file === r.file);
    return [
      text(String(i + 1), { align: 'right' }),
      text(illustrative ? `${r.name} (${w.illustrative})` : r.name, { ...(illustrative ? { fill: 'illustrative' as const } : {}), wrap: true }),
      text(kindOf(r.name, w)),
      text(r.usulan ?? w.noUsulan, { wrap: true }),
      ...years.flatMap((y) => {
        const k = String(y);
        return [num(r.p0[k], 2, fillOf('realised')), num(r.original[k], 2, fillOf('original')), num(r.revised?.[k], 2)];
      }),
      t2024 === null ? text('–', { align: 'right', fill: 'error' }) : num(t2024, 2, t2024 >= GOVERNOR_TARGET.below ? { fill: 'error' } : undefined),
      loose ? text(`${fmt(loose.change, 2, lang)} (${loose.year})`, { align: 'right', fill: 'warning' }) : { kind: 'empty' },
      num(r.checkErrors, 0, r.checkErrors > 0 ? { fill: 'error' } : undefined),
      text(regionFlags(report, r).map((f) => w.flag[f]).join(', '), { wrap: true }),
    ];
  });
  const agg = report.aggregate.indicators.P0 ?? {
    realised: { value: report.aggregate.p0, coverage: report.aggregate.coverage, population: report.aggregate.population },
    target: { value: report.aggregate.target.rate, coverage: report.aggregate.target.coverage, population: report.aggregate.target.population },
  };
  const bold: DocCellStyle = { bold: true, fill: 'group' };
  const aggCell = (a: Aggregate, y: number): DocCell => {
    const c = coverageText(a, y, total, w);
    if (c.complete) return num(a.value[String(y)], 2, bold);
    return c.n === 0 ? { kind: 'empty', style: bold } : text(w.notComparable, { ...bold, italic: true, size: 8, wrap: true, align: 'right' });
  };
  body.push([
    { ...text(w.aggregate, bold), colSpan: 4 },
    ...years.flatMap((y) => [aggCell(agg.realised, y), { kind: 'empty', style: bold } as DocCell, aggCell(agg.target, y)]),
    { kind: 'empty', style: bold },
    { kind: 'empty', style: bold },
    { kind: 'empty', style: bold },
    { kind: 'empty', style: bold },
  ]);
  const covCell = (a: Aggregate, y: number): DocCell => {
    const c = coverageText(a, y, total, w);
    return c.n === 0 ? { kind: 'empty' } : text(`${c.n}/${total}`, { align: 'right', ...(c.complete ? {} : { fill: 'warning' as const }) });
  };
  body.push([
    { ...text(w.coverageRow), colSpan: 4 },
    ...years.flatMap((y) => [covCell(agg.realised, y), { kind: 'empty' } as DocCell, covCell(agg.target, y)]),
    { kind: 'empty' },
    { kind: 'empty' },
    { kind: 'empty' },
    { kind: 'empty' },
  ]);
  const table: DocTable = {
    columns: [...fixed, ...years.flatMap(() => [{ width: 9.5 }, { width: 8 }, { width: 9.5 }]), ...tail],
    header,
    body,
    repeatColumns: 2,
    freezeColumns: 2,
  };
  return {
    sheet: PROVINCE_SHEETS[lang].table,
    headerBlock: [],
    titles: titleLines(report, opts, w.docTitle),
    table,
    notes: w.notesTable,
    footer: w.footer,
  };
}

function aggregateSection(report: ProvinceReport, opts: ProvinceTableOptions): DocSection {
  const lang = opts.language;
  const w = WORDS[lang];
  const total = report.regions.length;
  const years = provinceYears(report);
  const body: DocCell[][] = [];
  for (const code of PROVINCE_INDICATORS) {
    const agg = report.aggregate.indicators[code as ProvinceIndicator];
    if (!agg) continue;
    const decimals = AGGREGATION[code] === 'sum' ? 0 : 2;
    const ys = years.filter((y) => agg.realised.coverage[String(y)] !== undefined || agg.target.coverage[String(y)] !== undefined);
    ys.forEach((y, i) => {
      const r = coverageText(agg.realised, y, total, w);
      const t = coverageText(agg.target, y, total, w);
      // The indicator's name spans its years; the rows under it leave that cell out.
      const lead: DocCell[] = i === 0 ? [{ ...text(`${w.indicators[code]} (${AGGREGATION[code] === 'sum' ? w.sum : w.weighted})`, { bold: true, wrap: true, valign: 'top' }), rowSpan: ys.length }] : [];
      body.push([
        ...lead,
        text(String(y), { align: 'center' }),
        r.complete ? num(agg.realised.value[String(y)], decimals) : { kind: 'empty' },
        text(r.text, r.complete || r.n === 0 ? undefined : { fill: 'warning' }),
        t.complete ? num(agg.target.value[String(y)], decimals) : { kind: 'empty' },
        text(t.text, t.complete || t.n === 0 ? undefined : { fill: 'warning' }),
      ]);
    });
  }
  const pt = report.provinceTargets;
  const verdict = (ok: boolean | null, complete: boolean, yes: string, no: string) => (!complete ? w.incomplete : ok ? yes : no);
  const lines = [
    w.governor(total - report.flags.notBelowTenIn2024.length, total),
    ...pt.yearlyFall.map((f) => w.fall(f.year - 1, f.year, fmt(f.from, 2, lang), fmt(f.to, 2, lang), fmt(f.fall, 2, lang), verdict(f.meets, f.complete, w.meets, w.fails))),
    w.range(
      pt.range2021.year,
      fmt(pt.range2021.low, 2, lang),
      fmt(pt.range2021.high, 2, lang),
      pt.range2021.value === null ? null : fmt(pt.range2021.value, 2, lang),
      verdict(pt.range2021.within, pt.range2021.complete, w.within, w.outside),
    ),
  ];
  // 122 units in all: one page's width (gather.ts PAGE_UNITS.A4).
  const columns = [{ width: 33 }, { width: 8 }, { width: 13 }, { width: 26 }, { width: 16 }, { width: 26 }];
  return {
    sheet: PROVINCE_SHEETS[lang].aggregate,
    headerBlock: [],
    titles: titleLines(report, opts, w.aggTitle),
    table: { columns, header: [], body: [] },
    blocks: [
      {
        kind: 'table',
        table: {
          columns,
          header: [[text(w.indicator, HEAD), text(w.year, HEAD), text(w.realised, HEAD), text(w.coverageCol, HEAD), text(w.target, HEAD), text(w.coverageCol, HEAD)]],
          body,
        },
      },
      { kind: 'lines', heading: w.targetsHeading, lines },
    ],
    notes: [],
    footer: w.footer,
  };
}

function flagsSection(report: ProvinceReport, opts: ProvinceTableOptions): DocSection {
  const lang = opts.language;
  const w = WORDS[lang];
  const rows: DocCell[][] = [];
  for (const f of report.flags.notBelowTenIn2024) rows.push([text(f.name, { wrap: true }), text(w.flag.not_below_10), text(w.flagDetail.not_below_10(f.value === null ? null : fmt(f.value, 2, lang)), { wrap: true })]);
  for (const l of report.flags.loosening) rows.push([text(l.name, { wrap: true }), text(w.flag.loosening), text(w.flagDetail.loosening(fmt(l.change, 2, lang), l.year, fmt(l.original, 2, lang), fmt(l.revised, 2, lang)), { wrap: true })]);
  for (const f of report.flags.failingChecks) rows.push([text(f.name, { wrap: true }), text(w.flag.failing_checks), text(w.flagDetail.failing_checks(f.errors), { wrap: true })]);
  if (rows.length === 0) rows.push([{ ...text(w.none), colSpan: 3 }]);
  return {
    sheet: PROVINCE_SHEETS[lang].flags,
    headerBlock: [],
    titles: titleLines(report, opts, w.flagsTitle),
    table: { columns: [{ width: 36 }, { width: 18 }, { width: 60 }], header: [[text(w.region, HEAD), text(w.flagCol, HEAD), text(w.detail, HEAD)]], body: rows },
    notes: [],
    footer: w.footer,
  };
}

function excludedSection(report: ProvinceReport, opts: ProvinceTableOptions): DocSection {
  const lang = opts.language;
  const w = WORDS[lang];
  const rows: DocCell[][] = report.excluded.map((e) => [text(e.file, { wrap: true }), text(excludedReasonText(e.reason, lang, e.params), { wrap: true })]);
  if (rows.length === 0) rows.push([{ ...text(w.none), colSpan: 2 }]);
  return {
    sheet: PROVINCE_SHEETS[lang].excluded,
    headerBlock: [],
    titles: titleLines(report, opts, w.excludedTitle),
    table: { columns: [{ width: 44 }, { width: 70 }], header: [[text(w.file, HEAD), text(w.reason, HEAD)]], body: rows },
    notes: [],
    footer: w.footer,
  };
}

/** The consolidated table as a document for renderXlsx / renderPdf. */
export function provinceDocument(report: ProvinceReport, opts: ProvinceTableOptions): AnnexDocument {
  const w = WORDS[opts.language];
  return {
    language: opts.language,
    paper: 'A4',
    title: report.province ? `${w.docTitle} — ${report.province}` : w.docTitle,
    sections: [consolidatedSection(report, opts), aggregateSection(report, opts), flagsSection(report, opts), excludedSection(report, opts)],
  };
}

/** "Konsolidasi-Provinsi-Sumatera-Selatan-2018-2023.xlsx". */
export function provinceFileName(report: ProvinceReport, lang: AnnexLanguage, format: 'xlsx' | 'pdf'): string {
  const name = (report.province ?? '').normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  const period = report.period ? `-${report.period.firstYear}-${report.period.lastYear}` : '';
  return `${lang === 'en' ? 'Province-Consolidation' : 'Konsolidasi-Provinsi'}${name ? `-${name}` : ''}${period}.${format}`;
}
