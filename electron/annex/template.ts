/** The import template the app offers for download: Kode | Indikator | Satuan | one column per plan year. */
import ExcelJS from 'exceljs';
import type { AnnexLanguage } from '../../shared/annex.js';
import type { Workbook } from '../workbook/store.js';
import { LABELS } from './labels.js';
import { COLORS, boxAll, put } from './sheet-style.js';

export async function buildTemplate(wb: Workbook, lang: AnnexLanguage = 'id'): Promise<{ fileName: string; buffer: Buffer }> {
  const L = LABELS[lang];
  const plan = wb.plan();
  const years: number[] = [];
  for (let y = plan.baselineYear; y <= plan.lastYear; y++) years.push(y);
  const book = new ExcelJS.Workbook();
  book.creator = 'RPJMD Workbench';
  const ws = book.addWorksheet(L.template.sheet);
  const lastCol = 3 + years.length;
  [8, 40, 14, ...years.map(() => 10)].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, lastCol);
  put(ws, 1, 1, `${L.docTitle} — ${plan.region} ${plan.firstYear}–${plan.lastYear}`, { bold: true, size: 11 });
  const h = 3;
  [L.template.code, L.indicator, L.unit, ...years].forEach((t, i) => put(ws, h, i + 1, t, { bold: true, h: 'center', fill: COLORS.header }));
  let row = h + 1;
  for (const ind of wb.indicators()) {
    put(ws, row, 1, ind.code, {});
    put(ws, row, 2, lang === 'en' ? ind.nameEn : ind.nameId, {});
    put(ws, row, 3, ind.unit, { h: 'center' });
    // Text-formatted value cells would turn 12,32 into text on some machines: leave them General.
    for (let c = 4; c <= lastCol; c++) put(ws, row, c, null, { h: 'right' });
    row++;
  }
  boxAll(ws, h, 1, row - 1, lastCol);
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: h }];

  const help = book.addWorksheet(lang === 'en' ? 'Help' : 'Petunjuk');
  help.getColumn(1).width = 110;
  L.template.help.forEach((line, i) => put(help, i + 1, 1, line, { size: 10 }));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const region = plan.region.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  return { fileName: `${lang === 'en' ? 'Import-template' : 'Templat-impor'}-${region}.xlsx`, buffer };
}
