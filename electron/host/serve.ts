/**
 * `npm run serve`: the browser host CLI. Starts the services in plain Node, opens a workbook and
 * serves the renderer on loopback with a per-launch token.
 *
 *   --workbook FILE   open FILE (created as a new, empty workbook when it does not exist)
 *   --port N          port to listen on (default: a free one)
 *   --listen HOST     bind another interface than 127.0.0.1 (prints a warning; token still needed)
 *   --call-timeout S  stop the store when one call runs longer than S seconds (default 120;
 *                     building an annex gets at least 600)
 *   --make-demo [FILE] build the demo workbook (default: the user's data folder) and exit
 *   --empty            with --make-demo: without the worked example scenario "Perubahan 2021 (contoh)"
 *   --province DIR     with --make-demo: the 17 workbooks of Sumatera Selatan into DIR (Muara Enim's
 *                      the demo; the other 16 with illustrative figures, marked so) and exit
 *
 * The workbook services run in a child process (store-process.ts) under a watchdog
 * (store-supervisor.ts): a call that runs away is stopped, answered with a clear error, and the
 * next call gets a fresh store, while this process keeps serving the page and the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { defaultDataDir, demoWorkbookPath } from '../services/paths.js';
import type { WorkbookSummary } from '../../shared/domain.js';
import { createDemoWorkbook } from '../workbook/demo.js';
import { createDemoProvince, PROVINCE_REGIONS, regionFile } from '../workbook/province-demo.js';
import { newToken, startHttpHost } from './http.js';
import type { StoreProcessData } from './store-process.js';
import { DEFAULT_CALL_TIMEOUT_MS, watchdogFor } from './store-client.js';
import { superviseStore } from './store-supervisor.js';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        workbook: { type: 'string' },
        port: { type: 'string' },
        listen: { type: 'string' },
        'make-demo': { type: 'boolean' },
        empty: { type: 'boolean' },
        province: { type: 'string' },
        'call-timeout': { type: 'string' },
        help: { type: 'boolean' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    fail(`serve: ${(err as Error).message}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write('Usage: npm run serve -- [--workbook FILE] [--port N] [--listen HOST] [--call-timeout SECONDS]\n       npm run demo -- [--empty] [FILE]\n       npm run demo -- --province DIR   (the 17 workbooks of Sumatera Selatan; all but Muara Enim illustrative)\n');
    return;
  }
  const dataDir = defaultDataDir();

  if (values['make-demo'] && values.province !== undefined) {
    if (values.empty || positionals.length > 0) fail('demo: --province DIR takes no FILE and no --empty');
    const dir = path.resolve(values.province);
    const taken = PROVINCE_REGIONS.map(regionFile).filter((f) => fs.existsSync(path.join(dir, f)));
    if (taken.length > 0) fail(`demo: ${dir} already holds ${taken.join(', ')}; remove them first or name another folder`);
    const files = await createDemoProvince(dir);
    process.stdout.write(`Demo province written: ${files.length} workbooks of Sumatera Selatan in ${dir}\n`);
    process.stdout.write('  Kabupaten Muara Enim: the demo (sourced figures); the other 16: ILLUSTRATIVE figures (region names real, numbers generated, marked ilustrasi)\n');
    for (const f of files) process.stdout.write(`  ${path.basename(f)}\n`);
    return;
  }

  if (values['make-demo']) {
    const target = path.resolve(positionals[0] ?? demoWorkbookPath(dataDir));
    if (fs.existsSync(target)) fail(`demo: ${target} already exists; remove it first or name another file`);
    const empty = values.empty === true;
    const wb = await createDemoWorkbook(target, {}, { empty });
    wb.close();
    process.stdout.write(`Demo workbook written${empty ? ' (without the worked example)' : ''}: ${target}\n`);
    return;
  }

  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`serve: --port must be 0–65535, got "${values.port}"`);
  }
  const hostname = values.listen ?? '127.0.0.1';
  if (values.listen !== undefined && values.listen !== '127.0.0.1') {
    process.stderr.write(
      `WARNING: listening on ${hostname}, not only on this computer. Anyone who can reach it and has the token can read and change the workbook.\n`,
    );
  }

  let callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS;
  if (values['call-timeout'] !== undefined) {
    const seconds = Number(values['call-timeout']);
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) fail(`serve: --call-timeout must be 1–86400 seconds, got "${values['call-timeout']}"`);
    callTimeoutMs = seconds * 1000;
  }

  const storeData: StoreProcessData = { dataDir, appVersion: pkg.version };
  const store = superviseStore({
    entry: fileURLToPath(new URL('./store-process.mjs', import.meta.url)),
    args: [JSON.stringify(storeData)],
    callTimeoutMs: watchdogFor(callTimeoutMs),
    onProblem: (message) => process.stderr.write(`serve: ${message}\n`),
  });
  const dispatch = (method: string, input: unknown) => store.call(method, input);
  const target = values.workbook;
  const opened = await dispatch(
    target === undefined ? 'workbook.openDemo' : fs.existsSync(target) ? 'workbook.open' : 'workbook.create',
    target === undefined ? {} : { path: target },
  );
  if (!opened.ok) fail(`serve: cannot open ${target ?? 'the demo workbook'}: ${opened.message}`);

  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) fail(`serve: the renderer is not built (${staticDir}); run npm run build`);

  const host = await startHttpHost({ dispatch, staticDir, token: newToken(), hostname, port });
  const summary = opened.value as WorkbookSummary;
  process.stdout.write(`RPJMD Workbench — browser host (Ctrl+C to stop)\nWorkbook: ${summary.path}\nOpen this address in a browser:\n${host.url}\n`);

  const stop = () => {
    void store
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail(`serve: ${err instanceof Error ? err.message : String(err)}`, 1));
