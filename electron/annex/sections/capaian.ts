/**
 * Lampiran II: every realisation with the targets of its year and the capaian against each
 * (shared/model/capaian.ts assessCapaian): the percent by the indicator's formula (stored rounded
 * to the two decimals shown), its category on the workbook's band scale, and whether the target
 * was reached — "Tidak tercapai, selisih 0,62 poin persen" whatever the category — or "Tidak
 * sebanding" across a change of method.
 *
 * Beside each realisation with a standard error in the workbook (series 'se'), its 95 % interval
 * (shared/model/checks.ts confidenceInterval: realisasi ± 1,96 × SE, cut at the indicator's
 * range) as "11,14–13,50" at the indicator's decimals, and a note naming the rule and the SE's
 * sources; a realisation without one leaves the cell empty. The column is there only when a
 * realisation shown has an SE (a column of empty cells would only take the page's width).
 * The importer reads the Realisasi column by its header, so the column beside it moves nothing.
 *
 * With a revision date the table holds only the realisations published by then (years ≤
 * lastRealisedYear), the basis of the revision, under a label row saying so; later realisations
 * belong to monitoring, not to the revision draft, and a legend line names the years left out.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Indicator, IndicatorValue, MethodBreak } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { assessCapaian, formulaFor, type CapaianAssessment } from '../../../shared/model/capaian.js';
import { changeUnit, confidenceInterval, SE_Z95 } from '../../../shared/model/checks.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { DocCell, DocNote, DocSection } from '../document.js';
import { indName, revisedIllustrative, revisionDateText, type AnnexData } from '../gather.js';
import { dash, empty, fillWidths, footerText, HEAD, num, numberWidth, raperdaHeader, text, titleLines } from './common.js';

/** The 95 % interval of a realisation with its standard error: "11,14–13,50" at the indicator's decimals (id-ID, as every number in the annex's text). */
export function intervalText(ind: Indicator, value: number, se: number): string {
  const [lo, hi] = confidenceInterval(value, se, ind.minValue, ind.maxValue);
  return `${formatNumber(lo, ind.decimals)}–${formatNumber(hi, ind.decimals)}`;
}

export function capaianSection(d: AnnexData): DocSection {
  const { L, plan } = d;
  const decimals = new Map(d.indicators.map((i) => [i.id, i.decimals]));
  const last = d.lastRealised;
  const revisionDate = revisionDateText(d);
  /** The realisations the table shows: with a revision date, those published by then. */
  const shownReals = (ind: Indicator): IndicatorValue[] => (last === null || revisionDate === null ? d.realisations(ind) : d.realisations(ind).filter((r) => r.year <= last));
  const seOf = (ind: Indicator, real: IndicatorValue): IndicatorValue | undefined => d.value(ind, real.year, 'se');
  const intervals = d.indicators.flatMap((ind) => shownReals(ind).flatMap((r) => {
    const se = seOf(ind, r);
    return se ? [intervalText(ind, r.value, se.value)] : [];
  }));
  const withInterval = intervals.length > 0;
  const shown = d.values
    .filter((v) => v.series === 'realisation' || v.series === 'original_target')
    .map((v) => `${formatNumber(v.value, decimals.get(v.indicatorId) ?? 0)}${v.provisional ? '*' : ''}`)
    .concat(d.targets.targets.map((t) => formatNumber(t.value, decimals.get(t.indicatorId) ?? 0)));
  const numW = numberWidth(shown, 6.5);
  // The interval's column: as wide as its widest interval, and its header's longest word ("kepercayaan").
  const intervalW = withInterval ? Math.max(10, numberWidth(intervals)) : 0;
  type Col = { fixed: number } | { flex: number; min: number };
  const layout = (tight: boolean): Col[] => [
    { fixed: tight ? 3.5 : 4 },
    { flex: 2, min: tight ? 10 : 11 },
    { fixed: tight ? 6 : 7 },
    { fixed: 5 },
    { fixed: numW },
    ...(withInterval ? [{ fixed: intervalW }] : []),
    ...[0, 1].flatMap(() => [{ fixed: numW }, { fixed: tight ? 6.5 : 7 }, { fixed: tight ? 7.5 : 8 }, { flex: 1.5, min: 10 }]),
    { flex: 1.5, min: tight ? 8 : 10 },
    { flex: 2, min: tight ? 9 : 11 },
  ];
  const need = (cols: Col[]) => cols.reduce((s, c) => s + ('fixed' in c ? c.fixed : c.min), 0);
  // With the interval on A4 the usual minimums no longer fit: the fixed columns give a little
  // (No, Satuan, Capaian, Kategori to their headers' width) and the prose columns (Rumus, Sumber)
  // more, so no column narrows below its longest word ("Ketercapaian", "Pengangguran").
  const widths = fillWidths(d.pageUnits, withInterval && need(layout(false)) > d.pageUnits ? layout(true) : layout(false));
  const lastCol = widths.length;
  const header: DocCell[][] = [
    [
      text(L.no, HEAD, { rowSpan: 2 }),
      text(L.indicator, HEAD, { rowSpan: 2 }),
      text(L.unit, HEAD, { rowSpan: 2 }),
      text(L.year, HEAD, { rowSpan: 2 }),
      text(L.realisation, HEAD, { rowSpan: 2 }),
      ...(withInterval ? [text(L.interval95, HEAD, { rowSpan: 2 })] : []),
      text(L.originalTarget, HEAD, { colSpan: 4 }),
      text(L.revisedTarget, HEAD, { colSpan: 4 }),
      text(L.formula, HEAD, { rowSpan: 2 }),
      text(`${L.source} (${L.realisation})`, HEAD, { rowSpan: 2 }),
    ],
    [0, 1].flatMap(() => ['Target', L.capaian, L.category, L.attainment].map((t) => text(t, HEAD))),
  ];

  const breaksShown = new Map<string, { ind: Indicator; b: MethodBreak }>();
  let anyIllustrative = false;
  let anyProvisional = false;
  /** The sources of the standard errors shown, in order of first use. */
  const seSources = new Set<string>();
  const body: DocCell[][] = [];
  const small = { wrap: true, valign: 'top' as const };

  const attainmentText = (ind: Indicator, a: CapaianAssessment): string => {
    if (a.status === 'achieved') return L.achieved;
    if (a.status === 'not_achieved' && a.gap !== null) return L.notAchieved(formatNumber(a.gap, ind.decimals), changeUnit(ind)[d.lang]);
    return '';
  };

  /** One realisation row (from the Tahun column on): its targets, capaian, category and attainment on each side. */
  const realisationCells = (ind: Indicator, real: IndicatorValue, baseline: number | null): DocCell[] => {
    anyIllustrative ||= real.illustrative;
    anyProvisional ||= real.provisional;
    const cells: DocCell[] = [text(String(real.year), { align: 'center' }), num(ind, real.value, real)];
    if (withInterval) {
      const se = seOf(ind, real);
      if (se) {
        seSources.add(se.illustrative ? `${L.illustrative}: ${se.source}` : se.source);
        anyIllustrative ||= se.illustrative;
        const mark = se.illustrative || real.illustrative;
        cells.push(text(intervalText(ind, real.value, se.value), { align: 'center', ...(mark ? { italic: true, fill: 'illustrative' as const } : {}) }));
      } else {
        cells.push(empty());
      }
    }
    let gapClosure = false;
    const side = (target: number | undefined, illustrative: boolean) => {
      if (target === undefined) {
        cells.push(dash(), dash(), text(''), text(''));
        return;
      }
      anyIllustrative ||= illustrative;
      cells.push(num(ind, target, { illustrative }));
      const a = assessCapaian({ indicator: ind, year: real.year, target, realisation: real.value, baseline }, d.capaian);
      const fromIllustrative = illustrative || real.illustrative;
      if (a.result.kind === 'not_comparable') {
        const b = a.result.methodBreak;
        breaksShown.set(`${ind.code}:${b.year}`, { ind, b });
        cells.push(text(L.notComparable(b.year), { italic: true, wrap: true, align: 'center' }, { colSpan: 3 }));
        return;
      }
      if (a.result.kind === 'value') {
        if (a.result.formula === 'gap_closure') gapClosure = true;
        // Stored as shown: two decimals, so a reviewer's sum or copy matches the page.
        cells.push({ kind: 'number', value: roundTo(a.result.percent, 2), decimals: 2, style: { align: 'right', ...(fromIllustrative ? { italic: true, fill: 'illustrative' as const } : {}) } });
        cells.push(text(a.band ? L.bands[a.band] : '', { align: 'center', wrap: true }));
      } else {
        cells.push(dash(), text(L.notComputable[a.result.reason], small));
      }
      cells.push(text(attainmentText(ind, a), { ...small, ...(a.status === 'not_achieved' ? { bold: true } : {}) }));
    };
    const original = d.value(ind, real.year, 'original_target');
    const revised = d.revised(ind, real.year);
    side(original?.value, original?.illustrative ?? false);
    side(revised, revisedIllustrative(ind, revised, original));
    const chosen = formulaFor(ind.polarity, d.capaian.formulas.get(ind.id));
    const formula = chosen === null ? L.notComputable.neutral_polarity : gapClosure ? `${L.formulas[chosen]}; ${L.formulas.gap_closure}` : L.formulas[chosen];
    cells.push(text(formula, small), text(real.illustrative ? `${L.illustrative}: ${real.source}` : real.source, small));
    return cells;
  };

  const partRow = (letter: string, label: string): void => {
    body.push([text(letter, { bold: true, align: 'center', fill: 'group' }), text(label, { bold: true, fill: 'group', wrap: true }, { colSpan: lastCol - 1 })]);
  };

  /** An indicator's rows of one part; No, name and unit span them. */
  const indicatorRows = (ind: Indicator, k: number, reals: readonly IndicatorValue[]): void => {
    const baseline = (d.value(ind, plan.baselineYear, 'baseline') ?? d.value(ind, plan.baselineYear, 'realisation'))?.value ?? null;
    const span = { rowSpan: Math.max(1, reals.length) };
    const lead = [
      text(String(k + 1), { align: 'center', valign: 'top' }, span),
      text(indName(d, ind), { wrap: true, valign: 'top' }, span),
      text(ind.unit, { align: 'center', valign: 'top', wrap: true }, span),
    ];
    if (reals.length === 0) {
      body.push([...lead, dash(), text(L.noRealisation, { italic: true }, { colSpan: lastCol - 4 })]);
      return;
    }
    reals.forEach((real, i) => body.push([...(i === 0 ? lead : []), ...realisationCells(ind, real, baseline)]));
  };

  let laterYears: number[] = [];
  if (last === null || revisionDate === null) {
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, shownReals(ind)));
  } else {
    partRow('A', L.sectionRealised(revisionDate, last));
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, shownReals(ind)));
    laterYears = [...new Set(d.indicators.flatMap((ind) => d.realisations(ind).filter((r) => r.year > last).map((r) => r.year)))].sort((a, b) => a - b);
  }

  const notes: DocNote[] = [];
  if (anyIllustrative) notes.push({ text: `${L.legendIllustrative} ${L.legendIllustrativeCapaian}`, swatch: { text: '12,3', style: { italic: true, fill: 'illustrative' } } });
  if (anyProvisional) notes.push({ text: L.legendProvisional });
  if (seSources.size > 0) notes.push({ text: L.legendInterval(formatNumber(SE_Z95, 2), [...seSources].join('; ')) });
  if (laterYears.length > 0 && revisionDate !== null) notes.push({ text: L.sectionMonitoring(revisionDate, laterYears) });
  notes.push({ text: L.legendBands[d.capaian.scale] }, { text: L.legendAttainment }, { text: L.legendFormula });
  for (const { ind, b } of breaksShown.values()) notes.push({ text: L.legendBreak(indName(d, ind), b.year, b.note) });

  return {
    sheet: ANNEX_SHEETS[1],
    headerBlock: raperdaHeader(d, 'II'),
    titles: titleLines(d, `${L.lampiran('II')} — ${L.sheet2Title}`),
    table: { columns: widths.map((width) => ({ width })), header, body, repeatColumns: 3, freezeColumns: 4 },
    notes: notes.map((n) => n.text),
    noteDetails: notes,
    footer: footerText(d, L.lampiran('II')),
  };
}
