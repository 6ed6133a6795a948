/**
 * Lampiran I: the targets in the form RPJMD revision documents use — two rows per indicator,
 * Semula (the enacted target) above Menjadi (the revised one), one column per target year and the
 * kondisi akhir; No, indicator, unit, Perangkat Daerah, kondisi awal, the change and the Alasan
 * Perubahan span both rows. Changed Menjadi cells are filled and bold; the change column has a
 * line per changed year in the indicator's unit (percentage points for a %), loosened/tightened
 * by polarity; illustrative numbers are italic on a light fill.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Indicator } from '../../../shared/domain.js';
import { formatNumber, formatSignedNumber } from '../../../shared/format/number.js';
import { changeUnit, isChanged, loosens } from '../../../shared/model/checks.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { DocCell, DocNote, DocSection } from '../document.js';
import { indName, revisedIllustrative, revisionDateText, targetYears, type AnnexData } from '../gather.js';
import { dash, empty, fillWidths, footerText, HEAD, num, numberWidth, raperdaHeader, signature, text, titleLines } from './common.js';

/**
 * The changes of an indicator's targets, a line per changed year: "2021: +1,30 poin persen
 * (dilonggarkan)". A change of a % indicator is in percentage points (poin persen), of any other
 * in its unit; loosened/tightened by polarity (none for a neutral indicator).
 */
export function deltaText(d: AnnexData, ind: Indicator, years: readonly number[]): string {
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

export function targetsSection(d: AnnexData): DocSection {
  const { L, plan } = d;
  const years = targetYears(plan);
  const groups = (['makro', 'kemiskinan'] as const).map((g) => ({ group: g, inds: d.indicators.filter((i) => i.group === g) })).filter((g) => g.inds.length > 0);

  // Number columns as wide as their widest number; the text columns share the rest of the page.
  const shown: string[] = [];
  for (const ind of d.indicators) {
    for (const y of [plan.baselineYear, ...years]) {
      for (const v of [d.value(ind, y, 'original_target'), d.value(ind, y, 'baseline'), d.value(ind, y, 'realisation')]) {
        if (v) shown.push(`${formatNumber(v.value, ind.decimals)}${v.provisional ? '*' : ''}`);
      }
      const r = d.revised(ind, y);
      if (r !== undefined) shown.push(formatNumber(r, ind.decimals));
    }
  }
  const numW = numberWidth(shown, 6.5);
  const widths = fillWidths(d.pageUnits, [
    { fixed: 4 },
    { flex: 3, min: 11 },
    { fixed: 7 },
    { flex: 2, min: 9 },
    { fixed: numW },
    { fixed: 7.5 },
    ...years.map(() => ({ fixed: numW })),
    { fixed: numW },
    { flex: 3, min: 14 },
  ]);
  const lastCol = widths.length;
  /** No, Indikator, Satuan, Perangkat Daerah, Kondisi Awal and the Semula/Menjadi label: the justification row's label spans them. */
  const WHY_LABEL_COLUMNS = 6;

  const header: DocCell[][] = [
    [
      text(L.no, HEAD, { rowSpan: 2 }),
      text(L.indicator, HEAD, { rowSpan: 2 }),
      text(L.unit, HEAD, { rowSpan: 2 }),
      text(L.responsibleUnit, HEAD, { rowSpan: 2 }),
      text(`${L.baseline} (${plan.baselineYear})`, HEAD, { rowSpan: 2 }),
      text(L.targetRow, HEAD, { rowSpan: 2 }),
      text(L.targetsByYear, HEAD, { colSpan: years.length }),
      text(`${L.finalCondition} (${plan.lastYear})`, HEAD, { rowSpan: 2 }),
      text(L.deltaHeader, HEAD, { rowSpan: 2 }),
    ],
    years.map((y) => text(String(y), HEAD)),
  ];

  let anyIllustrative = false;
  let anyProvisional = false;
  const body: DocCell[][] = [];
  const top = { valign: 'top' as const, wrap: true };
  groups.forEach(({ group, inds }, gi) => {
    body.push([text(String.fromCharCode(65 + gi), { bold: true, align: 'center', fill: 'group' }), text(L.groups[group], { bold: true, fill: 'group' }, { colSpan: lastCol - 1 })]);
    inds.forEach((ind, k) => {
      const mark = (v: { illustrative?: boolean; provisional?: boolean }) => {
        anyIllustrative ||= v.illustrative === true;
        anyProvisional ||= v.provisional === true;
        return v;
      };
      const two = { rowSpan: 2 };
      const base = d.value(ind, plan.baselineYear, 'baseline') ?? d.value(ind, plan.baselineYear, 'realisation');
      const semula: DocCell[] = [
        text(String(k + 1), { align: 'center', valign: 'top' }, two),
        text(indName(d, ind), top, two),
        text(ind.unit, { ...top, align: 'center' }, two),
        text(ind.responsibleUnit?.trim() || '–', { ...top, align: ind.responsibleUnit?.trim() ? 'left' : 'center' }, two),
        base ? num(ind, base.value, mark(base), { valign: 'top' }, two) : dash(two),
        text(L.original, { align: 'center' }),
      ];
      const menjadi: DocCell[] = [text(L.revised, { align: 'center', bold: true })];
      for (const year of [...years, plan.lastYear]) {
        const originalValue = d.value(ind, year, 'original_target');
        const original = originalValue?.value;
        const revised = d.revised(ind, year);
        semula.push(originalValue ? num(ind, originalValue.value, mark(originalValue)) : dash());
        const changed = revised !== undefined ? isChanged(ind, revised, original) : original !== undefined;
        if (revised === undefined) menjadi.push(dash());
        else {
          const illustrative = !changed && revisedIllustrative(ind, revised, originalValue);
          menjadi.push(num(ind, revised, mark({ illustrative }), changed ? { fill: 'changed', bold: true } : {}));
        }
      }
      semula.push(text(deltaText(d, ind, years), top, two));
      body.push(semula, menjadi);
      // The justification is prose a reviewer reads: a row of its own under the indicator's pair,
      // as wide as the year columns, instead of a column a dozen characters wide.
      const why = (d.justification.get(ind.id) ?? '').trim();
      if (why) {
        body.push([
          text(L.justification, { bold: true, align: 'right', valign: 'top' }, { colSpan: WHY_LABEL_COLUMNS }),
          text(why, top, { colSpan: lastCol - WHY_LABEL_COLUMNS }),
        ]);
      }
    });
  });
  if (groups.length === 0) body.push([empty(), empty({}, { colSpan: lastCol - 1 })]);

  const notes: DocNote[] = [{ text: L.legendChanged, swatch: { text: '', style: { fill: 'changed' } } }];
  if (anyIllustrative) notes.push({ text: L.legendIllustrative, swatch: { text: '12,3', style: { italic: true, fill: 'illustrative' } } });
  if (anyProvisional) notes.push({ text: L.legendProvisional });
  const revisionDate = revisionDateText(d);
  if (revisionDate && d.lastRealised !== null) notes.push({ text: L.legendRevision(revisionDate, d.lastRealised) });

  return {
    sheet: ANNEX_SHEETS[0],
    headerBlock: raperdaHeader(d, 'I'),
    titles: titleLines(d, `${L.lampiran('I')} — ${L.sheet1Title}`),
    table: { columns: widths.map((width) => ({ width })), header, body, repeatColumns: 4, freezeColumns: 4 },
    notes: notes.map((n) => n.text),
    noteDetails: notes,
    signature: signature(d),
    footer: footerText(d, L.lampiran('I')),
  };
}
