/**
 * Catatan Perubahan, step by step: the scenario's change log, oldest first (when, who, what,
 * semula → menjadi, why). The reviewer's net view per cell is change-log-section.ts's; this is
 * the full history, built from the gathered data.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import { describeEntryAction, describeEntryDetail } from '../../../shared/changes.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { DocCell, DocSection } from '../document.js';
import { indName, type AnnexData } from '../gather.js';
import { dash, fillWidths, footerText, HEAD, numberWidth, text, titleLines } from './common.js';

export function changeLogSection(d: AnnexData): DocSection {
  const { L } = d;
  const byCode = new Map(d.indicators.map((i) => [i.code, i]));
  const entries = d.changeLog;
  const numW = numberWidth(entries.flatMap((e) => [e.oldValue, e.newValue]).filter((v): v is number => v !== null).map((v) => formatNumber(v, 2)), 7);
  const widths = fillWidths(d.pageUnits, [
    { fixed: 4 }, { fixed: 11 }, { flex: 1, min: 10 }, { flex: 1.2, min: 12 }, { flex: 1.5, min: 14 }, { fixed: 5.5 }, { fixed: numW }, { fixed: numW }, { flex: 3, min: 20 }, { flex: 2, min: 16 },
  ]);
  const header: DocCell[][] = [[L.no, L.at, L.user, L.action, L.indicator, L.year, L.oldValue, L.newValue, L.justification, L.detail].map((t) => text(t, HEAD))];
  const body: DocCell[][] = [];
  if (entries.length === 0) body.push([text(L.noChanges, { italic: true }, { colSpan: widths.length })]);
  const top = { wrap: true, valign: 'top' as const };
  entries.forEach((e, i) => {
    const ind = e.indicatorCode ? byCode.get(e.indicatorCode) : undefined;
    const value = (v: number | null): DocCell =>
      v !== null ? { kind: 'number', value: v, decimals: ind?.decimals ?? 2, style: { align: 'right', valign: 'top' } } : e.year !== null ? dash() : text('');
    const worded = describeEntryDetail(e, d.lang);
    body.push([
      text(String(i + 1), { align: 'center', valign: 'top' }),
      text(e.at.replace('T', ' ').slice(0, 19), top),
      text(e.user, top),
      text(describeEntryAction(e, d.lang), top),
      text(ind ? indName(d, ind) : (e.indicatorCode ?? ''), top),
      text(e.year === null ? '' : String(e.year), { align: 'center', valign: 'top' }),
      value(e.oldValue),
      value(e.newValue),
      text(e.justification ?? '', top),
      text(worded.length > 500 ? `${worded.slice(0, 500)}…` : worded, top),
    ]);
  });
  return {
    sheet: ANNEX_SHEETS[3],
    headerBlock: [],
    titles: titleLines(d, L.sheet4Title),
    table: { columns: widths.map((width) => ({ width })), header, body },
    notes: [],
    footer: footerText(d, L.sheet4Title),
  };
}
