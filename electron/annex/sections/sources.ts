/** Sumber Data: the source of every value the annex uses; stand-ins marked ilustrasi, provisional figures sementara. */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Indicator, Series } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { DocCell, DocSection } from '../document.js';
import { indName, revisedIllustrative, type AnnexData } from '../gather.js';
import { fillWidths, footerText, HEAD, num, numberWidth, text, titleLines } from './common.js';

const SERIES_ORDER: Record<Series, number> = { baseline: 0, original_target: 1, realisation: 2, se: 3, projection: 4 };

export function sourcesSection(d: AnnexData): DocSection {
  const { L } = d;
  const order = new Map(d.indicators.map((ind, i) => [ind.id, i]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  const numW = numberWidth(d.values.map((v) => `${formatNumber(v.value, inds.get(v.indicatorId)?.decimals ?? 0)}`), 7);
  const widths = fillWidths(d.pageUnits, [{ fixed: 4 }, { flex: 2, min: 16 }, { fixed: 8 }, { flex: 1, min: 13 }, { fixed: 5.5 }, { fixed: numW }, { flex: 5, min: 40 }, { fixed: 10 }]);
  const header: DocCell[][] = [[L.no, L.indicator, L.unit, L.seriesHeader, L.year, L.value, L.source, L.note].map((t) => text(t, HEAD))];
  const rows = [...d.values].sort(
    (a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) || SERIES_ORDER[a.series] - SERIES_ORDER[b.series] || a.year - b.year,
  );
  const body: DocCell[][] = [];
  const top = { wrap: true, valign: 'top' as const };
  const line = (ind: Indicator, series: Series | 'revised_target', year: number, value: number, source: string, illustrative: boolean, provisional = false) => {
    const note = [illustrative ? L.illustrative : '', provisional ? L.provisional : ''].filter(Boolean).join(', ');
    body.push([
      text(String(body.length + 1), { align: 'center', valign: 'top' }),
      text(indName(d, ind), top),
      text(ind.unit, { ...top, align: 'center' }),
      text(L.series[series], top),
      text(String(year), { align: 'center', valign: 'top' }),
      num(ind, value, { illustrative, provisional }, { valign: 'top' }),
      text(source, top),
      text(note, { ...top, align: 'center', ...(illustrative ? { italic: true } : {}) }),
    ]);
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
    const carried = revisedIllustrative(ind, t.value, d.value(ind, t.year, 'original_target'));
    const how = t.origin === 'derived' ? derivedText : enteredText;
    line(ind, 'revised_target', t.year, t.value, `${L.scenario} "${d.scenario.name}" (${carried ? `${how}; ${carriedText}` : how})`, carried);
  }
  return {
    sheet: ANNEX_SHEETS[4],
    headerBlock: [],
    titles: titleLines(d, L.sheet5Title),
    table: { columns: widths.map((width) => ({ width })), header, body },
    notes: [],
    footer: footerText(d, L.sheet5Title),
  };
}
