/**
 * Issue 17 item 2 in Chromium through the browser host: a programme list (CSV, semicolons,
 * decimal comma) chosen in the Ekspor view's file input is recognised by its header, previewed
 * per programme and year (old → new, Indonesian numbers and words), and applied as one step.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Programme } from '../../shared/domain.js';
import { callApi as call, expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'programme-import', emptyDemo: true } });

const SHOTS = path.resolve('test-results/screenshots');
const BSTD = 'Bantuan Sosial Tunai Daerah (uji)';
const PUM = 'Pelatihan Usaha Mikro (uji)';

const CSV = [
  'Program;Klaster;Perangkat Daerah;Tahun;Rumah Tangga Sasaran;Manfaat per Rumah Tangga per Bulan (Rp);Ketepatan Sasaran (%);Anggaran;Sumber',
  `${BSTD};Bantuan Sosial;Dinas Sosial;2022;1.250;Rp 250.000;80 %;Rp 3.750.000.000;DPA Dinas Sosial 2022`,
  `${BSTD};Bantuan Sosial;Dinas Sosial;2023;1.400;Rp 250.000;82,5;;`,
  `${PUM};Usaha Mikro;Dinas Koperasi dan UKM;2023;300;150.000;65;450.000.000;DPA Dinas Koperasi 2023`,
  'Program Salah (uji);Klaster Lain;Dinas X;2022;100;100.000;90;;',
  'Program Lebih (uji);Pemberdayaan;Dinas PMD;2023;100;100.000;120;;',
].join('\r\n');

test('a programme list from CSV: preview rows in Indonesian (old → new), rejected cell located, applied in one step', async ({ page, host }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  // A stored programme whose 2022 the file changes (and whose 2021 it leaves alone).
  await call(page, 'programmes.save', {
    name: BSTD, cluster: 'bantuan_sosial', strategy: 'beban_pengeluaran', agency: 'Dinas Sosial', benefitKind: 'transfer', source: 'Renja',
    years: [
      { year: 2021, households: 1_000, benefit: 200_000, accuracy: 75, budget: null, source: 'Renja 2021' },
      { year: 2022, households: 1_100, benefit: 200_000, accuracy: 75, budget: null, source: 'Renja 2022' },
    ],
  });

  await page.getByRole('navigation').getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ekspor lampiran dan impor data' })).toBeVisible();
  await page.getByLabel('Berkas').setInputFiles({ name: 'program.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('2 program; tahun program: 2 baru, 1 berubah, 0 tetap; 2 ditolak');
  const table = preview.getByTestId('import-programmes');
  await expect(table.getByRole('columnheader')).toHaveText(['Program', 'Tahun', 'Status', 'Rumah tangga', 'Manfaat (Rp/RT/bulan)', 'Ketepatan', 'Anggaran (Rp)', 'Letak']);
  const row = (name: string, year: number) => table.locator(`tr[data-programme="${name}"]`).filter({ has: page.getByRole('cell', { name: String(year), exact: true }) });
  await expect(row(BSTD, 2022)).toContainText('berubah');
  await expect(row(BSTD, 2022)).toContainText('1.100 → 1.250');
  await expect(row(BSTD, 2022)).toContainText('200.000 → 250.000');
  await expect(row(BSTD, 2022)).toContainText('75 % → 80 %');
  await expect(row(BSTD, 2022)).toContainText('– → 3.750.000.000');
  await expect(row(BSTD, 2022)).toContainText('CSV!D2');
  await expect(row(BSTD, 2023)).toContainText('baru');
  await expect(row(BSTD, 2023)).toContainText('82,5 %');
  await expect(row(BSTD, 2022)).toContainText('Bantuan sosial · Dinas Sosial');
  await expect(row(BSTD, 2022)).toContainText('Strategi: pengurangan beban pengeluaran');
  await expect(row(PUM, 2023)).toContainText('Usaha mikro · Dinas Koperasi dan UKM');
  await expect(row(PUM, 2023)).toContainText('Strategi: peningkatan pendapatan (menurut klaster; berkas tidak memuat strategi)');
  await expect(row(PUM, 2023)).toContainText('450.000.000');
  // The rejected cell, located and worded in Indonesian; the strategy notice too.
  const rejected = preview.getByRole('table').filter({ hasText: 'Klaster tidak dikenal' });
  await expect(rejected.getByRole('row').filter({ hasText: 'Klaster Lain' })).toContainText(/CSV\s*5\s*B/);
  await expect(rejected).toContainText('"Klaster Lain" bukan klaster: tulis Bantuan Sosial, Pemberdayaan, Usaha Mikro atau Layanan Dasar.');
  await expect(rejected.getByRole('row').filter({ hasText: 'Di luar rentang' })).toContainText('Ketepatan Sasaran 120 di luar 0–100 %.');
  await expect(preview).toContainText('Strategi program ditetapkan menurut klaster');
  await expect(preview).not.toContainText('is not a cluster');

  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'impor-program-id.png'), fullPage: true });
  // The view scrolls inside the app's frame: the notices and the apply button below the rows.
  await page.getByRole('button', { name: /Terapkan 3 perubahan/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'impor-program-id-bawah.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(preview).toContainText('2 programme(s); programme years: 2 new, 1 changed, 0 unchanged; 2 rejected');
  await expect(row(PUM, 2023)).toContainText('Strategy: raise income (from the cluster; the file has no strategy)');
  await expect(row(BSTD, 2022)).toContainText('1.100 → 1.250');
  await expect(preview).toContainText('Targeting accuracy 120 is outside 0–100 %.');
  await page.screenshot({ path: path.join(SHOTS, 'impor-program-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  await page.getByRole('button', { name: /Terapkan 3 perubahan/ }).click();
  await expect(page.getByRole('status')).toContainText('3 perubahan program diterapkan (satu langkah urungkan).');
  const list = await call<Programme[]>(page, 'programmes.list');
  const stored = list.filter((p) => p.name === BSTD || p.name === PUM);
  expect(stored.map((p) => [p.name, p.strategy, p.years.map((y) => [y.year, y.households, y.benefit, y.accuracy, y.budget])])).toEqual([
    [BSTD, 'beban_pengeluaran', [[2021, 1_000, 200_000, 75, null], [2022, 1_250, 250_000, 80, 3_750_000_000], [2023, 1_400, 250_000, 82.5, null]]],
    [PUM, 'pendapatan', [[2023, 300, 150_000, 65, 450_000_000]]],
  ]);
  await watch.expectClean();
});
