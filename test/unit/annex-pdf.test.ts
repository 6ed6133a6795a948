/**
 * The PDF renderer (electron/annex/pdf.ts) on hand-built annex documents: merged cells, header
 * rows repeated, per-section page numbers, a table split by width, id-ID numbers, the embedded
 * font, type ≥ 8 pt, and the same bytes for the same document. Reading the PDF back needs
 * poppler-utils (pdfinfo, pdftotext); without it those parts skip, saying why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnexDocument, DocCell, DocSection } from '../../electron/annex/document.js';
import { cellText, columnGroups, isOurPdf, placeCells, renderPdf, writePdfFile } from '../../electron/annex/pdf.js';
import { tempDir } from '../helpers/files.js';
import { DEJAVU_BOX_EM, pageText, pdfPages, poppler, words } from '../helpers/pdf.js';

const t = (text: string, style?: DocCell['style']): DocCell => ({ kind: 'text', text, ...(style ? { style } : {}) });
const num = (value: number, decimals: number, provisional = false): DocCell => ({ kind: 'number', value, decimals, ...(provisional ? { provisional } : {}) });

function targetsSection(rows: number): DocSection {
  const head = { bold: true, fill: 'header' as const, align: 'center' as const };
  const body: DocCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const first = i % 2 === 0;
    body.push([
      ...(first ? [{ ...t(String(i / 2 + 1)), rowSpan: 2 }, { ...t(`Persentase penduduk miskin ${i / 2 + 1} — “uji” ≥ ±`), rowSpan: 2 }] : []),
      t(first ? 'Semula' : 'Menjadi'),
      num(first ? 12.6 : 13.9, 2, !first),
      num(79270 + i, 0),
      first ? t('', { fill: 'changed' }) : { ...num(12.32, 2), style: { fill: 'changed', bold: true } },
    ]);
  }
  return {
    sheet: 'Lampiran I',
    headerBlock: ['LAMPIRAN I', 'RANCANGAN PERATURAN DAERAH KABUPATEN MUARA ENIM', 'NOMOR … TAHUN 2021'],
    titles: ['LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN', 'Rancangan Perubahan RPJMD', 'Kabupaten Muara Enim 2018–2023'],
    table: {
      columns: [{ width: 5 }, { width: 32 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }],
      header: [
        [{ ...t('No', head), rowSpan: 2 }, { ...t('Indikator', head), rowSpan: 2 }, { ...t('Baris', head), rowSpan: 2 }, { ...t('2021', head), colSpan: 3 }],
        [t('Nilai', head), t('Jumlah', head), t('Akhir', head)],
      ],
      body,
      repeatColumns: 2,
    },
    notes: ['Sel kuning = target yang diubah.', 'Tanda * di belakang angka = angka sementara (BPS).'],
    noteDetails: [{ text: 'Sel kuning = target yang diubah.', swatch: { text: '', style: { fill: 'changed' } } }, { text: 'Tanda * di belakang angka = angka sementara (BPS).' }],
    signature: { placeAndDate: 'Muara Enim, 23 Agustus 2021', title: 'Pj. Bupati Muara Enim', name: 'Ir. H. Kurniawan, M.Si', nipLine: 'NIP 19700101 199503 1 001' },
    footer: 'Lampiran I — Rancangan Perubahan RPJMD Kabupaten Muara Enim',
  };
}

function wideSection(): DocSection {
  const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
  const head = { bold: true, fill: 'header' as const };
  return {
    sheet: 'Lebar',
    headerBlock: [],
    titles: ['TABEL LEBAR'],
    table: {
      columns: [{ width: 5 }, { width: 30 }, ...years.flatMap(() => [{ width: 9 }, { width: 9 }])],
      header: [
        [{ ...t('No', head), rowSpan: 2 }, { ...t('Indikator', head), rowSpan: 2 }, ...years.map((y) => ({ ...t(String(y), head), colSpan: 2 }))],
        years.flatMap(() => [t('Semula', head), t('Menjadi', head)]),
      ],
      body: [[t('1'), t('Tingkat pengangguran terbuka'), ...years.flatMap((y) => [num(y / 100, 2), num(y / 100 + 0.5, 2)])]],
      repeatColumns: 2,
    },
    notes: [],
    footer: 'Tabel lebar',
  };
}

const doc = (sections: DocSection[], paper: 'A4' | 'F4' = 'A4', language: 'id' | 'en' = 'id'): AnnexDocument => ({ language, paper, title: 'Lampiran uji', sections });

describe('PDF renderer: pure parts', () => {
  it('places cells under row and column spans', () => {
    const placed = placeCells(targetsSection(2).table.header, 6);
    expect(placed.map((p) => [p.row, p.col, p.colSpan, p.rowSpan])).toEqual([
      [0, 0, 1, 2], [0, 1, 1, 2], [0, 2, 1, 2], [0, 3, 3, 1],
      [1, 3, 1, 1], [1, 4, 1, 1], [1, 5, 1, 1],
    ]);
  });

  it('splits a table too wide for legible type by width, repeating the lead columns and keeping a year together', () => {
    const s = wideSection();
    const widths = s.table.columns.map((c) => c.width);
    const header = placeCells(s.table.header, widths.length).filter((p) => p.row < 2);
    expect(columnGroups(widths, 2, 2000, header)).toEqual([widths.map((_, i) => i)]);
    const groups = columnGroups(widths, 2, 757, header);
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) {
      expect(g.slice(0, 2)).toEqual([0, 1]);
      expect((g.length - 2) % 2).toBe(0); // Semula | Menjadi of a year never split
    }
    expect(groups.flatMap((g) => g.slice(2))).toEqual(widths.map((_, i) => i).slice(2));
  });

  it('writes numbers in the annex language, with * for angka sementara', () => {
    expect(cellText(num(12.6, 2), 'id')).toBe('12,60');
    expect(cellText(num(79270, 0), 'id')).toBe('79.270');
    expect(cellText(num(12.32, 2, true), 'id')).toBe('12,32*');
    expect(cellText(num(79270.5, 1), 'en')).toBe('79,270.5');
  });
});

describe('PDF renderer', () => {
  it('gives the same bytes for the same document, dated by the annex', { timeout: 60_000 }, async () => {
    const d = doc([targetsSection(6)]);
    const a = await renderPdf(d, { date: '2021-08-23' });
    const b = await renderPdf(d, { date: '2021-08-23' });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(a, b)).toBe(0);
    expect(a.toString('latin1')).toContain('(D:20210823000000Z)');
  });

  it.skipIf(!poppler)('sections start pages, numbered within each section; spans, fills and ≥ 8 pt type; A4 and F4 landscape', { timeout: 60_000 }, async () => {
    const dir = tempDir('rpjmd-pdf-unit-');
    for (const paper of ['A4', 'F4'] as const) {
      const file = path.join(dir, `uji-${paper}.pdf`);
      fs.writeFileSync(file, await renderPdf(doc([targetsSection(120), wideSection()], paper), { date: '2021-08-23' }));
      const { pages, size } = pdfPages(file);
      if (process.env.KEEP_PDF) fs.copyFileSync(file, path.join(process.env.KEEP_PDF, path.basename(file)));
      expect(size).toMatch(paper === 'A4' ? /^841\.89 x 595\.28 pts/ : /^935\.43\d* x 609\.4[45]\d* pts/);
      const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
      const first = texts.filter((x) => /Lampiran I — Rancangan/.test(x));
      const wide = texts.filter((x) => /Tabel lebar/.test(x));
      expect(first.length).toBeGreaterThan(1);
      expect(wide.length).toBeGreaterThan(1);
      expect(first.length + wide.length).toBe(pages);
      first.forEach((x, i) => expect(x).toContain(`Halaman ${i + 1} dari ${first.length}`));
      wide.forEach((x, i) => expect(x).toContain(`Halaman ${i + 1} dari ${wide.length}`));
      // Header rows repeat on every page of the section; the lead columns on every width group.
      for (const x of first.filter((y) => /Persentase/.test(y))) expect(x).toMatch(/Indikator/);
      expect(first.filter((y) => /Persentase/.test(y)).length).toBeGreaterThan(1);
      for (const x of wide) expect(x).toMatch(/Indikator[\s\S]*Semula/);
      expect(texts[0]).toContain('RANCANGAN PERATURAN DAERAH KABUPATEN MUARA ENIM');
      expect(texts[0]).toMatch(/Persentase penduduk miskin 1 — “uji” ≥ ±/);
      expect(texts[0]).toMatch(/12,60/);
      expect(texts[0]).toMatch(/79\.270/);
      expect(texts[0]).toMatch(/13,90\*/);
      expect(first.at(-1)).toContain('NIP 19700101 199503 1 001');
      expect(first.join('\n')).toContain('Tanda * di belakang angka');

      const all = words(file);
      // "2021" is centred over its three merged columns.
      const nilai = all.find((w) => w.page === 1 && w.text === 'Nilai')!;
      const w2021 = all.filter((w) => w.page === 1 && w.text === '2021' && w.yMin < nilai.yMin).at(-1)!; // not the header block's
      const akhir = all.find((w) => w.page === 1 && w.text === 'Akhir')!;
      expect((w2021.xMin + w2021.xMax) / 2).toBeGreaterThan(nilai.xMax);
      expect((w2021.xMin + w2021.xMax) / 2).toBeLessThan(akhir.xMin);
      // The row-spanned indicator name sits between its two rows (Semula, Menjadi).
      const name = all.find((w) => w.page === 1 && w.text === 'Persentase')!;
      const semula = all.find((w) => w.page === 1 && w.text === 'Semula')!;
      expect(Math.abs(name.yMin - semula.yMin)).toBeLessThan(2);
      // Type size = word box height ÷ the font's ascent + descent (pdftotext's box; ≈ 1,3 em for
      // LibreOffice's fonts, DEJAVU_BOX_EM for the PDF's own): nothing on any page under 8 pt.
      const sizes = all.map((w) => (w.yMax - w.yMin) / DEJAVU_BOX_EM);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7.95);
      expect(Math.max(...all.filter((w) => w.text === '79.270').map((w) => (w.yMax - w.yMin) / DEJAVU_BOX_EM))).toBeCloseTo(8.1, 1); // 9 pt at the xlsx's print scale
    }
  });

  it('writes through a temp file, replaces only its own PDFs, and says which file is its own', { timeout: 60_000 }, async () => {
    const dir = tempDir('rpjmd-pdf-write-');
    const target = path.join(dir, 'lampiran.pdf');
    const bytes = () => renderPdf(doc([targetsSection(2)]), { date: '2021-08-23' });
    const written = await writePdfFile(bytes, target, path.join(dir, 'wb.rpjmd'));
    expect(written.bytes).toBe(fs.statSync(target).size);
    expect(isOurPdf(target)).toBe(true);
    await expect(writePdfFile(bytes, target, path.join(dir, 'wb.rpjmd'))).rejects.toMatchObject({ code: 'already_exists' });
    await writePdfFile(bytes, target, path.join(dir, 'wb.rpjmd'), true);
    const foreign = path.join(dir, 'other.pdf');
    fs.writeFileSync(foreign, '%PDF-1.4\n% someone else\n');
    expect(isOurPdf(foreign)).toBe(false);
    await expect(writePdfFile(bytes, foreign, path.join(dir, 'wb.rpjmd'), true)).rejects.toMatchObject({ code: 'already_exists' });
    expect(fs.readFileSync(foreign, 'utf8')).toContain('someone else');
    await expect(writePdfFile(bytes, path.join(dir, 'x.xlsx'), path.join(dir, 'wb.rpjmd'))).rejects.toMatchObject({ code: 'bad_input' });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.exporting-'))).toEqual([]);
  });
});
