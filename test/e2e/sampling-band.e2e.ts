/**
 * The 95 % sampling interval on the charts (issue 16 item 1), in Chromium through the browser
 * host: the demo workbook with SE(P0) 2019 = 0,58 and 2020 = 0,60 imported by the CLI
 * (`cli.mjs import --series se`) before the host opens it. The Target preview and Bandingkan
 * draw a band from 2019 to 2020, say it in the legend and in the chart's description, and the
 * tooltip of the 2020 realisation names the interval by hand: 12,32 ± 1,96 × 0,60 =
 * 11,144–13,496 → "11,14–13,50". An indicator without an SE has none.
 *
 * The legend and the tooltip are drawn on the canvas: an init script records what chart.js
 * writes with fillText (text and position), which the test reads back.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Locator, type Page } from '@playwright/test';
import { expect, startHost, watchPage } from './host.js';

const SERVE = path.resolve('dist/node/serve.mjs');
const CLI = path.resolve('dist/node/cli.mjs');
const SHOTS = path.resolve('test-results/screenshots');
const VIEWPORT = { width: 1366, height: 768 };

type Host = Awaited<ReturnType<typeof startHost>>;

/**
 * One host for this file, on a copy of the demo with the standard errors imported by the CLI
 * before the host opens it (the file lives beside the host's data folder, in the temp folder).
 */
const test = base.extend<{}, { host: Host }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'rpjmd-se-e2e-'));
      const file = path.join(dir, 'muara-enim-se.rpjmd');
      const env = { ...process.env, RPJMD_WORKBENCH_HOME: path.join(dir, 'home') };
      await mkdir(env.RPJMD_WORKBENCH_HOME, { recursive: true });
      const made = spawnSync(process.execPath, [SERVE, '--make-demo', file], { encoding: 'utf8', env });
      if (made.status !== 0) throw new Error(`npm run demo failed:\n${made.stderr}`);
      const csv = path.join(dir, 'galat-baku.csv');
      await writeFile(csv, 'Kode;Indikator;Satuan;2019;2020\nP0;Persentase Penduduk Miskin;%;0,58;0,60\n');
      const imported = spawnSync(process.execPath, [CLI, 'import', '--workbook', file, '--from', csv, '--series', 'se'], { encoding: 'utf8', env });
      if (imported.status !== 0) throw new Error(`cli import --series se failed:\n${imported.stdout}\n${imported.stderr}`);
      expect(imported.stdout).toMatch(/P0 2020 se: – → 0,60/);
      // startHost takes a name inside its own data folder: this file is one folder up from it.
      const host = await startHost({ file: 'sampling-band', workbook: path.join('..', path.basename(dir), path.basename(file)) });
      try {
        await use(host);
      } finally {
        await host.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

test.use({ viewport: VIEWPORT });

/** Records every fillText on a canvas: the text and where it lands, in CSS pixels of the canvas. */
const RECORD_CANVAS_TEXT = `
  window.__drawn = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    const m = this.getTransform();
    const ratio = this.canvas.width / (this.canvas.clientWidth || this.canvas.width);
    window.__drawn.push({ canvas: this.canvas, text: String(text), x: (m.a * x + m.c * y + m.e) / ratio, y: (m.b * x + m.d * y + m.f) / ratio });
    return fillText.apply(this, arguments);
  };`;

/** Browser-side code as a string: this file is type-checked without DOM types. */
const inPage = <T>(page: Page, body: string, arg: unknown): Promise<T> => page.evaluate(`(async (arg) => { ${body} })(${JSON.stringify(arg)})`) as Promise<T>;

/** The texts drawn on the canvas under `selector` since the last clear. */
const drawnTexts = (page: Page, selector: string) =>
  inPage<string[]>(page, `const c = document.querySelector(arg); return window.__drawn.filter((d) => d.canvas === c).map((d) => d.text);`, selector);

/**
 * Hovers the canvas at a year's x-axis label (the lowest "2020" drawn on it) and returns what the
 * chart drew then: the tooltip of that year among it.
 */
async function hoverYear(page: Page, selector: string, year: number): Promise<string[]> {
  const canvas = page.locator(selector);
  await canvas.scrollIntoViewIfNeeded();
  const tick = await inPage<{ x: number; y: number } | null>(
    page,
    `const c = document.querySelector(arg.selector);
     const ticks = window.__drawn.filter((d) => d.canvas === c && d.text === arg.year);
     return ticks.reduce((low, d) => (low === null || d.y >= low.y ? d : low), null);`,
    { selector, year: String(year) },
  );
  expect(tick, `the x-axis label ${year} on ${selector}`).not.toBeNull();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await inPage(page, `window.__drawn = [];`, null);
  await page.mouse.move(box.x + tick!.x, box.y + box.height / 2);
  await expect.poll(async () => (await drawnTexts(page, selector)).some((t) => t === String(year))).toBe(true);
  return drawnTexts(page, selector);
}

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test.describe('the 95 % sampling interval on the charts', () => {
  test('Target preview and Bandingkan: a band 2019–2020 around the realisation, in the legend and the tooltip, id and en', async ({ page, host }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page);
    await page.addInitScript({ content: RECORD_CANVAS_TEXT });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await mkdir(SHOTS, { recursive: true });

    // Target: the preview follows the cell being worked on (P0 2021); its panel starts closed at 768 px.
    await nav(page, 'Target').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    const toggle = page.getByTestId('chart-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await page.locator('.target-grid [row-id="indicator:P0"] [col-id="rev-2021"]').click();
    const preview = page.getByTestId('target-preview').locator('figure[data-indicator="P0"]');
    await expect(preview).toHaveAttribute('data-sampling-years', '2019,2020');
    // 2019: 12,41 ± 1,96 × 0,58 = 12,41 ± 1,1368 → 11,27–13,55; 2020: 11,144–13,496 → 11,14–13,50.
    await expect(preview.locator('canvas')).toHaveAttribute('aria-label', /Selang 95 % \(galat sampling\): 2019 11,27–13,55, 2020 11,14–13,50/);
    // The compact preview has no legend on the canvas: the band is named under it.
    await expect(preview.getByTestId('sampling-band-key')).toHaveText('Selang 95 % (galat sampling)');
    const previewCanvas = '[data-testid="target-preview"] figure[data-indicator="P0"] canvas';
    expect(await hoverYear(page, previewCanvas, 2020)).toContain('Realisasi: 12,32 % (selang 95 %: 11,14–13,50; galat baku 0,60)');
    await page.getByTestId('target-preview').screenshot({ path: path.join(SHOTS, 'sampling-band-target.png') });

    // Bandingkan: the large chart's legend names the band, the tooltip the interval.
    await nav(page, 'Bandingkan').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bandingkan target' })).toBeVisible();
    const chart = page.locator('.chart-section figure[data-indicator="P0"]');
    await expect(chart).toHaveAttribute('data-sampling-years', '2019,2020');
    // Still the three lines it had: the band is not a line of its own.
    await expect(chart).toHaveAttribute('data-lines', 'realisation,original,revised');
    await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /Selang 95 % \(galat sampling\): 2019 11,27–13,55, 2020 11,14–13,50/);
    const chartCanvas = '.chart-section figure[data-indicator="P0"] canvas';
    const drawn = await hoverYear(page, chartCanvas, 2020);
    expect(drawn).toContain('Selang 95 % (galat sampling)');
    expect(drawn).toContain('Realisasi: 12,32 % (selang 95 %: 11,14–13,50; galat baku 0,60)');
    // The other lines' tooltips are as before.
    expect(drawn).toContain('Target awal (RPJMD): 11,70 % (ilustrasi)');
    await chart.screenshot({ path: path.join(SHOTS, 'sampling-band-bandingkan.png') });

    // The small multiples: named in their shared legend; P0E has no SE, so no band.
    await expect(page.locator('.multiples-legend')).toContainText('Selang 95 % (galat sampling)');
    await expect(page.locator('.multiples figure[data-indicator="P0"]')).toHaveAttribute('data-sampling-years', '2019,2020');
    await expect(page.locator('.multiples figure[data-indicator="P0E"]')).toHaveAttribute('data-sampling-years', '');
    await expect(page.locator('.multiples figure[data-indicator="P0E"] canvas')).not.toHaveAttribute('aria-label', /Selang 95 %/);

    // English words, id-ID numbers.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare targets' })).toBeVisible();
    await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /95 % interval \(sampling error\): 2019 11,27–13,55, 2020 11,14–13,50/);
    const drawnEn = await hoverYear(page, chartCanvas, 2020);
    expect(drawnEn).toContain('95 % interval (sampling error)');
    expect(drawnEn).toContain('Realisation: 12,32 % (95 % interval: 11,14–13,50; standard error 0,60)');
    await expect(page.locator('.multiples-legend')).toContainText('95 % interval (sampling error)');

    await nav(page, 'Targets').click();
    await page.locator('.target-grid [row-id="indicator:P0"] [col-id="rev-2021"]').click();
    await expect(preview.getByTestId('sampling-band-key')).toHaveText('95 % interval (sampling error)');
    expect(await hoverYear(page, previewCanvas, 2020)).toContain('Realisation: 12,32 % (95 % interval: 11,14–13,50; standard error 0,60)');

    await watch.expectClean();
  });
});
