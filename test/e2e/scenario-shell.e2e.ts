/**
 * #15 items 5, 6, 9 and 10 in Chromium through the browser host:
 * - one current scenario shared by every view and shown in the top bar, remembered per workbook;
 * - a proposal (usulan) is read-only in the Target grid, with a banner saying why and "Kembalikan
 *   ke draf" after a confirmation; the API refuses edits into it with 'frozen';
 * - closing or reloading the page with an edit in progress asks first (beforeunload);
 * - with no workbook open, the browser host opens and creates workbooks from a typed path, and
 *   says refusals in the UI's words.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ChangeLogEntry, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { callApi as call, expect, pageSession, SESSION_STORAGE_KEY, test, watchPage } from './host.js';

// The demo without its worked example (demo-example.e2e.ts covers that): these tests make their own scenarios.
test.use({ hostOptions: { file: 'scenario-shell', emptyDemo: true }, viewport: { width: 1366, height: 768 } });

const nav = (page: Page, name: string): Locator => page.getByRole('navigation').getByRole('button', { name, exact: true });
const rev = (page: Page, code: string, year: number) => page.locator(`.target-grid [row-id="indicator:${code}"] [col-id="rev-${year}"]`);
const topScenario = (page: Page) => page.getByTestId('current-scenario');

/** A call whose refusal the test reads: the HTTP status and the body. */
async function rawCall(page: Page, method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; code?: string; params?: Record<string, unknown> } }> {
  await pageSession(page);
  return page.evaluate(
    `(async (arg) => {
      const r = await fetch('api/' + arg.method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + window.sessionStorage.getItem(arg.key) },
        body: JSON.stringify(arg.input),
        credentials: 'omit',
      });
      return { status: r.status, body: await r.json() };
    })(${JSON.stringify({ method, input, key: SESSION_STORAGE_KEY })})`,
  ) as Promise<{ status: number; body: { ok: boolean; code?: string; params?: Record<string, unknown> } }>;
}

async function openView(page: Page, name: string, heading: string) {
  await nav(page, name).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Two scenarios from the original targets (set up through the API); the Target view's own e2e covers creating them. */
async function twoScenarios(page: Page): Promise<{ a: Scenario; b: Scenario; summary: WorkbookSummary }> {
  const a = await call<Scenario>(page, 'scenario.create', { name: 'Skenario A', from: { kind: 'original' } });
  const b = await call<Scenario>(page, 'scenario.create', { name: 'Skenario B', from: { kind: 'original' } });
  return { a, b, summary: await call<WorkbookSummary>(page, 'workbook.current') };
}

test.describe.serial('the current scenario, a protected proposal, unsaved edits, and opening by path', () => {
  test('one current scenario: picked in Target, the same in Pemeriksaan, Bandingkan and Ekspor, shown in the top bar, remembered', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    const { a, b } = await twoScenarios(page);
    await page.reload();
    // Nothing picked yet: the first scenario (no usulan).
    await expect(topScenario(page)).toContainText('Skenario A');

    await openView(page, 'Target', 'Target perubahan');
    await page.getByTestId('scenario-select').selectOption(String(b.id));
    await expect(topScenario(page)).toContainText('Skenario B');

    await openView(page, 'Pemeriksaan', 'Pemeriksaan');
    await expect(page.getByText('Aturan evaluasi gubernur atas skenario Skenario B')).toBeVisible();
    await expect(page.getByLabel('Skenario', { exact: true })).toHaveValue(String(b.id));

    // Changed here, changed everywhere.
    await page.getByLabel('Skenario', { exact: true }).selectOption(String(a.id));
    await expect(topScenario(page)).toContainText('Skenario A');
    await openView(page, 'Bandingkan', 'Bandingkan target');
    await expect(page.getByLabel('Skenario', { exact: true })).toHaveValue(String(a.id));
    await openView(page, 'Ekspor', 'Ekspor lampiran dan impor data');
    await expect(page.getByLabel('Skenario', { exact: true })).toHaveValue(String(a.id));
    await openView(page, 'Target', 'Target perubahan');
    await expect(page.getByTestId('scenario-select')).toHaveValue(String(a.id));

    // Remembered for this workbook across a reload.
    await page.reload();
    await expect(topScenario(page)).toContainText('Skenario A');
    await expect(page.getByTestId('scenario-select')).toHaveValue(String(a.id));
    await watch.expectClean();
  });

  test('a proposal is frozen: the API refuses an edit with its own code, the grid is read-only with a banner, and "Kembalikan ke draf" asks first', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const a = summary.scenarios.find((s) => s.name === 'Skenario A')!;
    const p0 = summary.indicators.find((i) => i.code === 'P0')!.id;
    await call(page, 'scenario.setStatus', { scenarioId: a.id, status: 'usulan' });

    // Through the API: refused with 'frozen' (409), naming the scenario, nothing written.
    const refused = await rawCall(page, 'targets.set', { scenarioId: a.id, action: 'target.edit', cells: [{ indicatorId: p0, year: 2022, value: 12.9 }] });
    expect(refused).toMatchObject({ status: 409, body: { ok: false, code: 'frozen', params: { reason: 'frozen', scenario: 'Skenario A' } } });
    const kept = await call<{ targets: { indicatorId: number; year: number; value: number }[] }>(page, 'scenario.targets', { scenarioId: a.id });
    expect(kept.targets.find((c) => c.indicatorId === p0 && c.year === 2022)?.value).not.toBe(12.9);

    await page.reload();
    await openView(page, 'Target', 'Target perubahan');
    await expect(topScenario(page)).toContainText('Skenario A');
    await expect(topScenario(page)).toContainText('usulan');
    const banner = page.getByTestId('proposal-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Usulan ini dikunci.');
    await expect(banner).toContainText('«Skenario A» adalah usulan: target perubahan dan alasannya tidak dapat diubah');
    await expect(page.getByRole('button', { name: 'Modelkan jalur target…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Tandai usulan' })).toHaveCount(0);

    // Read-only: typing into a revised target opens no editor and changes nothing.
    const before = await rev(page, 'P0', 2022).textContent();
    await expect(rev(page, 'P0', 2022)).toHaveClass(/locked-cell/);
    await rev(page, 'P0', 2022).click();
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    await expect(page.locator('.target-grid .ag-cell-inline-editing')).toHaveCount(0);
    await expect(rev(page, 'P0', 2022)).toHaveText(before ?? '');
    await page.screenshot({ path: path.resolve('test-results/screenshots/target-usulan.png') });

    // Kembalikan ke draf asks first; Batal keeps the proposal.
    await banner.getByRole('button', { name: 'Kembalikan ke draf' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Kembalikan ke draf?');
    await expect(dialog).toContainText('«Skenario A» tidak lagi menjadi usulan');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();
    await expect(banner).toBeVisible();
    expect((await call<WorkbookSummary>(page, 'workbook.current')).scenarios.find((s) => s.id === a.id)?.status).toBe('usulan');

    await banner.getByRole('button', { name: 'Kembalikan ke draf' }).click();
    await dialog.getByRole('button', { name: 'Ya, kembalikan ke draf' }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByTestId('scenario-status')).toHaveText(/draf/);
    await expect(topScenario(page)).not.toContainText('usulan');
    const log = await call<ChangeLogEntry[]>(page, 'changelog.list', { scenarioId: a.id, limit: 1 });
    expect(log[0]).toMatchObject({ action: 'scenario.status', detail: 'usulan→draft' });

    // A draft again: the grid takes the edit.
    await rev(page, 'P0', 2022).click();
    await page.keyboard.type('12,9');
    await page.keyboard.press('Enter');
    await expect(rev(page, 'P0', 2022)).toHaveText('12,90');
    // The refused API call above answered 409, which the browser logs as a failed resource load.
    await watch.expectClean({ allow: [/Failed to load resource: .* 409/] });
  });

  test('closing or reloading with an edit in progress asks first; without one it does not', async ({ page, host }) => {
    await page.goto(host.url);
    await openView(page, 'Target', 'Target perubahan');
    await expect(page.getByTestId('scenario-select')).toBeVisible();
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void (asked.length === 1 ? d.dismiss() : d.accept());
    });

    // Nothing in progress: a reload does not ask.
    await page.reload();
    await openView(page, 'Target', 'Target perubahan');
    expect(asked).toEqual([]);

    // A cell being edited (typed, not committed): closing asks; staying keeps the typed text.
    await rev(page, 'P0', 2023).click();
    await page.keyboard.type('10,1');
    await expect(page.locator('.target-grid .ag-cell-inline-editing')).toHaveCount(1);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await expect(page.locator('.target-grid .ag-cell-inline-editing input')).toHaveValue('10,1');

    // Escape drops the edit: nothing to lose, the page closes without asking again.
    await page.keyboard.press('Escape');
    await expect(page.locator('.target-grid .ag-cell-inline-editing')).toHaveCount(0);
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
  });

  test('an unsaved dialog form asks too', async ({ page, host }) => {
    await page.goto(host.url);
    await openView(page, 'Target', 'Target perubahan');
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Skenario baru…' }).click();
    await page.getByRole('dialog').getByLabel('Nama').fill('Belum disimpan');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    // Cancelled: the form is closed, nothing is in progress any more.
    await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
  });

  test('the browser host opens and creates workbooks from a typed path, and says refusals in words', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await page.getByRole('button', { name: 'Tutup buku kerja' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Belum ada buku kerja yang terbuka' })).toBeVisible();

    const field = page.getByLabel('Path berkas buku kerja');
    const open = page.getByRole('button', { name: 'Buka', exact: true });
    const create = page.getByRole('button', { name: 'Buat baru' });
    const problem = page.locator('.path-problem');
    await expect(page.getByText('Halaman peramban tidak dapat menjelajah disk')).toBeVisible();

    // Said before anything is sent.
    await open.click();
    await expect(problem).toHaveText('Ketik path berkas buku kerja dulu.');
    await field.fill('rpjmd/baru.rpjmd');
    await open.click();
    await expect(problem).toContainText('«rpjmd/baru.rpjmd» bukan path lengkap');
    const file = path.join(host.home, 'kabupaten-baru.rpjmd');
    await field.fill(file.replace(/\.rpjmd$/, '.xlsx'));
    await create.click();
    await expect(problem).toContainText('Buku kerja baru berakhiran .rpjmd');

    // The service's refusals, in Indonesian.
    await field.fill(file);
    await open.click();
    await expect(problem).toContainText(`Berkas ${file} tidak ada.`);
    await expect(problem).not.toContainText('File not found');
    const notes = path.join(host.home, 'catatan.rpjmd');
    await writeFile(notes, 'bukan basis data');
    await field.fill(notes);
    await open.click();
    await expect(problem).toContainText('Berkas ini bukan buku kerja RPJMD.');

    // Buat baru: a new workbook at that path, open at once.
    await field.fill(file);
    await create.click();
    await expect(page.getByTestId('open-file')).toContainText('kabupaten-baru.rpjmd');
    await expect(page.getByTestId('current-scenario')).toContainText('belum ada');
    await page.getByRole('button', { name: 'Tutup buku kerja' }).click();

    // It exists now: Buat baru refuses without replacing it; Buka opens it.
    await field.fill(file);
    await create.click();
    await expect(problem).toContainText('kabupaten-baru.rpjmd sudah ada, dan buku kerja baru tidak pernah menimpa berkas');
    await open.click();
    await expect(page.getByTestId('open-file')).toContainText(file);

    // English: the same words in English.
    await page.getByRole('button', { name: 'Tutup buku kerja' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Workbook file path').fill(path.join(host.home, 'tidak-ada.rpjmd'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(problem).toContainText('There is no file');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    // Refused opens answered 4xx, which the browser logs as failed resource loads.
    await watch.expectClean({ allow: [/Failed to load resource/] });
  });
});
