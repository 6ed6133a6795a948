/**
 * Lampiran II: every realisation with the targets of its year and the capaian against each
 * (shared/model/capaian.ts assessCapaian): the percent by the indicator's formula (stored rounded
 * to the two decimals shown), its category on the workbook's band scale, and whether the target
 * was reached — "Tidak tercapai, selisih 0,62 poin persen" whatever the category — or "Tidak
 * sebanding" across a change of method.
 *
 * With a revision date the table holds only the realisations published by then (years ≤
 * lastRealisedYear), the basis of the revision, under a label row saying so; later realisations
 * belong to monitoring, not to the revision draft, and a legend line names the years left out.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Indicator, IndicatorValue, MethodBreak } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { assessCapaian, formulaFor, type CapaianAssessment } from '../../../shared/model/capaian.js';
import { changeUnit } from '../../../shared/model/checks.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { DocCell, DocNote, DocSection } from '../document.js';
import { indName, revisedIllustrative, revisionDateText, type AnnexData } from '../gather.js';
import { dash, fillWidths, footerText, HEAD, num, numberWidth, raperdaHeader, text, titleLines } from './common.js';

export function capaianSection(d: AnnexData): DocSection {
  const { L, plan } = d;
  const decimals = new Map(d.indicators.map((i) => [i.id, i.decimals]));
  const shown = d.values
    .filter((v) => v.series === 'realisation' || v.series === 'original_target')
    .map((v) => `${formatNumber(v.value, decimals.get(v.indicatorId) ?? 0)}${v.provisional ? '*' : ''}`)
    .concat(d.targets.targets.map((t) => formatNumber(t.value, decimals.get(t.indicatorId) ?? 0)));
  const numW = numberWidth(shown, 6.5);
  const widths = fillWidths(d.pageUnits, [
    { fixed: 4 },
    { flex: 2, min: 11 },
    { fixed: 7 },
    { fixed: 5 },
    { fixed: numW },
    ...[0, 1].flatMap(() => [{ fixed: numW }, { fixed: 7 }, { fixed: 8 }, { flex: 1.5, min: 10 }]),
    { flex: 1.5, min: 10 },
    { flex: 2, min: 11 },
  ]);
  const lastCol = widths.length;
  const header: DocCell[][] = [
    [
      text(L.no, HEAD, { rowSpan: 2 }),
      text(L.indicator, HEAD, { rowSpan: 2 }),
      text(L.unit, HEAD, { rowSpan: 2 }),
      text(L.year, HEAD, { rowSpan: 2 }),
      text(L.realisation, HEAD, { rowSpan: 2 }),
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

  const last = d.lastRealised;
  const revisionDate = revisionDateText(d);
  let laterYears: number[] = [];
  if (last === null || revisionDate === null) {
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, d.realisations(ind)));
  } else {
    partRow('A', L.sectionRealised(revisionDate, last));
    d.indicators.forEach((ind, k) => indicatorRows(ind, k, d.realisations(ind).filter((r) => r.year <= last)));
    laterYears = [...new Set(d.indicators.flatMap((ind) => d.realisations(ind).filter((r) => r.year > last).map((r) => r.year)))].sort((a, b) => a - b);
  }

  const notes: DocNote[] = [];
  if (anyIllustrative) notes.push({ text: `${L.legendIllustrative} ${L.legendIllustrativeCapaian}`, swatch: { text: '12,3', style: { italic: true, fill: 'illustrative' } } });
  if (anyProvisional) notes.push({ text: L.legendProvisional });
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
