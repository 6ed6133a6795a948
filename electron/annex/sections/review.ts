/**
 * Tindak Lanjut Hasil Evaluasi (issue 18 item 4): each note of the governor's evaluation team
 * imported into the workbook (shared/review.ts), the regency's response and status, and the
 * change made — derived, never typed: the revised target the evaluator saw in the evaluation
 * workbook (seenTarget) → the exported scenario's revised target now for that indicator and year
 * ("12,60 → 12,40"), "tidak berubah" when equal at the indicator's decimals, "–" for a note on the
 * indicator as a whole. A workbook without notes still gets the sheet (the sheets' order is
 * fixed), saying so in one line.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Indicator } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { ReviewNote } from '../../../shared/review.js';
import type { DocCell, DocSection } from '../document.js';
import { indName, type AnnexData } from '../gather.js';
import type { ReviewLabels } from '../labels.js';
import { longDate } from '../labels.js';
import { fillWidths, footerText, HEAD, text, titleLines } from './common.js';

/**
 * The "Perubahan yang Dilakukan" cell: seen → now at the indicator's decimals, the unchanged word
 * when they round alike, "–" without a year. A target missing on either side prints "–" on that
 * side (the evaluator saw none, or the scenario has none now).
 */
export function changeText(R: ReviewLabels, ind: Pick<Indicator, 'decimals'>, note: Pick<ReviewNote, 'year' | 'seenTarget'>, now: number | undefined): string {
  if (note.year === null) return '–';
  const seen = note.seenTarget;
  if (seen === null && now === undefined) return R.unchanged;
  if (seen !== null && now !== undefined && roundTo(now, ind.decimals) === roundTo(seen, ind.decimals)) return R.unchanged;
  const side = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v, ind.decimals));
  return `${side(seen)} → ${side(now)}`;
}

export function reviewSection(d: AnnexData): DocSection {
  const { L } = d;
  const R = L.review;
  const widths = fillWidths(d.pageUnits, [
    { fixed: 4 },
    { flex: 1.5, min: 16 },
    { fixed: 7 },
    { flex: 3, min: 26 },
    { flex: 1.6, min: 18 },
    { flex: 3, min: 26 },
    { fixed: 11 },
    { flex: 1.2, min: 14 },
  ]);
  const columns = widths.map((width) => ({ width }));
  const base = {
    sheet: ANNEX_SHEETS[7],
    headerBlock: [],
    titles: titleLines(d, d.L.sheet8Title),
    footer: footerText(d, L.sheet8Title),
  };
  if (d.reviews.length === 0) {
    return { ...base, table: { columns, header: [], body: [] }, blocks: [{ kind: 'lines', lines: [R.noNotes] }], notes: [] };
  }

  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  const order = new Map(d.indicators.map((ind, i) => [ind.id, i]));
  // The indicators' order as in Lampiran I; a note on the whole indicator before its years.
  const notes = [...d.reviews].sort(
    (a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) || (a.year ?? -Infinity) - (b.year ?? -Infinity) || a.id - b.id,
  );
  const top = { valign: 'top' as const };
  const body: DocCell[][] = notes.map((n, i) => {
    const ind = inds.get(n.indicatorId);
    const now = n.year === null ? undefined : d.reviewTarget(n.indicatorId, n.year);
    return [
      text(String(i + 1), { align: 'center', ...top }),
      text(ind ? indName(d, ind) : n.indicatorCode, { wrap: true, ...top }),
      text(n.year === null ? R.allYears : String(n.year), { align: 'center', wrap: true, ...top }),
      text(n.note, { wrap: true, ...top }),
      text(`${n.evaluator}, ${longDate(n.reviewDate, d.lang)}`, { wrap: true, ...top }),
      text(n.response.trim() === '' ? '–' : n.response, { wrap: true, ...top }),
      text(R.statuses[n.status], { align: 'center', wrap: true, ...top, ...(n.status === 'belum' ? { fill: 'warning' as const } : {}) }),
      text(ind ? changeText(R, ind, n, now) : '–', { align: 'center', wrap: true, ...top }),
    ];
  });
  const done = notes.filter((n) => n.status === 'ditindaklanjuti').length;
  const files = [...new Set(notes.map((n) => n.sourceFile))].join(', ');
  return {
    ...base,
    intro: [R.summary({ total: notes.length, done, open: notes.length - done })],
    table: { columns, header: [[R.no, R.indicator, R.year, R.note, R.evaluatorDate, R.response, R.status, R.change].map((t) => text(t, HEAD))], body },
    notes: [R.changeRule(d.scenario.name), R.sources(files)],
  };
}
