/** What every section shares: cells, the Raperda header block, title lines, the signature, the footer. */
import type { Indicator } from '../../../shared/domain.js';
import { longDate } from '../labels.js';
import type { DocCell, DocCellStyle, DocSignature } from '../document.js';
import { defaultPlace, type AnnexData } from '../gather.js';

export const text = (t: string, style?: DocCellStyle, span?: { colSpan?: number; rowSpan?: number }): DocCell => ({ kind: 'text', text: t, ...(style ? { style } : {}), ...span });
export const empty = (style?: DocCellStyle, span?: { colSpan?: number; rowSpan?: number }): DocCell => ({ kind: 'empty', ...(style ? { style } : {}), ...span });
/** "–": no number for this cell. */
export const dash = (span?: { colSpan?: number; rowSpan?: number }): DocCell => text('–', { align: 'center' }, span);

export const HEAD: DocCellStyle = { bold: true, align: 'center', fill: 'header', wrap: true };

/** A number with the indicator's decimals; illustrative in italic on the light fill, provisional with "*". */
export function num(ind: Indicator, value: number, mark: { illustrative?: boolean; provisional?: boolean } = {}, extra: DocCellStyle = {}, span?: { colSpan?: number; rowSpan?: number }): DocCell {
  return {
    kind: 'number',
    value,
    decimals: ind.decimals,
    ...(mark.provisional ? { provisional: true } : {}),
    style: { align: 'right', ...(mark.illustrative ? { italic: true, fill: 'illustrative' as const } : {}), ...extra },
    ...span,
  };
}

/** The Raperda header block of Lampiran `number` ("I", "II", "III"): from the plan and the settings, a blank where not set. */
export function raperdaHeader(d: AnnexData, number: string): string[] {
  return d.L.raperda({
    lampiran: number,
    region: d.plan.region,
    number: d.settings.annexDocumentNumber,
    year: d.settings.annexDocumentYear,
    amended: d.settings.amendedRegulation,
    first: d.plan.firstYear,
    last: d.plan.lastYear,
  });
}

/** The title lines: heading, document title, region and period, scenario, date. */
export function titleLines(d: AnnexData, heading: string): string[] {
  const { L, plan, scenario } = d;
  return [
    heading.toUpperCase(),
    L.docTitle,
    L.planPeriod(plan.region, plan.province, plan.firstYear, plan.lastYear),
    `${L.scenario}: ${scenario.name} (${L.status[scenario.status]})`,
    `${L.date}: ${longDate(d.opts.date, d.lang)}`,
  ];
}

export function footerText(d: AnnexData, name: string): string {
  return `${name} — ${d.L.docTitle} ${d.plan.region}`;
}

/** The signature block (place, date, title, name, NIP), blanks to fill where no signer is given. */
export function signature(d: AnnexData): DocSignature {
  const signer = d.opts.signer;
  const place = signer?.place?.trim() || defaultPlace(d.plan.region);
  return {
    placeAndDate: `${place}, ${longDate(d.opts.date, d.lang)}`,
    title: signer?.title.trim() || '……………………………',
    name: signer?.name.trim() || '……………………………',
    nipLine: signer?.nip.trim() ? `${d.L.nip} ${signer.nip.trim()}` : `${d.L.nip} ……………………`,
  };
}

/**
 * Column widths that fill the page: `fixed` columns keep their width, `flex` columns (weights)
 * share what is left of `total`, never narrower than `min`.
 */
export function fillWidths(total: number, cols: ({ fixed: number } | { flex: number; min: number })[]): number[] {
  const fixed = cols.reduce((s, c) => s + ('fixed' in c ? c.fixed : 0), 0);
  const weight = cols.reduce((s, c) => s + ('flex' in c ? c.flex : 0), 0);
  const left = Math.max(0, total - fixed);
  const mins = cols.reduce((s, c) => s + ('flex' in c ? c.min : 0), 0);
  // Never wider than the page: when the minimums do not fit, they shrink alike.
  const shrink = mins > left ? left / mins : 1;
  const widths = cols.map((c) => ('fixed' in c ? c.fixed : Math.max(Math.floor(c.min * shrink * 2) / 2, Math.floor(((left * c.flex) / weight) * 2) / 2)));
  let over = widths.reduce((a, b) => a + b, 0) - total;
  for (let i = widths.length - 1; over > 0 && i >= 0; i--) {
    const c = cols[i]!;
    if (!('flex' in c)) continue;
    const give = Math.min(over, widths[i]! - Math.floor(c.min * shrink * 2) / 2);
    if (give > 0) {
      widths[i]! -= give;
      over -= give;
    }
  }
  return widths;
}

/**
 * The width (column units) a number column needs for the widest of `shown` numbers at 9 pt (as
 * printed, "*" included): about 0,9 unit per digit, half a unit per separator, and the padding.
 */
export function numberWidth(shown: readonly string[], min = 7): number {
  let w = min;
  for (const s of shown) {
    const digits = s.replace(/[^0-9]/g, '').length;
    const other = s.length - digits;
    w = Math.max(w, Math.ceil((digits * 0.9 + other * 0.5 + 1.2) * 2) / 2);
  }
  return w;
}
