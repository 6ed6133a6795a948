/**
 * The annex as a reviewer prints it: LibreOffice (headless) converts it to PDF, poppler reads the
 * pages back: body type measured on every page (A4 and F4), pages numbered per sheet. Also writes
 * every page as test-results/screenshots/annex-<paper>-id-<n>.png for people to look at.
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

/**
 * The smallest type on each page, in points: pdftotext -bbox gives each word's box, whose height
 * is about 1,3 × the type size (measured: 10 pt → 13,0; 9 pt → 11,7, for LibreOffice's Arial and
 * its DejaVu Sans stand-in).
 */
function smallestType(pdf: string): number[] {
  const xml = run(tools.pdftotext!, ['-bbox', pdf, '-']);
  return xml.split('<page ').slice(1).map((page) => {
    let min = Infinity;
    for (const m of page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) min = Math.min(min, (Number(m[2]) - Number(m[1])) / 1.3);
    return Math.round(min * 100) / 100;
  });
}

/** Exports the demo proposal on `paper` and prints it through LibreOffice; also writes every page as a PNG for people to look at. */
async function printed(paper: 'A4' | 'F4', language: 'id' | 'en' = 'id') {
  const demo = await demoWithUsulan();
  const xlsx = path.join(tempDir('rpjmd-annex-lo-'), `lampiran-${paper}-${language}.xlsx`);
  await ok(demo.dispatch('annex.export', { path: xlsx, date: DATE, signer: SIGNER, paper, language }));
  demo.close();
  const pdf = toPdf(xlsx);
  const { pages, size } = info(pdf);
  const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
  const shots = path.resolve('test-results/screenshots');
  fs.mkdirSync(shots, { recursive: true });
  run(tools.pdftoppm!, ['-png', '-r', '60', pdf, path.join(shots, `annex-${paper}-${language}`)]);
  return { pdf, pages, size, texts };
}

describe.skipIf(missing.length > 0)('annex in LibreOffice (PDF)', () => {
  for (const paper of ['A4', 'F4'] as const) {
    it(`${paper}: body type ≥ 8 pt on every page; each sheet starts a page and numbers its own pages; the Raperda header; id-ID numbers`, { timeout: 180_000 }, async () => {
      const { pdf, pages, size, texts } = await printed(paper);
      expect(size).toMatch(paper === 'A4' ? /^841\.\d+ x 595\.\d+ pts \(A4\)/ : /^936 x 612 pts/);
      const sizes = smallestType(pdf);
      console.log(`annex ${paper}: smallest type per page (pt): ${sizes.join(' ')}`);
      expect(sizes).toHaveLength(pages);
      for (const [i, pt] of sizes.entries()) expect(pt, `page ${i + 1}`).toBeGreaterThanOrEqual(8);

      // Each sheet starts a page, and "Halaman n dari m" counts that sheet's pages.
      const starts = ['LAMPIRAN I —', 'LAMPIRAN II —', 'LAMPIRAN III —', 'CATATAN PERUBAHAN', 'SUMBER DATA', 'KELAYAKAN TARGET', 'LAMPIRAN IV —', 'TINDAK LANJUT HASIL EVALUASI'].map((t) => texts.findIndex((x) => x.includes(t)));
      expect(starts.every((s, i) => s >= 0 && (i === 0 || s > starts[i - 1]!))).toBe(true);
      const ends = [...starts.slice(1), pages];
      starts.forEach((s, k) => {
        const count = ends[k]! - s;
        for (let i = 0; i < count; i++) expect(texts[s + i], `sheet ${k + 1}, page ${i + 1}`).toMatch(new RegExp(`Halaman ${i + 1} dari ${count}\\b`));
      });

      const p1 = texts[0]!;
      for (const text of ['LAMPIRAN I', 'RANCANGAN PERATURAN DAERAH KABUPATEN MUARA ENIM', 'NOMOR …… TAHUN ……', 'LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN', 'Rancangan Perubahan RPJMD', 'Skenario: Perubahan 2021 (usulan)', 'Semula', 'Menjadi', 'Perangkat']) {
        expect(p1).toContain(text);
      }
      // The justification, a row of its own under its indicator's pair, prints on Lampiran I's pages.
      expect(texts.slice(starts[0], ends[0]).join('\n')).toContain('Alasan Perubahan');
      const lampiranI = texts.slice(0, starts[1]).join('\n');
      expect(lampiranI).toMatch(/12,60/);
      expect(lampiranI).toMatch(/\b\d{2}\.\d{3}\b/); // counts of poor people, e.g. 80.428
      expect(lampiranI.replace(/\s+/g, ' ')).toMatch(/Muara Enim, 23 Agustus 2021/);
      expect(lampiranI).toContain(`NIP. ${SIGNER.nip}`);
      expect(lampiranI).toContain('Garis Kemiskinan');
      const lampiranII = texts.slice(starts[1], starts[2]).join('\n').replace(/\s+/g, ' ');
      expect(lampiranII).toMatch(/12,32/);
      expect(lampiranII).toMatch(/79\.270/);
      expect(lampiranII).toContain('94,97');
      // The repeated header rows: every page of the sources carries the header.
      for (const t of texts.slice(starts[4], starts[5])) expect(t).toMatch(/No\s+Indikator\s+Satuan\s+Seri/);
      // Kelayakan Target: the fit of 2020, or (no P1 or Gini of 2020) the number to enter; the caveat either way.
      const kelayakan = texts.slice(starts[5], starts[6]).join('\n').replace(/\s+/g, ' ');
      expect(kelayakan).toMatch(/A Sebaran konsumsi tahun dasar 2020|\(1\) Galat — P1 2020, realisasi: Isi realisasi P1/);
      expect(kelayakan).toContain('Perkiraan model (lognormal, pertumbuhan netral-distribusi); bukan proyeksi.');
      // Lampiran IV: to the RPKD/RPD horizon, past the RPJMD period, its estimates labelled as such.
      const lampiranIV = texts.slice(starts[6], starts[7]).join('\n').replace(/\s+/g, ' ');
      expect(lampiranIV).toMatch(/Tahun \d{4}–2026: program sampai cakrawala RPKD\/RPD 2026, melewati periode RPJMD 2018–2023/);
      expect(lampiranIV).toContain('Perkiraan model (bukan ramalan)');
      // Tindak Lanjut Hasil Evaluasi, the last sheet: the demo has no evaluation notes, and says so.
      expect(texts.slice(starts[7]).join('\n').replace(/\s+/g, ' ')).toContain('Tidak ada catatan evaluasi gubernur yang diimpor ke buku kerja ini.');
    });
  }
});
