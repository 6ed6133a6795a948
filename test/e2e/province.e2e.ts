/**
 * Provinsi (issue 18 item 1) in Chromium through the browser host at 1366 × 768: with no workbook
 * open, the empty state leads to the view; a folder holding the demo province's 17 workbooks (made
 * here by `npm run demo -- --province`), a damaged file (random bytes named x.rpjmd) and a workbook
 * of another province (a copy of Palembang's whose plan names Jambi) is read: 17 regions and the
 * aggregate with its coverage (2022 realised in Muara Enim only: "1/17 wilayah — tidak sebanding"),
 * the two others listed with their reason; filter and sort work; the xlsx downloads; a region's
 * evaluation sheet downloads from its row; the folder is byte-identical afterwards; none of the
 * view's English under Indonesian and none of its Indonesian under English. Screenshots in both
 * languages: test-results/screenshots/provinsi-{id,en}.png.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { ProvinceReport } from '../../shared/model/province.js';
import { provinceEn } from '../../renderer/src/province/province.en.js';
import { provinceId } from '../../renderer/src/province/province.id.js';
import { callApi, expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'province' } });

const SHOTS = path.resolve('test-results/screenshots');
const SERVE = path.resolve('dist/node/serve.mjs');

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

/** The fixed parts (≥ 4 characters, placeholders cut out) of every string of `mine` that `theirs` does not contain at the same key. */
function ownWordsOnly(mine: unknown, theirs: unknown): string[] {
  const out = new Set<string>();
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string') {
      const other = typeof b === 'string' ? b : '';
      for (const part of a.split(/\{\{[^}]*\}\}/)) {
        const words = part.trim().replace(/^[\s.,:;()“”–—·<>%≥-]+|[\s.,:;()“”–—·<>%≥-]+$/g, '');
        // Compared ignoring case: a word both languages share (Folder, Target, Kota) is no leak.
        if (words.length >= 4 && !other.toLowerCase().includes(words.toLowerCase())) out.add(words);
      }
      return;
    }
    if (a && typeof a === 'object') for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown> | undefined)?.[k]);
  };
  walk(mine, theirs);
  return [...out];
}

const asWords = (words: string) => new RegExp(`(^|[^\\p{L}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

/** The view's own words on screen (not the workbooks' data): headings, labels, buttons, headers, badges, hints, options. */
async function ownTexts(page: Page): Promise<string[]> {
  return page.locator('.province-view').locator('h1, h2, h3, label, button, th[scope="col"], .ag-header-cell-text, .badge, .hint, option, .province-shown, [data-target], .province-excluded td').allInnerTexts();
}

test.describe('Provinsi (a folder of regency workbooks)', () => {
  test('reads the demo province with a damaged and a foreign workbook; aggregate, coverage, filter, sort, export, evaluation sheet; id and en', async ({ page, host }) => {
    test.setTimeout(240_000);
    const watch = watchPage(page);
    // The folder: the 17 demo workbooks, random bytes named x.rpjmd, and Palembang's copy moved to Jambi.
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpjmd-e2e-province-')), 'sumsel');
    const made = spawnSync(process.execPath, [SERVE, '--make-demo', '--province', folder], { encoding: 'utf8', env: { ...process.env, RPJMD_WORKBENCH_HOME: host.home } });
    expect(made.status, made.stderr).toBe(0);
    fs.writeFileSync(path.join(folder, 'x.rpjmd'), crypto.randomBytes(4096));
    const foreign = path.join(folder, 'kota-jambi.rpjmd');
    fs.copyFileSync(path.join(folder, 'kota-palembang.rpjmd'), foreign);
    const db = new Database(foreign);
    db.prepare("UPDATE plan SET region = 'Kota Jambi', province = 'Jambi'").run();
    db.close();
    const before = hashes(folder);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    // The governor's team has no regency workbook: with none open the empty state leads to the view.
    await callApi(page, 'workbook.close');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Belum ada buku kerja yang terbuka' })).toBeVisible();
    const buttons = await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button').allInnerTexts();
    expect(buttons[buttons.length - 1]).toBe('Provinsi');
    await page.getByRole('button', { name: 'Buka tampilan Provinsi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Konsolidasi provinsi' })).toBeVisible();

    // A path the page can refuse by itself, then the folder.
    const field = page.getByLabel('Jalur folder');
    await field.fill('sumsel');
    await page.getByRole('button', { name: 'Baca folder' }).click();
    await expect(page.getByText('“sumsel” bukan jalur lengkap.', { exact: false })).toBeVisible();
    await field.fill(path.join(folder, 'tidak-ada'));
    await page.getByRole('button', { name: 'Baca folder' }).click();
    await expect(page.getByText(`Folder ${path.join(folder, 'tidak-ada')} tidak dapat dibaca: tidak ada, atau bukan folder.`)).toBeVisible();
    await field.fill(folder);
    await page.getByRole('button', { name: 'Baca folder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Provinsi Sumatera Selatan' })).toBeVisible();
    await expect(page.getByTestId('province-header')).toContainText('Sumatera Selatan · RPJMD 2018–2023 · 17 wilayah dibaca');
    await expect(page.getByTestId('province-header')).toContainText('hanya-baca');
    await expect(page.getByTestId('province-shown')).toHaveText('17 dari 17 wilayah ditampilkan');

    // The aggregate: 2020 covers all 17; 2022's realisation only Muara Enim — no province figure.
    const report = await callApi<ProvinceReport>(page, 'province.read', { folder });
    expect(report.regions).toHaveLength(17);
    const agg = page.locator('.province-aggregate-table');
    const p2020 = report.aggregate.p0['2020']!;
    await expect(agg.locator('tr[data-year="2020"] td[data-series="realised"]')).toHaveText(new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(p2020));
    await expect(agg.locator('td[data-coverage="realised-2020"]')).toHaveText('17/17 wilayah');
    await expect(agg.locator('td[data-coverage="realised-2022"]')).toHaveText('1/17 wilayah — tidak sebanding');
    await expect(agg.locator('tr[data-year="2022"] td[data-series="realised"]')).toHaveText('–');
    // The grid's pinned rows under the regions: the aggregate and its coverage (their left part names them).
    const pinnedRow = async (label: string) => {
      const left = page.locator('.province-grid .ag-row', { hasText: label });
      await expect(left).toBeVisible();
      const index = await left.getAttribute('row-index');
      return page.locator(`.province-grid .ag-row[row-index="${index}"] [col-id="y2020-realised"]`);
    };
    await expect(await pinnedRow('Agregat provinsi')).toHaveText(new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(p2020));
    await expect(await pinnedRow('Cakupan')).toHaveText('17/17');

    // The two left out, each with its reason; the rest still aggregate (17 regions above).
    const excluded = page.locator('.province-excluded');
    await expect(excluded.getByRole('heading', { name: 'Buku kerja yang tidak disertakan (2)' })).toBeVisible();
    await expect(excluded.locator('tr[data-file="kota-jambi.rpjmd"] td')).toHaveText('Kota Jambi di Provinsi Jambi, bukan Sumatera Selatan.');
    await expect(excluded.locator('tr[data-file="x.rpjmd"] td')).toHaveText(/^(Bukan buku kerja RPJMD\.|Berkas rusak atau tidak dapat dibaca sebagai buku kerja\.)$/);

    // The province's own targets on the aggregate.
    await expect(page.locator('[data-target="governor"]')).toContainText(`${17 - report.flags.notBelowTenIn2024.length} dari 17 wilayah memenuhi.`);
    await expect(page.locator('[data-target="range"]')).toContainText('Agregat target 2021:');

    // Filter: "ogan" finds the five Ogan regions; "only flagged" the flagged ones.
    const filter = page.getByLabel('Cari wilayah');
    await filter.fill('ogan');
    await expect(page.getByTestId('province-shown')).toHaveText('5 dari 17 wilayah ditampilkan');
    await filter.fill('');
    const flagged = report.regions.filter(
      (r) => report.flags.notBelowTenIn2024.some((f) => f.file === r.file) || report.flags.loosening.some((f) => f.file === r.file) || report.flags.failingChecks.some((f) => f.file === r.file),
    ).length;
    await page.getByLabel('Hanya yang bertanda').check();
    await expect(page.getByTestId('province-shown')).toHaveText(`${flagged} dari 17 wilayah ditampilkan`);
    await page.getByLabel('Hanya yang bertanda').uncheck();

    // Sort by the 2020 realisation: descending puts the highest first, by the keyboard too.
    const byP0 = [...report.regions].sort((a, b) => b.p0['2020']! - a.p0['2020']!);
    const header = page.locator('.province-grid .ag-header-cell[col-id="y2020-realised"]');
    const firstRegion = page.locator('.province-grid .ag-row[row-index="0"] [col-id="region"]');
    await header.click();
    await expect(firstRegion).toContainText(byP0[byP0.length - 1]!.name);
    await header.focus();
    await page.keyboard.press('Enter');
    await expect(firstRegion).toContainText(byP0[0]!.name);
    await expect(page.locator('.province-grid [data-illustrative="true"]').first()).toHaveText('ilustrasi');

    // Another standard indicator: the number of poor people adds up over the regions.
    await page.getByLabel('Indikator').selectOption({ label: 'Jumlah penduduk miskin (jiwa)' });
    const jpm2020 = report.aggregate.indicators.JPM!.realised.value['2020']!;
    expect(jpm2020).toBe(report.regions.reduce((sum, r) => sum + (r.indicators.JPM?.realised['2020'] ?? 0), 0));
    await expect(agg.locator('tr[data-year="2020"] td[data-series="realised"]')).toHaveText(new Intl.NumberFormat('id-ID').format(jpm2020));
    await expect(page.getByRole('heading', { name: 'Jalur Jumlah penduduk miskin (jiwa): wilayah dan agregat' })).toBeVisible();
    await page.getByLabel('Indikator').selectOption({ label: 'P0 — penduduk miskin (%)' });

    await mkdir(SHOTS, { recursive: true });
    await page.locator('.main').evaluate((m) => m.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'provinsi-id.png') });
    await page.locator('.province-panels').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'provinsi-id-2.png') });

    // No English of the view's own under Indonesian.
    const englishOnly = ownWordsOnly(provinceEn, provinceId);
    const idTexts = (await ownTexts(page)).join('\n');
    for (const w of englishOnly) expect(idTexts, `English "${w}" under id`).not.toMatch(asWords(w));

    // The consolidated table downloads as xlsx.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor xlsx' }).click()]);
    expect(download.suggestedFilename()).toBe('Konsolidasi-Provinsi-Sumatera-Selatan-2018-2023.xlsx');
    await expect(page.getByText('Konsolidasi-Provinsi-Sumatera-Selatan-2018-2023.xlsx diunduh: 17 wilayah, 2 buku kerja tidak disertakan.')).toBeVisible();

    // A region's evaluation sheet: the evaluator's name and date asked, then the download.
    await page.getByRole('button', { name: 'Catatan evaluasi untuk Kabupaten Banyuasin…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lembar catatan evaluasi: Kabupaten Banyuasin' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Nama evaluator').fill('');
    await dialog.getByRole('button', { name: 'Unduh lembar evaluasi' }).click();
    await expect(dialog.getByText('Isi nama evaluator.')).toBeVisible();
    await dialog.getByLabel('Nama evaluator').fill('Tim Evaluasi Biro Pemerintahan');
    await dialog.getByLabel('Tanggal evaluasi').fill('2021-09-10');
    const [sheet] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Unduh lembar evaluasi' }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/\.xlsx$/);
    // The region's evaluation workbook, with the evaluator the dialog was given.
    const evaluation = new ExcelJS.Workbook();
    await evaluation.xlsx.readFile(await sheet.path());
    const cells = evaluation.getWorksheet('Evaluasi')!.getSheetValues().flat().map(String);
    expect(cells).toContain('Kabupaten Banyuasin');
    expect(cells).toContain('Tim Evaluasi Biro Pemerintahan');
    expect(cells).toContain('Catatan Evaluasi');
    await expect(dialog).toBeHidden();
    await expect(page.locator('.province-status')).toHaveText(new RegExp(`^${sheet.suggestedFilename().replace(/[.]/g, '\\.')} diunduh \\(\\d+ baris indikator × tahun\\)\\.$`));

    // By keyboard: in the grid End goes to the last row's last cell (its Catatan evaluasi…), and
    // Enter there opens the dialog for that region.
    await firstRegion.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const byKeys = page.getByRole('dialog', { name: `Lembar catatan evaluasi: ${byP0[byP0.length - 1]!.name}` });
    await expect(byKeys).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(byKeys).toBeHidden();

    // English: the same view in the other language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Province of Sumatera Selatan' })).toBeVisible();
    await expect(page.getByTestId('province-header')).toContainText('Sumatera Selatan · RPJMD 2018–2023 · 17 regions read');
    await expect(agg.locator('td[data-coverage="realised-2022"]')).toHaveText('1/17 regions — not comparable');
    await expect(excluded.locator('tr[data-file="kota-jambi.rpjmd"] td')).toHaveText('Kota Jambi is in Jambi, not Sumatera Selatan.');
    // The status line is said again in English, not kept in the words it was first said in.
    await expect(page.locator('.province-status')).toHaveText(/ downloaded \(\d+ indicator × year rows\)\.$/);
    await page.locator('.main').evaluate((m) => m.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'provinsi-en.png') });
    // Region names are data ("Kabupaten Lahat" stays so in English), not the view's words.
    const indonesianOnly = ownWordsOnly(provinceId, provinceEn).filter((w) => !report.regions.some((r) => r.name.includes(w)));
    const enTexts = (await ownTexts(page)).join('\n');
    for (const w of indonesianOnly) expect(enTexts, `Indonesian "${w}" under en`).not.toMatch(asWords(w));

    // A reload reads the folder of this tab again.
    await page.reload();
    await expect(page.getByTestId('province-header')).toContainText('17 regions read');

    // Nothing in the folder was written: read, exported and the evaluation sheet made.
    expect(hashes(folder)).toEqual(before);
    // The folder that does not exist was answered 404, which Chromium logs.
    await watch.expectClean({ allow: [/Failed to load resource: .* 404/] });
  });
});
