/** Lampiran III: every finding of the checks at export time, none hidden. */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import { checkCatalogue } from '../../../shared/model/checks.js';
import type { DocCell, DocSection } from '../document.js';
import { indName, type AnnexData } from '../gather.js';
import { fillWidths, footerText, HEAD, raperdaHeader, text, titleLines } from './common.js';

export function checksSection(d: AnnexData): DocSection {
  const { L } = d;
  const widths = fillWidths(d.pageUnits, [{ fixed: 4 }, { fixed: 10 }, { flex: 2, min: 20 }, { flex: 1.5, min: 16 }, { fixed: 6 }, { flex: 5, min: 40 }]);
  const header: DocCell[][] = [[L.no, L.band, L.check, L.indicator, L.year, L.finding].map((t) => text(t, HEAD))];
  const titlesById = new Map(checkCatalogue().map((c) => [c.id, c.title[d.lang]]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  const body: DocCell[][] = [];
  if (d.report.findings.length === 0) body.push([text(L.noFindings, { italic: true }, { colSpan: widths.length })]);
  d.report.findings.forEach((f, i) => {
    const ind = inds.get(f.indicatorId);
    body.push([
      text(String(i + 1), { align: 'center', valign: 'top' }),
      text(L.severity[f.severity], { align: 'center', valign: 'top', ...(f.severity === 'error' ? { fill: 'error' as const } : f.severity === 'warning' ? { fill: 'warning' as const } : {}) }),
      text(titlesById.get(f.checkId) ?? f.checkId, { wrap: true, valign: 'top' }),
      text(ind ? indName(d, ind) : f.indicatorCode, { wrap: true, valign: 'top' }),
      text(f.year === null ? '–' : String(f.year), { align: 'center', valign: 'top' }),
      text(f.message[d.lang], { wrap: true, valign: 'top' }),
    ]);
  });
  return {
    sheet: ANNEX_SHEETS[2],
    headerBlock: raperdaHeader(d, 'III'),
    titles: titleLines(d, `${L.lampiran('III')} — ${L.sheet3Title}`),
    intro: [L.findingsSummary(d.report.counts)],
    table: { columns: widths.map((width) => ({ width })), header, body },
    notes: [],
    footer: footerText(d, L.lampiran('III')),
  };
}
