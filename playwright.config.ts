import { defineConfig } from '@playwright/test';

/**
 * Two suites: the renderer in Debian's Chromium through the browser host (test/e2e, always run),
 * and a small Electron smoke suite (test/e2e-electron) that skips where no Electron binary exists.
 * Both expect `node scripts/build.mjs` to have run (npm run test:e2e does it first).
 */
export default defineConfig({
  outputDir: 'test-results',
  reporter: 'list',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      // *.e2e.ts, so vitest's default *.test.ts / *.spec.ts pattern never picks these up.
      testMatch: '**/*.e2e.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        locale: 'id-ID',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e-electron',
    },
  ],
});
