/**
 * The annex as a reviewer prints it: LibreOffice (headless) converts it to PDF, poppler reads the
 * pages back. Also writes test-results/screenshots/annex-page1.png for people to look at.
 * Skipped, saying why, where soffice or poppler-utils (pdfinfo, pdftotext, pdftoppm) is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, ok } from '../helpers/annex.js';

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

const tools = { soffice: which('soffice'), pdfinfo: which('pdfinfo'), pdftotext: which('pdftotext'), pdftoppm: which('pdftoppm') };
const missing = Object.entries(tools).filter(([, p]) => !p).map(([name]) => name);
if (missing.length > 0) {
  console.warn(`annex-libreoffice: SKIPPED — ${missing.join(', ')} not installed (apt-get install libreoffice-calc-nogui poppler-utils)`);
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Converts with a throwaway LibreOffice profile, so runs never share or lock a user profile. */
function toPdf(xlsx: string): string {
  const dir = path.dirname(xlsx);
  const profile = tempDir('rpjmd-lo-profile-');
  run(tools.soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, xlsx]);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  expect(fs.existsSync(pdf)).toBe(true);
  return pdf;
}

function pageText(pdf: string, page: number): string {
  return run(tools.pdftotext!, ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
}

function info(pdf: string): { pages: number; size: string } {
  const out = run(tools.pdfinfo!, [pdf]);
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), size: /Page size:\s+(.*)/.exec(out)?.[1] ?? '' };
}

describe.skipIf(missing.length > 0)('annex in LibreOffice (PDF)', () => {
  it('A4: Lampiran I on one page with its title, table and signature; each sheet starts a page; id-ID numbers', { timeout: 180_000 }, async () => {
    const demo = await demoWithUsulan();
    const dir = tempDir('rpjmd-annex-lo-');
    const xlsx = path.join(dir, 'lampiran-a4.xlsx');
    await ok(demo.dispatch('annex.export', { path: xlsx, date: DATE, signer: SIGNER, paper: 'A4' }));
    demo.close();
    const pdf = toPdf(xlsx);
    const { pages, size } = info(pdf);
    expect(size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)/); // A4 landscape

    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    const first = (title: string) => texts.findIndex((t) => t.trimStart().startsWith(title)) + 1;
    const starts = ['LAMPIRAN I —', 'LAMPIRAN II —', 'LAMPIRAN III —', 'CATATAN PERUBAHAN', 'SUMBER DATA'].map(first);
    // Lampiran I, II, III and the change log fit one page each; the sources (≈130 rows) take the rest.
    expect(starts).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(9);

    const p1 = texts[0]!;
    for (const text of ['LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN', 'Rancangan Perubahan RPJMD', 'Skenario: Perubahan 2021 (usulan)', 'Semula', 'Menjadi', 'Alasan Perubahan', 'Garis Kemiskinan', `NIP. ${SIGNER.nip}`, 'Muara Enim, 23 Agustus 2021', `Halaman 1 dari ${pages}`]) {
      expect(p1).toContain(text);
    }
    // [$-421] number formats: LibreOffice shows Indonesian separators whatever its own locale.
    expect(p1).toMatch(/12,60/);
    expect(p1).toMatch(/\b\d{2}\.\d{3}\b/); // counts of poor people (Jumlah Penduduk Miskin), e.g. 80.428
    expect(texts[1]).toMatch(/12,32/);
    expect(texts[1]).toMatch(/79\.270/);
    // Issue 12: the loosening in percentage points, the illustrative legend, tidak tercapai, the monitoring part.
    expect(p1).toContain('2021: +1,30 poin persen (dilonggarkan)');
    expect(p1).toContain('= ilustrasi (bukan angka Perda/BPS)');
    const p2 = texts[1]!.replace(/\s+/g, ' ');
    // (wrapped cells interleave their lines in pdftotext's layout, so each part is looked for on its own)
    expect(p2).toMatch(/12,32 11,70 94,97 Sangat tinggi/);
    expect(p2).toContain('Tidak tercapai, selisih 0,62');
    // Dated 23 August 2021: the 2021–2023 realisations are left out, and the sheet says so.
    expect(p2).toContain('Realisasi yang terbit sesudah 23 Agustus 2021 (2021, 2022, 2023) tidak dimuat');
    expect(p2).not.toMatch(/\b2022 11,12\b/);
    // The repeated header rows: every page of the sources carries the header.
    for (const t of texts.slice(4)) expect(t).toMatch(/No\s+Indikator\s+Satuan\s+Seri/);

    const shots = path.resolve('test-results/screenshots');
    fs.mkdirSync(shots, { recursive: true });
    run(tools.pdftoppm!, ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(shots, 'annex-page1')]);
    expect(fs.statSync(path.join(shots, 'annex-page1.png')).size).toBeGreaterThan(10_000);
  });

  it('F4 prints on folio paper, 13 × 8½ in landscape', { timeout: 180_000 }, async () => {
    const demo = await demoWithUsulan();
    const xlsx = path.join(tempDir('rpjmd-annex-lo-'), 'lampiran-f4.xlsx');
    await ok(demo.dispatch('annex.export', { path: xlsx, date: DATE, signer: SIGNER, paper: 'F4' }));
    demo.close();
    const pdf = toPdf(xlsx);
    expect(info(pdf).size).toMatch(/^936 x 612 pts/);
    expect(pageText(pdf, 1)).toContain('LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN');
  });
});
