/**
 * Test fixture: starts the browser host (dist/node/serve.mjs) for one test file, in a throwaway
 * data folder, and waits for the URL line it prints — no sleeps. The host is stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

const SERVE = path.resolve('dist/node/serve.mjs');
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/;
const START_TIMEOUT_MS = 30_000;

export interface Host {
  /** The full URL with the token, as printed. */
  url: string;
  /** The data folder (RPJMD_WORKBENCH_HOME) of this host. */
  home: string;
  /** What the host wrote to stdout/stderr so far (for failure messages). */
  output(): string;
}

export interface HostOptions {
  /** File name inside the temp folder to pass as --workbook; undefined opens the demo workbook. */
  workbook?: string;
  /**
   * Which test file the host belongs to. Playwright keeps a worker fixture across files while
   * its options are equal, so each file names itself to get a fresh host and profile.
   */
  file?: string;
  /** Declares <home>/share a network folder (RPJMD_WORKBENCH_REMOTE_ROOTS), as a mapped drive would be. */
  networkShare?: boolean;
  /**
   * The user's profile (name, NIP, jabatan) in the data folder, as a returning user has it, so the
   * first-start profile dialog stays closed. false: none (the first start of a new user).
   */
  profile?: boolean;
  /**
   * The demo without its worked example (`npm run demo -- --empty`), written where the host's
   * openDemo finds it: for a test that builds its own scenarios from a blank slate.
   */
  emptyDemo?: boolean;
}

/** The person of the e2e profile (user-profile.json, electron/services/profile.ts). */
export const E2E_PERSON = { name: 'Rina Marlina, S.E., M.Si.', nip: '19850412 201001 2 015', title: 'Perencana Ahli Muda, Bappeda' };

/** Starts `node dist/node/serve.mjs --port 0` and resolves with the printed URL. */
export async function startHost(options: HostOptions = {}): Promise<Host & { stop(): Promise<void> }> {
  const home = await mkdtemp(path.join(tmpdir(), 'rpjmd-e2e-'));
  if (options.profile !== false) await writeFile(path.join(home, 'user-profile.json'), JSON.stringify({ person: E2E_PERSON }));
  if (options.emptyDemo) {
    await mkdir(path.join(home, 'workbooks'), { recursive: true });
    const made = spawnSync(process.execPath, [SERVE, '--make-demo', '--empty', path.join(home, 'workbooks', 'muara-enim-demo.rpjmd')], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`npm run demo -- --empty failed:\n${made.stderr}`);
  }
  const args = [SERVE, '--port', '0'];
  if (options.workbook) args.push('--workbook', path.join(home, options.workbook));
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      RPJMD_WORKBENCH_HOME: home,
      BROWSER: 'none',
      ...(options.networkShare ? { RPJMD_WORKBENCH_REMOTE_ROOTS: path.join(home, 'share') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output += `${line}\n`;
      if (URL_LINE.test(line.trim())) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  });

  return {
    url,
    home,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

/**
 * Collects console errors, page errors and CSP violations of a page; `expectClean()` fails the
 * test when any occurred.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  // CSP violations also reach the console in Chromium; this catches the ones that do not.
  void page.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
      });`,
  });
  return {
    problems,
    /** Fails on any console error, page error or CSP violation, except console errors matching `allow`. */
    async expectClean(options: { allow?: RegExp[] } = {}) {
      const csp = (await page.evaluate('window.__cspViolations || []')) as string[];
      const allowed = (p: string) => p.startsWith('console.error: ') && (options.allow ?? []).some((re) => re.test(p));
      expect([...problems.filter((p) => !allowed(p)), ...csp.map((v) => `CSP: ${v}`)]).toEqual([]);
    },
  };
}

type WorkerFixtures = { host: Host; hostOptions: HostOptions };

/**
 * `test` with a worker-scoped `host`: one browser host per test file — each file calls
 * test.use({ hostOptions: { file: '…' } }) so no file sees another's data.
 */
export const test = base.extend<{}, WorkerFixtures>({
  hostOptions: [{}, { option: true, scope: 'worker' }],
  host: [
    async ({ hostOptions }, use) => {
      const host = await startHost(hostOptions);
      try {
        await use(host);
      } finally {
        await host.stop();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** sessionStorage key under which the page keeps its session secret (renderer/src/api.ts). */
export const SESSION_STORAGE_KEY = 'workbench.session';

/** The session secret the page traded the launch token for (waits for the exchange). */
export async function pageSession(page: Page): Promise<string> {
  const key = JSON.stringify(SESSION_STORAGE_KEY);
  await page.waitForFunction(`window.sessionStorage.getItem(${key}) !== null`);
  return (await page.evaluate(`window.sessionStorage.getItem(${key})`)) as string;
}

/**
 * Calls the API from the page as the app does: same origin, this tab's session secret as the
 * Bearer token, no cookies. Throws on a failure result.
 */
export async function callApi<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  await pageSession(page);
  // Passed as a string: the e2e files are type-checked without DOM types.
  const body = (await page.evaluate(
    `(async (arg) => {
      const session = window.sessionStorage.getItem(arg.key);
      const r = await fetch('api/' + arg.method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + session },
        body: JSON.stringify(arg.input),
        credentials: 'omit',
      });
      return r.json();
    })(${JSON.stringify({ method, input, key: SESSION_STORAGE_KEY })})`,
  )) as { ok: boolean; value?: T };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body.value as T;
}
