/**
 * The annex as a PDF, written by the app itself (electron/annex/pdf.ts): `npm run cli -- export
 * --out lampiran.pdf` on the demo with a proposal, read back with poppler — the text a reviewer
 * reads (LAMPIRAN I, every revised target in id-ID form), A4 and F4 landscape, a section per
 * sheet numbered within itself, nothing under 8 pt — and the browser host's download
 * (annex.exportBytes, format pdf) giving the same bytes as the CLI. Page images for people to
 * look at: test-results/screenshots/annex-pdf-*.png (pdftoppm).
 * Skipped, saying why, where poppler-utils is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNEX_SHEETS, type AnnexBytesResult } from '../../shared/annex.js';
import type { IndicatorValue, ScenarioTargets } from '../../shared/domain.js';
import { formatNumber } from '../../shared/format/number.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, ok } from '../helpers/annex.js';
import { DEJAVU_BOX_EM, pageText, pdfPages, poppler, which, words } from '../helpers/pdf.js';

const entry = path.resolve('dist/node/cli.mjs');
const signerArgs = ['--signer-name', SIGNER.name, '--signer-title', SIGNER.title, '--signer-nip', SIGNER.nip];

function cli(args: string[], home: string) {
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: home } });
}

/**
 * The demo with its proposal saved to a file, the proposal's revised targets that differ from the
 * original targets (what Lampiran I's Menjadi shows changed) in id-ID form, and the PDF the
 * browser host's download gives for it.
 */
async function fixture() {
  const demo = await demoWithUsulan();
  const targets = await ok<ScenarioTargets>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id }));
  const original = new Map((await demo.values('original_target')).map((v: IndicatorValue) => [`${v.indicatorId}:${v.year}`, v.value]));
  const decimals = new Map(demo.summary.indicators.map((i) => [i.id, i.decimals]));
  const revised = targets.targets
    .filter((t) => original.get(`${t.indicatorId}:${t.year}`) !== undefined && formatNumber(original.get(`${t.indicatorId}:${t.year}`), decimals.get(t.indicatorId)) !== formatNumber(t.value, decimals.get(t.indicatorId)))
    .map((t) => formatNumber(t.value, decimals.get(t.indicatorId)));
  const download = await ok<AnnexBytesResult>(demo.dispatch('annex.exportBytes', { format: 'pdf', date: DATE, signer: SIGNER }));
  const dir = tempDir('rpjmd-annex-pdf-');
  const file = path.join(dir, 'muara-enim.rpjmd');
  await ok(demo.dispatch('workbook.saveAs', { path: file }));
  demo.close(); // the CLI is another process: release the write lock
  return { file, dir, home: tempDir('rpjmd-annex-pdf-home-'), revised, download };
}

/** Every page's footer "Halaman n dari m", in page order. */
function pageNumbers(texts: string[]): [number, number][] {
  return texts.map((t) => {
    const m = /Halaman (\d+) dari (\d+)\s*$/.exec(t.trimEnd());
    if (!m) throw new Error(`no page number on a page:\n${t.slice(-400)}`);
    return [Number(m[1]), Number(m[2])];
  });
}

describe.skipIf(!poppler)('annex PDF (npm run cli -- export --out lampiran.pdf)', () => {
  it('A4 and F4 landscape, a section per sheet numbered within itself, LAMPIRAN I with the revised targets in id-ID form, ≥ 8 pt; the download is the same file', { timeout: 240_000 }, async () => {
    const { file, dir, home, revised, download } = await fixture();
    expect(revised.length).toBeGreaterThan(0);
    expect(revised).toContain('12,60'); // the helper's proposal: P0 2021 raised to 12,60 %
    const shots = path.resolve('test-results/screenshots');
    fs.mkdirSync(shots, { recursive: true });

    for (const paper of ['A4', 'F4'] as const) {
      const out = path.join(dir, `lampiran-${paper}.pdf`);
      const r = cli(['export', '--workbook', file, '--out', out, '--paper', paper, '--date', DATE, ...signerArgs], home);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Annex written: ${out}`);
      expect(r.stdout).toContain(`sections: ${ANNEX_SHEETS.join(', ')}`);

      const { pages, size } = pdfPages(out);
      expect(size).toMatch(paper === 'A4' ? /^841\.89 x 595\.28 pts/ : /^935\.43\d* x 609\.4[45]\d* pts/);
      const texts = Array.from({ length: pages }, (_, i) => pageText(out, i + 1));

      // Each section starts a page and is numbered 1…m within itself; seven runs, in the sheets' order.
      const numbers = pageNumbers(texts);
      const starts = numbers.flatMap(([n], i) => (n === 1 ? [i] : []));
      expect(starts).toHaveLength(ANNEX_SHEETS.length);
      numbers.forEach(([n, m], i) => {
        const start = starts.filter((s) => s <= i).at(-1)!;
        expect(n).toBe(i - start + 1);
        expect(numbers[start + m - 1]![0]).toBe(m);
      });
      expect(numbers.filter(([n]) => n === 1).reduce((a, [, m]) => a + m, 0)).toBe(pages);
      const headings = ['LAMPIRAN I —', 'LAMPIRAN II —', 'LAMPIRAN III —', 'CATATAN PERUBAHAN', 'SUMBER DATA', 'KELAYAKAN TARGET', 'LAMPIRAN IV —', 'TINDAK LANJUT HASIL EVALUASI'];
      expect(headings).toHaveLength(ANNEX_SHEETS.length);
      headings.forEach((h, k) => expect(texts[starts[k]!]).toContain(h));

      const lampiran1 = texts.slice(0, starts[1]).join('\n');
      expect(lampiran1).toContain('LAMPIRAN I');
      for (const value of revised) expect(lampiran1).toMatch(new RegExp(`(^|\\s)${value.replace(/[.*]/g, '\\$&')}\\*?(\\s|$)`, 'm'));
      expect(lampiran1).toContain(`NIP ${SIGNER.nip}`.replace('NIP ', ''));
      expect(texts.join('\n')).toMatch(/79\.270/); // a count of poor people, id-ID thousands

      // Type size: word box height ÷ the embedded font's ascent + descent (helpers/pdf.ts); nothing under 8 pt.
      const boxes = words(out);
      const smallest = boxes.reduce((a, w) => ((w.yMax - w.yMin) < (a.yMax - a.yMin) ? w : a));
      expect((smallest.yMax - smallest.yMin) / DEJAVU_BOX_EM, `"${smallest.text}" on page ${smallest.page}`).toBeGreaterThanOrEqual(7.95);

      if (which('pdftoppm')) {
        for (const f of fs.readdirSync(shots).filter((x) => x.startsWith(`annex-pdf-${paper}-`))) fs.rmSync(path.join(shots, f));
        spawnSync('pdftoppm', ['-r', '60', '-png', out, path.join(shots, `annex-pdf-${paper}`)], { timeout: 120_000 });
      }
      if (paper === 'A4') {
        // One source, the same file: the browser host's download is the CLI's PDF, byte for byte.
        expect(download.format).toBe('pdf');
        expect(download.fileName).toMatch(/\.pdf$/);
        expect(Buffer.from(download.base64, 'base64').equals(fs.readFileSync(out))).toBe(true);
      }
    }

    // The extension chooses; anything else is refused before the workbook is opened.
    const bad = cli(['export', '--workbook', file, '--out', path.join(dir, 'lampiran.docx')], home);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--out must name an \.xlsx or a \.pdf file/);
    // Never replaces a file it did not write.
    const foreign = path.join(dir, 'orang-lain.pdf');
    fs.writeFileSync(foreign, '%PDF-1.4\n% not ours\n');
    const refused = cli(['export', '--workbook', file, '--out', foreign, '--force', '--date', DATE], home);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not an annex made by this app/);
    expect(fs.readFileSync(foreign, 'utf8')).toContain('not ours');
  });
});
