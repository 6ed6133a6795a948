/**
 * The annex (lampiran) for the governor's review: one .xlsx with Lampiran I (targets, RPJMD Bab IX
 * layout, semula/menjadi), Lampiran II (realisations and capaian), Lampiran III (check findings),
 * Catatan Perubahan (the scenario's change log) and Sumber Data (the source of every value).
 *
 * buildAnnex reads the workbook (never writes it) and the check report its caller made, and is
 * deterministic: the same workbook, options and report give the same cell contents (the date is
 * an option; nothing reads the clock). writeAnnex writes beside the target and renames, so the
 * final name never holds a half-written file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { AnnexLanguage, AnnexPaper, Signer } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/result.js';
import type { Indicator, IndicatorValue, MethodBreak, Plan, Scenario, ScenarioTargets, Series, WorkbookSettings } from '../../shared/domain.js';
import { formatNumber, formatSignedNumber } from '../../shared/format/number.js';
import { assessCapaian, capaianContext, formulaFor, type CapaianAssessment, type CapaianContext } from '../../shared/model/capaian.js';
import { changeUnit, checkCatalogue, isChanged, loosens } from '../../shared/model/checks.js';
import { lastRealisedYear } from '../../shared/model/revision.js';
import { roundTo } from '../../shared/model/rounding.js';
import { describeEntryAction, describeEntryDetail } from '../../shared/changes.js';
import { xmlSafeText } from '../../shared/text-rules.js';
import type { Workbook } from '../workbook/store.js';
import { writeFailure } from '../workbook/file-format.js';
import { sameFile } from '../workbook/lock.js';
import type { AnnexLabels } from './labels.js';
import { LABELS, longDate } from './labels.js';
import { boxAll, COLORS, fitRowHeight, mergeRange, numFmt, printSetup, put, titleRow, type CellStyle } from './sheet-style.js';

export interface AnnexOptions {
  /** Default: the scenario marked usulan. */
  scenarioId?: number | undefined;
  language: AnnexLanguage;
  paper: AnnexPaper;
  signer: Signer | null;
  /** Date printed on the annex and the signature, YYYY-MM-DD. */
  date: string;
}

export interface BuiltAnnex {
  workbook: ExcelJS.Workbook;
  scenario: Scenario;
  report: CheckReport;
}

/** Everything the sheets read, gathered once. */
interface AnnexData {
  plan: Plan;
  indicators: Indicator[];
  scenario: Scenario;
  targets: ScenarioTargets;
  report: CheckReport;
  value: (ind: Indicator, year: number, series: Series) => IndicatorValue | undefined;
  revised: (ind: Indicator, year: number) => number | undefined;
  values: IndicatorValue[];
  /** Each indicator's realisations, oldest first. */
  realisations: (ind: Indicator) => IndicatorValue[];
  settings: WorkbookSettings;
  /** Band scale, formula per indicator, method breaks: what capaian is measured with. */
  capaian: CapaianContext;
  /** The last year whose realisation was published by the revision date; null without a date. */
  lastRealised: number | null;
  lang: AnnexLanguage;
  L: AnnexLabels;
  opts: AnnexOptions;
}

export function resolveScenario(wb: Workbook, scenarioId: number | undefined): Scenario {
  if (scenarioId !== undefined) return wb.reads.scenario(scenarioId);
  const usulan = wb.reads.scenarios().find((s) => s.status === 'usulan');
  if (!usulan) {
    throw new AppError('not_found', 'No scenario is marked usulan; mark one as the proposal or choose the scenario to export', {}, 'scenarioId');
  }
  return usulan;
}

function gather(wb: Workbook, opts: AnnexOptions, report: CheckReport): AnnexData {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new AppError('bad_input', `Date must be YYYY-MM-DD, got "${opts.date}"`, {}, 'date');
  const scenario = wb.reads.scenario(report.scenarioId);
  const values = wb.values();
  const byKey = new Map(values.map((v) => [`${v.indicatorId}:${v.year}:${v.series}`, v]));
  const reals = new Map<number, IndicatorValue[]>();
  for (const v of values) {
    if (v.series !== 'realisation') continue;
    const list = reals.get(v.indicatorId);
    if (list) list.push(v);
    else reals.set(v.indicatorId, [v]);
  }
  for (const list of reals.values()) list.sort((a, b) => a.year - b.year);
  const targets = wb.reads.targets(scenario.id);
  const revisedMap = new Map(targets.targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
  const plan = wb.plan();
  const settings = wb.settings();
  return {
    plan,
    indicators: wb.indicators(),
    scenario,
    targets,
    report,
    values,
    realisations: (ind) => reals.get(ind.id) ?? [],
    value: (ind, year, series) => byKey.get(`${ind.id}:${year}:${series}`),
    revised: (ind, year) => revisedMap.get(`${ind.id}:${year}`),
    settings,
    capaian: capaianContext({ plan, settings, capaianSettings: wb.capaianSettings(), methodBreaks: wb.methodBreaks() }),
    lastRealised: lastRealisedYear(settings.revisionDate),
    lang: opts.language,
    L: LABELS[opts.language],
    opts,
  };
}

function targetYears(plan: Plan): number[] {
  const ys: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) ys.push(y);
  return ys;
}

function indName(d: AnnexData, ind: Indicator): string {
  return d.lang === 'en' ? ind.nameEn : ind.nameId;
}

/** A number cell's style: the indicator's decimals, "*" for a provisional figure, italic on a light fill for an illustrative one. */
function numberStyle(d: AnnexData, ind: Indicator, mark: { illustrative?: boolean; provisional?: boolean } = {}): CellStyle {
  return {
    numFmt: numFmt(ind.decimals, d.lang, mark.provisional ?? false),
    h: 'right',
    ...(mark.illustrative ? { italic: true, fill: COLORS.illustrative } : {}),
  };
}

/**
 * Whether a revised target is an illustrative number: one carried over unchanged (at the
 * indicator's decimals) from an illustrative original target — a scenario made from the original
 * targets copies their stand-ins, which stay stand-ins until the planner changes them.
 */
function revisedIllustrative(ind: Indicator, revised: number | undefined, original: IndicatorValue | undefined): boolean {
  return revised !== undefined && original !== undefined && original.illustrative && !isChanged(ind, revised, original.value);
}

/** A legend line under a table: an optional swatch in column A, the text merged across B…lastCol. */
function legendLine(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string, swatch?: { text: string; style: CellStyle }): void {
  if (swatch) put(ws, row, 1, swatch.text, { ...swatch.style, border: true, size: 7, h: 'center' });
  mergeRange(ws, row, 2, row, lastCol);
  put(ws, row, 2, text, { italic: true, size: 8, wrap: true, v: 'top' });
  let width = 0;
  for (let c = 2; c <= lastCol; c++) width += ws.getColumn(c).width ?? 9;
  fitRowHeight(ws, row, [{ text, width: width * 1.1 }]);
}

/** "2021-08-23" in the annex language, or null without a revision date. */
function revisionDateText(d: AnnexData): string | null {
  return d.settings.revisionDate ? longDate(d.settings.revisionDate, d.lang) : null;
}

/** "Kabupaten Muara Enim" → "Muara Enim": where the signer signs, unless given. */
function defaultPlace(region: string): string {
  return region.replace(/^(Kabupaten|Kab\.|Kota)\s+/i, '').trim() || region;
}

/** The common title block: lampiran + sheet title, document title, region and period, scenario, date. */
function titles(ws: ExcelJS.Worksheet, d: AnnexData, lastCol: number, heading: string): number {
  const { L, plan, scenario } = d;
  titleRow(ws, 1, lastCol, heading.toUpperCase(), 12);
  titleRow(ws, 2, lastCol, L.docTitle, 11);
  titleRow(ws, 3, lastCol, L.planPeriod(plan.region, plan.province, plan.firstYear, plan.lastYear), 10, false);
  titleRow(ws, 4, lastCol, `${L.scenario}: ${scenario.name} (${L.status[scenario.status]})`, 10, false);
  titleRow(ws, 5, lastCol, `${L.date}: ${longDate(d.opts.date, d.lang)}`, 10, false);
  return 7;
}

function footerLeft(d: AnnexData, number: string): string {
  return `${d.L.lampiran(number)} — ${d.L.docTitle} ${d.plan.region}`;
}

/**
 * Lampiran I: RPJMD Bab IX layout with the original (semula) and revised (menjadi) target side by
 * side, the change of each changed year in the indicator's unit (percentage points for a % —
 * "+1,30 poin persen (dilonggarkan)"), and illustrative numbers in italic on a light fill.
 */
function sheetTargets(book: ExcelJS.Workbook, d: AnnexData): void {
  const { L, plan } = d;
  const years = targetYears(plan);
  const ws = book.addWorksheet(ANNEX_SHEETS[0]);
  const colBaseline = 4;
  const colYear = (i: number) => 5 + i * 2;
  const colFinal = 5 + years.length * 2;
  const colDelta = colFinal + 2;
  const colWhy = colDelta + 1;
  const lastCol = colWhy;
  const widths = [5, 32, 10, 11, ...years.flatMap(() => [9, 9]), 9, 9, 27, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const h1 = titles(ws, d, lastCol, `${L.lampiran('I')} — ${L.sheet1Title}`);
  const h2 = h1 + 1;
  const head = { bold: true, h: 'center' as const, fill: COLORS.header, wrap: true };
  for (const [col, text] of [[1, L.no], [2, L.indicator], [3, L.unit], [colBaseline, `${L.baseline} (${plan.baselineYear})`], [colDelta, L.deltaHeader], [colWhy, L.justification]] as const) {
    mergeRange(ws, h1, col, h2, col);
    put(ws, h1, col, text, head);
  }
  years.forEach((y, i) => {
    mergeRange(ws, h1, colYear(i), h1, colYear(i) + 1);
    put(ws, h1, colYear(i), y, head);
    put(ws, h2, colYear(i), L.original, head);
    put(ws, h2, colYear(i) + 1, L.revised, head);
  });
  mergeRange(ws, h1, colFinal, h1, colFinal + 1);
  put(ws, h1, colFinal, `${L.finalCondition} (${plan.lastYear})`, head);
  put(ws, h2, colFinal, L.original, head);
  put(ws, h2, colFinal + 1, L.revised, head);
  ws.getRow(h1).height = 24;
  ws.getRow(h2).height = 14;

  const justification = new Map(d.targets.justifications.map((j) => [j.indicatorId, j.text]));
  let anyIllustrative = false;
  let anyProvisional = false;
  let row = h2 + 1;
  (['makro', 'kemiskinan'] as const).forEach((group, gi) => {
    const inds = d.indicators.filter((i) => i.group === group);
    if (inds.length === 0) return;
    put(ws, row, 1, String.fromCharCode(65 + gi), { bold: true, h: 'center', fill: COLORS.group });
    mergeRange(ws, row, 2, row, lastCol);
    put(ws, row, 2, L.groups[group], { bold: true, fill: COLORS.group });
    row++;
    inds.forEach((ind, k) => {
      const mark = (v: { illustrative?: boolean; provisional?: boolean }) => {
        anyIllustrative ||= v.illustrative === true;
        anyProvisional ||= v.provisional === true;
        return numberStyle(d, ind, v);
      };
      put(ws, row, 1, k + 1, { h: 'center' });
      put(ws, row, 2, indName(d, ind), { wrap: true });
      put(ws, row, 3, ind.unit, { h: 'center', wrap: true });
      const base = d.value(ind, plan.baselineYear, 'baseline') ?? d.value(ind, plan.baselineYear, 'realisation');
      put(ws, row, colBaseline, base?.value ?? '–', base ? mark(base) : { h: 'center' });
      const cells = (col: number, year: number) => {
        const originalValue = d.value(ind, year, 'original_target');
        const original = originalValue?.value;
        const revised = d.revised(ind, year);
        put(ws, row, col, original ?? '–', originalValue ? mark(originalValue) : { h: 'center' });
        const changed = revised !== undefined ? isChanged(ind, revised, original) : original !== undefined;
        put(ws, row, col + 1, revised ?? '–', {
          ...(revised !== undefined ? mark({ illustrative: !changed && revisedIllustrative(ind, revised, originalValue) }) : { h: 'center' as const }),
          ...(changed ? { fill: COLORS.changed, bold: true } : {}),
        });
      };
      years.forEach((y, i) => cells(colYear(i), y));
      cells(colFinal, plan.lastYear);
      const delta = deltaText(d, ind, years);
      put(ws, row, colDelta, delta, { wrap: true, v: 'top', size: 8 });
      const why = justification.get(ind.id) ?? '';
      put(ws, row, colWhy, why, { wrap: true, v: 'top' });
      // 8-point text fits about 9/8 as many characters per line as fitRowHeight's 9 point.
      fitRowHeight(ws, row, [{ text: indName(d, ind), width: widths[1]! }, { text: ind.unit, width: widths[2]! }, { text: delta, width: widths[colDelta - 1]! * 1.25 }, { text: why, width: widths[colWhy - 1]! }]);
      row++;
    });
  });
  const lastTableRow = row - 1;
  boxAll(ws, h1, 1, lastTableRow, lastCol);

  // Legend (after an empty row: the importer reads the table up to it), then the signature block.
  row += 1;
  const legendEnd = Math.min(lastCol, 14);
  legendLine(ws, row++, legendEnd, L.legendChanged, { text: '', style: { fill: COLORS.changed } });
  if (anyIllustrative) legendLine(ws, row++, legendEnd, L.legendIllustrative, { text: '12,3', style: { italic: true, fill: COLORS.illustrative } });
  if (anyProvisional) legendLine(ws, row++, legendEnd, L.legendProvisional);
  const revisionDate = revisionDateText(d);
  if (revisionDate && d.lastRealised !== null) legendLine(ws, row++, legendEnd, L.legendRevision(revisionDate, d.lastRealised));
  row += 1;
  const sigLeft = Math.max(1, lastCol - 3);
  const signer = d.opts.signer;
  const place = signer?.place?.trim() || defaultPlace(plan.region);
  const lines: [string, { bold?: boolean; underline?: boolean }][] = [
    [`${place}, ${longDate(d.opts.date, d.lang)}`, {}],
    [signer?.title.trim() || '……………………………', { bold: true }],
    ['', {}],
    ['', {}],
    ['', {}],
    [signer?.name.trim() || '……………………………', { bold: true, underline: true }],
    [signer?.nip.trim() ? `${L.nip} ${signer.nip.trim()}` : `${L.nip} ……………………`, {}],
  ];
  for (const [text, style] of lines) {
    mergeRange(ws, row, sigLeft, row, lastCol);
    put(ws, row, sigLeft, text, { ...style, size: 10, h: 'center' });
    row++;
  }
  printSetup(ws, {
    paper: d.opts.paper, headerRows: [h1, h2], lastRow: row - 1, lastCol, freezeCols: 3,
    footerLeft: footerLeft(d, 'I'), pageWord: L.page, ofWord: L.of,
  });
}

/**
 * The changes of an indicator's targets, a line per changed year: "2021: +1,30 poin persen
 * (dilonggarkan)". A change of a % indicator is in percentage points (poin persen), of any other
 * in its unit; loosened/tightened by polarity (none for a neutral indicator).
 */
function deltaText(d: AnnexData, ind: Indicator, years: readonly number[]): string {
  const unit = changeUnit(ind)[d.lang];
  const lines: string[] = [];
  for (const year of years) {
    const original = d.value(ind, year, 'original_target')?.value;
    const revised = d.revised(ind, year);
    if (original === undefined || revised === undefined || !isChanged(ind, revised, original)) continue;
    const delta = roundTo(revised - original, ind.decimals);
    const kind = ind.polarity === 'neutral' ? null : loosens(ind, revised, original) ? 'loosened' : 'tightened';
    lines.push(d.L.deltaLine(year, formatSignedNumber(delta, ind.decimals), unit, kind));
  }
  return lines.join('\n');
}

/**
 * Lampiran II: every realisation with the targets of its year and the capaian against each
 * (shared/model/capaian.ts assessCapaian): the percent by the indicator's formula, its category
 * on the workbook's band scale, and whether the target was reached — "Tidak tercapai, selisih
 * 0,62 poin persen" whatever the category — or "Tidak sebanding" across a change of method.
 *
 * With a revision date the table holds only the realisations published by then (years ≤
 * lastRealisedYear), the basis of the revision, under a label row saying so; later realisations
 * belong to monitoring, not to the revision draft, and a legend line names the years left out.
 * Without a revision date: every realisation, as before.
 */
function sheetCapaian(book: ExcelJS.Workbook, d: AnnexData): void {
  const { L, plan } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[1]);
  // No | Indikator | Satuan | Tahun | Realisasi | Semula: Target, Capaian, Kategori, Ketercapaian |
  // Menjadi: the same four | Rumus | Sumber
  const widths = [5, 26, 8, 6, 9, 9, 8, 10, 18, 9, 8, 10, 18, 32, 42];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = widths.length;
  const colFormula = 14;
  const colSource = 15;
  const h1 = titles(ws, d, lastCol, `${L.lampiran('II')} — ${L.sheet2Title}`);
  const h2 = h1 + 1;
  const head = { bold: true, h: 'center' as const, fill: COLORS.header, wrap: true };
  for (const [col, text] of [[1, L.no], [2, L.indicator], [3, L.unit], [4, L.year], [5, L.realisation], [colFormula, L.formula], [colSource, `${L.source} (${L.realisation})`]] as const) {
    mergeRange(ws, h1, col, h2, col);
    put(ws, h1, col, text, head);
  }
  for (const [col, text] of [[6, L.originalTarget], [10, L.revisedTarget]] as const) {
    mergeRange(ws, h1, col, h1, col + 3);
    put(ws, h1, col, text, head);
    put(ws, h2, col, 'Target', head);
    put(ws, h2, col + 1, L.capaian, head);
    put(ws, h2, col + 2, L.category, head);
    put(ws, h2, col + 3, L.attainment, head);
  }
  ws.getRow(h1).height = 16;
  ws.getRow(h2).height = 24;

  const pct = numFmt(2, d.lang);
  const breaksShown = new Map<string, { ind: Indicator; b: MethodBreak }>();
  let anyIllustrative = false;
  let anyProvisional = false;
  let row = h2 + 1;

  const attainmentText = (ind: Indicator, a: CapaianAssessment): string => {
    if (a.status === 'achieved') return L.achieved;
    if (a.status === 'not_achieved' && a.gap !== null) return L.notAchieved(formatNumber(a.gap, ind.decimals), changeUnit(ind)[d.lang]);
    return '';
  };

  /** One realisation row: its targets, capaian, category and attainment on each side. */
  const realisationRow = (ind: Indicator, real: IndicatorValue, baseline: number | null): void => {
    put(ws, row, 4, real.year, { h: 'center' });
    anyIllustrative ||= real.illustrative;
    anyProvisional ||= real.provisional;
    put(ws, row, 5, real.value, numberStyle(d, ind, real));
    let gapClosure = false;
    const texts: { text: string; width: number }[] = [];
    const side = (col: number, target: number | undefined, illustrative: boolean) => {
      if (target === undefined) {
        put(ws, row, col, '–', { h: 'center' });
        put(ws, row, col + 1, '–', { h: 'center' });
        put(ws, row, col + 2, '', {});
        put(ws, row, col + 3, '', {});
        return;
      }
      anyIllustrative ||= illustrative;
      put(ws, row, col, target, numberStyle(d, ind, { illustrative }));
      const a = assessCapaian({ indicator: ind, year: real.year, target, realisation: real.value, baseline }, d.capaian);
      const fromIllustrative = illustrative || real.illustrative;
      if (a.result.kind === 'not_comparable') {
        const b = a.result.methodBreak;
        breaksShown.set(`${ind.code}:${b.year}`, { ind, b });
        const text = L.notComparable(b.year);
        mergeRange(ws, row, col + 1, row, col + 3);
        put(ws, row, col + 1, text, { italic: true, size: 8, wrap: true, h: 'center' });
        texts.push({ text, width: 35 });
        return;
      }
      const attained = attainmentText(ind, a);
      if (a.result.kind === 'value') {
        if (a.result.formula === 'gap_closure') gapClosure = true;
        put(ws, row, col + 1, a.result.percent, { numFmt: pct, h: 'right', ...(fromIllustrative ? { italic: true, fill: COLORS.illustrative } : {}) });
        put(ws, row, col + 2, a.band ? L.bands[a.band] : '', { h: 'center', wrap: true });
      } else {
        put(ws, row, col + 1, '–', { h: 'center' });
        put(ws, row, col + 2, L.notComputable[a.result.reason], { size: 8, wrap: true });
        texts.push({ text: L.notComputable[a.result.reason], width: widths[col + 1]! * 1.1 });
      }
      put(ws, row, col + 3, attained, { size: 8, wrap: true, ...(a.status === 'not_achieved' ? { bold: true } : {}) });
      texts.push({ text: attained, width: widths[col + 2]! * 1.1 });
    };
    const original = d.value(ind, real.year, 'original_target');
    const revised = d.revised(ind, real.year);
    side(6, original?.value, original?.illustrative ?? false);
    side(10, revised, revisedIllustrative(ind, revised, original));
    const chosen = formulaFor(ind.polarity, d.capaian.formulas.get(ind.id));
    const formula = chosen === null ? L.notComputable.neutral_polarity : gapClosure ? `${L.formulas[chosen]}; ${L.formulas.gap_closure}` : L.formulas[chosen];
    put(ws, row, colFormula, formula, { wrap: true, size: 8 });
    const source = real.illustrative ? `${L.illustrative}: ${real.source}` : real.source;
    put(ws, row, colSource, source, { wrap: true, size: 8 });
    fitRowHeight(ws, row, [{ text: formula, width: widths[colFormula - 1]! * 1.1 }, { text: source, width: widths[colSource - 1]! * 1.1 }, { text: ind.unit, width: widths[2]! }, ...texts]);
    row++;
  };

  /** A part label row inside the table, like Lampiran I's group rows. */
  const partRow = (letter: string, text: string): void => {
    put(ws, row, 1, letter, { bold: true, h: 'center', fill: COLORS.group });
    mergeRange(ws, row, 2, row, lastCol);
    put(ws, row, 2, text, { bold: true, fill: COLORS.group, wrap: true });
    row++;
  };

  /** An indicator's rows of one part; No, name and unit merged over them. */
  const indicatorRows = (ind: Indicator, k: number, reals: readonly IndicatorValue[]): void => {
    const baseline = (d.value(ind, plan.baselineYear, 'baseline') ?? d.value(ind, plan.baselineYear, 'realisation'))?.value ?? null;
    const first = row;
    if (reals.length === 0) {
      put(ws, row, 4, '–', { h: 'center' });
      mergeRange(ws, row, 5, row, lastCol);
      put(ws, row, 5, L.noRealisation, { italic: true });
      fitRowHeight(ws, row, [{ text: indName(d, ind), width: widths[1]! }, { text: ind.unit, width: widths[2]! }]);
      row++;
    }
    for (const real of reals) realisationRow(ind, real, baseline);
    for (const [col, value, style] of [[1, k + 1, { h: 'center' as const, v: 'top' as const }], [2, indName(d, ind), { wrap: true, v: 'top' as const }], [3, ind.unit, { h: 'center' as const, v: 'top' as const, wrap: true }]] as const) {
      if (row - 1 > first) mergeRange(ws, first, col, row - 1, col);
      put(ws, first, col, value, style);
    }
  };

  const last = d.lastRealised;
  const revisionDate = revisionDateText(d);
  /** Years of realisations published after the revision date: left out, named in a legend line. */
  let laterYears: number[] = [];
  if (last === null || revisionDate === null) {
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, d.realisations(ind)));
  } else {
    partRow('A', L.sectionRealised(revisionDate, last));
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, d.realisations(ind).filter((r) => r.year <= last)));
    laterYears = [...new Set(d.indicators.flatMap((ind) => d.realisations(ind).filter((r) => r.year > last).map((r) => r.year)))].sort((a, b) => a - b);
  }
  const lastTableRow = row - 1;
  boxAll(ws, h1, 1, lastTableRow, lastCol);

  // Legend after an empty row (the importer reads the table up to it).
  row += 1;
  if (anyIllustrative) {
    legendLine(ws, row++, lastCol, `${L.legendIllustrative} ${L.legendIllustrativeCapaian}`, { text: '12,3', style: { italic: true, fill: COLORS.illustrative } });
  }
  if (anyProvisional) legendLine(ws, row++, lastCol, L.legendProvisional);
  if (laterYears.length > 0 && revisionDate !== null) legendLine(ws, row++, lastCol, L.sectionMonitoring(revisionDate, laterYears));
  legendLine(ws, row++, lastCol, L.legendBands[d.capaian.scale]);
  legendLine(ws, row++, lastCol, L.legendAttainment);
  legendLine(ws, row++, lastCol, L.legendFormula);
  for (const { ind, b } of breaksShown.values()) legendLine(ws, row++, lastCol, L.legendBreak(indName(d, ind), b.year, b.note));
  printSetup(ws, {
    paper: d.opts.paper, headerRows: [h1, h2], lastRow: row - 1, lastCol, freezeCols: 4,
    footerLeft: footerLeft(d, 'II'), pageWord: L.page, ofWord: L.of,
  });
}

/** Lampiran III: every finding of the checks at export time, none hidden. */
function sheetChecks(book: ExcelJS.Workbook, d: AnnexData): void {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[2]);
  const widths = [5, 12, 30, 30, 7, 80];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = widths.length;
  titles(ws, d, lastCol, `${L.lampiran('III')} — ${L.sheet3Title}`);
  mergeRange(ws, 7, 1, 7, lastCol);
  put(ws, 7, 1, L.findingsSummary(d.report.counts), { italic: true });
  const h = 8;
  [L.no, L.band, L.check, L.indicator, L.year, L.finding].forEach((t, i) => put(ws, h, i + 1, t, { bold: true, h: 'center', fill: COLORS.header, wrap: true }));
  const titlesById = new Map(checkCatalogue().map((c) => [c.id, c.title[d.lang]]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  let row = h + 1;
  if (d.report.findings.length === 0) {
    mergeRange(ws, row, 1, row, lastCol);
    put(ws, row, 1, L.noFindings, { italic: true });
    row++;
  }
  d.report.findings.forEach((f, i) => {
    const fill = f.severity === 'error' ? COLORS.error : f.severity === 'warning' ? COLORS.warning : undefined;
    put(ws, row, 1, i + 1, { h: 'center' });
    put(ws, row, 2, L.severity[f.severity], { h: 'center', ...(fill ? { fill } : {}) });
    put(ws, row, 3, titlesById.get(f.checkId) ?? f.checkId, { wrap: true });
    const ind = inds.get(f.indicatorId);
    put(ws, row, 4, ind ? indName(d, ind) : f.indicatorCode, { wrap: true });
    put(ws, row, 5, f.year ?? '–', { h: 'center' });
    put(ws, row, 6, f.message[d.lang], { wrap: true });
    fitRowHeight(ws, row, [{ text: f.message[d.lang], width: widths[5]! }, { text: titlesById.get(f.checkId) ?? '', width: widths[2]! }]);
    row++;
  });
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper, headerRows: [h, h], lastRow: row - 1, lastCol, freezeCols: 0,
    footerLeft: footerLeft(d, 'III'), pageWord: L.page, ofWord: L.of,
  });
}

/** Catatan Perubahan: the scenario's change log, oldest first (who, when, what, old → new, why). */
function sheetChangeLog(book: ExcelJS.Workbook, d: AnnexData, wb: Workbook): void {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[3]);
  const widths = [5, 18, 12, 18, 26, 7, 11, 11, 40, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = widths.length;
  titles(ws, d, lastCol, L.sheet4Title);
  const h = 7;
  [L.no, L.at, L.user, L.action, L.indicator, L.year, L.oldValue, L.newValue, L.justification, L.detail].forEach((t, i) =>
    put(ws, h, i + 1, t, { bold: true, h: 'center', fill: COLORS.header, wrap: true }),
  );
  const byCode = new Map(d.indicators.map((i) => [i.code, i]));
  const entries = wb.reads.changeLog(d.scenario.id, 100_000).reverse();
  let row = h + 1;
  if (entries.length === 0) {
    mergeRange(ws, row, 1, row, lastCol);
    put(ws, row, 1, L.noChanges, { italic: true });
    row++;
  }
  entries.forEach((e, i) => {
    const ind = e.indicatorCode ? byCode.get(e.indicatorCode) : undefined;
    const fmt = ind ? { numFmt: numFmt(ind.decimals, d.lang), h: 'right' as const } : { h: 'right' as const };
    put(ws, row, 1, i + 1, { h: 'center' });
    put(ws, row, 2, e.at.replace('T', ' ').slice(0, 19), {});
    put(ws, row, 3, e.user, { wrap: true });
    put(ws, row, 4, describeEntryAction(e, d.lang), { wrap: true });
    put(ws, row, 5, ind ? indName(d, ind) : (e.indicatorCode ?? ''), { wrap: true });
    put(ws, row, 6, e.year ?? '', { h: 'center' });
    put(ws, row, 7, e.oldValue ?? (e.year !== null ? '–' : ''), e.oldValue !== null ? fmt : { h: 'center' });
    put(ws, row, 8, e.newValue ?? (e.year !== null ? '–' : ''), e.newValue !== null ? fmt : { h: 'center' });
    put(ws, row, 9, e.justification ?? '', { wrap: true });
    const worded = describeEntryDetail(e, d.lang);
    const detail = worded.length > 500 ? `${worded.slice(0, 500)}…` : worded;
    put(ws, row, 10, detail, { wrap: true, size: 8 });
    fitRowHeight(ws, row, [{ text: e.justification ?? '', width: widths[8]! }, { text: detail, width: widths[9]! * 1.1 }, { text: ind ? indName(d, ind) : '', width: widths[4]! }]);
    row++;
  });
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper, headerRows: [h, h], lastRow: row - 1, lastCol, freezeCols: 0,
    footerLeft: `${L.sheet4Title} — ${L.docTitle} ${d.plan.region}`, pageWord: L.page, ofWord: L.of,
  });
}

const SERIES_ORDER: Record<Series, number> = { baseline: 0, original_target: 1, realisation: 2, projection: 3 };

/** Sumber Data: the source of every value the annex uses; stand-ins marked ilustrasi. */
function sheetSources(book: ExcelJS.Workbook, d: AnnexData): void {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[4]);
  const widths = [5, 30, 9, 20, 7, 11, 70, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = widths.length;
  titles(ws, d, lastCol, L.sheet5Title);
  const h = 7;
  [L.no, L.indicator, L.unit, L.seriesHeader, L.year, L.value, L.source, L.note].forEach((t, i) =>
    put(ws, h, i + 1, t, { bold: true, h: 'center', fill: COLORS.header, wrap: true }),
  );
  const order = new Map(d.indicators.map((ind, i) => [ind.id, i]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  const rows = [...d.values].sort(
    (a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) || SERIES_ORDER[a.series] - SERIES_ORDER[b.series] || a.year - b.year,
  );
  let row = h + 1;
  let n = 1;
  const line = (ind: Indicator, series: Series | 'revised_target', year: number, value: number, source: string, illustrative: boolean, provisional = false) => {
    put(ws, row, 1, n++, { h: 'center' });
    put(ws, row, 2, indName(d, ind), { wrap: true });
    put(ws, row, 3, ind.unit, { h: 'center' });
    put(ws, row, 4, L.series[series], {});
    put(ws, row, 5, year, { h: 'center' });
    put(ws, row, 6, value, numberStyle(d, ind, { illustrative, provisional }));
    put(ws, row, 7, source, { wrap: true, size: 8 });
    const note = [illustrative ? L.illustrative : '', provisional ? L.provisional : ''].filter(Boolean).join(', ');
    put(ws, row, 8, note, { h: 'center', italic: illustrative, wrap: true });
    fitRowHeight(ws, row, [{ text: source, width: widths[6]! * 1.1 }, { text: indName(d, ind), width: widths[1]! }]);
    row++;
  };
  for (const v of rows) {
    const ind = inds.get(v.indicatorId);
    if (ind) line(ind, v.series, v.year, v.value, v.source, v.illustrative, v.provisional);
  }
  const derivedText = d.lang === 'en' ? 'derived from the rate × population' : 'diturunkan dari persentase × jumlah penduduk';
  const enteredText = d.lang === 'en' ? 'entered by the planner' : 'diisi perencana';
  const carriedText = d.lang === 'en' ? 'unchanged from the illustrative original target' : 'sama dengan target awal ilustrasi';
  for (const t of d.targets.targets) {
    const ind = inds.get(t.indicatorId);
    if (!ind) continue;
    // A revised target carried over unchanged from an illustrative original is that stand-in still.
    const carried = revisedIllustrative(ind, t.value, d.value(ind, t.year, 'original_target'));
    const how = t.origin === 'derived' ? derivedText : enteredText;
    line(ind, 'revised_target', t.year, t.value, `${L.scenario} "${d.scenario.name}" (${carried ? `${how}; ${carriedText}` : how})`, carried);
  }
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper, headerRows: [h, h], lastRow: row - 1, lastCol, freezeCols: 0,
    footerLeft: `${L.sheet5Title} — ${L.docTitle} ${d.plan.region}`, pageWord: L.page, ofWord: L.of,
  });
}

/**
 * Builds the annex of the scenario `report` was made for. The caller runs the checks and refuses
 * the export while an error-level finding remains (services/annex.ts); the findings go into
 * Lampiran III.
 */
export function buildAnnex(wb: Workbook, opts: AnnexOptions, report: CheckReport): BuiltAnnex {
  const d = gather(wb, opts, report);
  const book = new ExcelJS.Workbook();
  const stamp = new Date(`${opts.date}T00:00:00Z`);
  book.creator = 'RPJMD Workbench';
  book.lastModifiedBy = 'RPJMD Workbench';
  book.created = stamp;
  book.modified = stamp;
  // Names from an older workbook may hold characters XML cannot carry (U+FFFE…): never written raw.
  book.title = xmlSafeText(`${d.L.docTitle} ${d.plan.region} ${d.plan.firstYear}–${d.plan.lastYear}`);
  book.subject = xmlSafeText(`${d.L.scenario}: ${d.scenario.name}`);
  sheetTargets(book, d);
  sheetCapaian(book, d);
  sheetChecks(book, d);
  sheetChangeLog(book, d, wb);
  sheetSources(book, d);
  return { workbook: book, scenario: d.scenario, report: d.report };
}

/**
 * How the annex's parts are zipped: deflate at level 1 instead of JSZip's default 6. Deflate in
 * JavaScript was a third of the export's time; level 1 takes a fraction of that for a file
 * about a third larger (the annex of a 600-indicator RPJMD: 1,4 MB instead of 1,0 MB).
 */
export const ANNEX_ZIP = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

export async function annexBuffer(wb: Workbook, opts: AnnexOptions, report: CheckReport): Promise<{ buffer: Buffer } & BuiltAnnex> {
  const built = buildAnnex(wb, opts, report);
  const buffer = Buffer.from(await built.workbook.xlsx.writeBuffer({ zip: ANNEX_ZIP } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
  return { ...built, buffer };
}

/** A default file name: "Lampiran-Perubahan-RPJMD-Kabupaten-Muara-Enim-2018-2023.xlsx". */
export function annexFileName(plan: Plan, lang: AnnexLanguage): string {
  const region = plan.region.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  return `${lang === 'en' ? 'Annex-RPJMD-Revision' : 'Lampiran-Perubahan-RPJMD'}-${region}-${plan.firstYear}-${plan.lastYear}.xlsx`;
}

/** What the creator field of an annex says (exceljs writes it into docProps/core.xml). */
const ANNEX_CREATOR = 'RPJMD Workbench';

/**
 * Whether `file` is an annex this app wrote: a zip whose docProps/core.xml names RPJMD Workbench
 * as its creator. Read cheaply — the zip's end record and central directory from the end of the
 * file, then that one small part, inflated with a cap — and false for anything it cannot read.
 */
export function isOurAnnex(file: string): boolean {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const read = (position: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const n = fs.readSync(fd, buf, 0, length, position);
      return buf.subarray(0, n);
    };
    // The end of central directory record: 22 bytes, after at most 65 535 bytes of comment.
    const tailStart = Math.max(0, size - 22 - 0xffff);
    const tail = read(tailStart, size - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return false;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdSize > 4 * 1024 * 1024 || cdOffset + cdSize > size) return false;
    const cd = read(cdOffset, cdSize);
    for (let i = 0, p = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) return false;
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const local = cd.readUInt32LE(p + 42);
      const entry = cd.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (entry !== 'docProps/core.xml') continue;
      if (compressed > 256 * 1024 || (method !== 0 && method !== 8)) return false;
      const header = read(local, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return false;
      const data = read(local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), compressed);
      const xml = (method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: 1024 * 1024 })).toString('utf8');
      return new RegExp(`<dc:creator>\\s*${ANNEX_CREATOR}\\s*</dc:creator>`).test(xml);
    }
    return false;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the annex to `target` (.xlsx): into a temp file beside it, fsynced, then renamed, so the
 * final name never holds a half-written file. Refuses to overwrite unless asked, replaces only an
 * annex this app wrote (anything else at that name is refused untouched), and never writes over
 * the open workbook.
 */
export async function writeAnnex(wb: Workbook, opts: AnnexOptions, report: CheckReport, target: string, overwrite = false): Promise<{ path: string; bytes: number } & BuiltAnnex> {
  const absolute = path.resolve(target);
  const name = path.basename(absolute);
  if (path.extname(absolute).toLowerCase() !== '.xlsx') {
    throw new AppError('bad_input', `The annex is an .xlsx file; "${name}" has another extension`, { file: name }, 'path');
  }
  if (absolute === path.resolve(wb.path) || sameFile(absolute, wb.path)) {
    throw new AppError('bad_input', 'The annex cannot be written over the open workbook', { file: name }, 'path');
  }
  const refusal = (): AppError | null => {
    let exists = true;
    try {
      fs.lstatSync(absolute);
    } catch {
      exists = false;
    }
    if (!exists) return null;
    if (!overwrite) return new AppError('already_exists', `${name} already exists`, { file: name }, 'path');
    if (isOurAnnex(absolute)) return null;
    return new AppError('already_exists', `${name} cannot be replaced: it is not an annex made by this app`, { file: name, reason: 'not_an_annex' }, 'path');
  };
  const refused = refusal();
  if (refused) throw refused;
  const built = await annexBuffer(wb, opts, report);
  const dir = path.dirname(absolute);
  const temp = path.join(dir, `.${name}.exporting-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, built.buffer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Checked again just before: a file that took the name meanwhile is not replaced.
    const late = refusal();
    if (late) throw late;
    fs.renameSync(temp, absolute);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw writeFailure(err, absolute, 'write the annex');
  }
  return { ...built, path: absolute, bytes: built.buffer.length };
}
