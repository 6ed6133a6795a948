/**
 * Electron main process: one window showing the renderer from app://workbench/, the menu and
 * file dialogs, and the IPC bridge to the services, which run in a worker thread
 * (host/store-worker.ts) so SQLite work never blocks the UI. Policies live in shell/ as pure,
 * unit-tested functions; this file wires them to Electron.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MenuCommand } from '../shared/api/client.js';
import { ANNEX_SAVE_CHANNEL, IPC_CHANNEL, isUiLanguage, LANGUAGE_CHANNEL, MENU_CHANNEL, PROVINCE_FOLDER_CHANNEL, PROVINCE_SAVE_CHANNEL } from '../shared/api/client.js';
import type { Method } from '../shared/api/contract.js';
import { isMethod } from '../shared/api/contract.js';
import type { Result } from '../shared/api/result.js';
import { failure } from '../shared/api/result.js';
import type { RecentFile, WorkbookSummary } from '../shared/domain.js';
import { defaultDataDir } from './services/paths.js';
import { createAnnexDialogs } from './shell/annex-dialogs.js';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl } from './shell/app-origin.js';
import { answerAppRequest } from './shell/app-protocol.js';
import { fileFromAdditionalData, workbookPathFromArgv } from './shell/argv.js';
import { isTrustedSender } from './shell/ipc-sender.js';
import { installAppMenu } from './shell/menu.js';
import type { MenuAction, MenuLanguage } from './shell/menu-template.js';
import { decideNavigation, decideWindowOpen } from './shell/navigation.js';
import { allowPermission } from './shell/permissions.js';
import { secureWebPreferences } from './shell/web-preferences.js';
import { guardUnload } from './shell/unload-guard.js';
import type { WorkerClient } from './shell/worker-client.js';
import { createWorkerClient } from './shell/worker-client.js';
import { inputAllowed, pathsOfInput, PathGrants } from './shell/path-policy.js';
import { watchdogFor } from './host/store-client.js';
import { createWorkbookDialogs } from './shell/workbook-dialogs.js';
import { createProvinceDialogs } from './shell/province-dialogs.js';
import type { StoreWorkerData } from './host/worker-protocol.js';

const PRODUCT_NAME = 'RPJMD Workbench';
// main.cjs, preload.cjs and store-worker.cjs sit together in dist/electron/; the renderer beside it.
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const WORKER_PATH = path.join(__dirname, 'store-worker.cjs');
/** Set by scripts/start.mjs to the Electron-ABI build of better-sqlite3 (see scripts/electron-native.mjs). */
const NATIVE_BINDING_ENV = 'RPJMD_WORKBENCH_NATIVE_BINDING';
/** Menu and dialog language until the renderer reports its own (LANGUAGE_CHANNEL). */
const DEFAULT_LANG: MenuLanguage = 'id';
/** Methods whose successful result changes which workbook is open (the window title follows). */
const OPENING_METHODS = new Set<Method>(['workbook.open', 'workbook.create', 'workbook.saveAs', 'workbook.openDemo']);

// Must happen before 'ready': gives app:// a real, secure origin (CSP 'self', fetch, localStorage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// The same folder the browser host uses (RPJMD_WORKBENCH_HOME overrides it, e.g. per test), set
// before the single-instance lock, which is scoped to userData: test profiles never collide.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

const startupFile = workbookPathFromArgv(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });

if (app.requestSingleInstanceLock({ file: startupFile })) {
  runPrimaryInstance();
} else {
  // Another instance owns the window; it received our file through 'second-instance'.
  app.quit();
}

function runPrimaryInstance(): void {
  const styleNonce = randomBytes(18).toString('base64'); // per launch; never reused across runs
  const ourWindows = new Set<BrowserWindow>();
  let mainWindow: BrowserWindow | null = null;
  let store: WorkerClient | null = null;
  /** Paths main's dialogs handed to the page in this run (shell/path-policy.ts). */
  const pathGrants = new PathGrants();
  let storeClosed = false;
  let ready = false;
  const pendingFiles: string[] = [];
  let lang: MenuLanguage = DEFAULT_LANG;

  const notify = (command: MenuCommand) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_CHANNEL, command);
  };

  const setTitle = (summary: WorkbookSummary | null) => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    mainWindow.setTitle(summary ? `${summary.fileName} — ${PRODUCT_NAME}` : PRODUCT_NAME);
  };

  /** Every service call from main or the renderer goes through here. */
  const callStore = async (method: Method, input: unknown): Promise<Result<unknown>> => {
    if (!store) return failure('internal', 'The workbook service is not running');
    // A store stopped by the watchdog (or crashed) is replaced for the next call; the page has
    // shown why the last one stopped, and no workbook is open in the new one.
    if (!store.alive && !storeClosed) store = startStore();
    const result = await store.call(method, input);
    if (result.ok && OPENING_METHODS.has(method)) setTitle(result.value as WorkbookSummary);
    if (result.ok && method === 'workbook.close') setTitle(null);
    return result;
  };

  const dialogs = createWorkbookDialogs({ window: () => mainWindow, call: callStore, notify, lang: () => lang });
  const annexDialogs = createAnnexDialogs({ window: () => mainWindow, call: callStore, lang: () => lang });
  const provinceDialogs = createProvinceDialogs({ window: () => mainWindow, call: callStore, lang: () => lang, grants: pathGrants });

  const onMenuAction = (action: MenuAction) => {
    if (action === 'new') void dialogs.newWorkbook();
    else if (action === 'open') void dialogs.openWorkbook();
    else if (action === 'save-as') void dialogs.saveAs();
    else if (action === 'close') void dialogs.closeWorkbook();
    else if (action === 'about') notify('about');
  };

  const trustedFrames = () =>
    [...ourWindows]
      .filter((w) => !w.isDestroyed())
      .map((w) => ({ processId: w.webContents.mainFrame.processId, routingId: w.webContents.mainFrame.routingId }));

  const focusMainWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    focusMainWindow();
    const file =
      fileFromAdditionalData(additionalData) ??
      workbookPathFromArgv(argv, { defaultApp: Boolean(process.defaultApp), cwd: workingDirectory });
    if (file) void dialogs.openPath(file);
  });

  // macOS delivers double-clicked documents as an event, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (ready) void dialogs.openPath(file);
    else pendingFiles.push(file);
  });

  // Applied to every webContents, including any we did not create ourselves.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // One document window: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (!store || storeClosed) return;
    // Let the worker finish writes and close the SQLite file before the process goes.
    event.preventDefault();
    void store.close().finally(() => {
      storeClosed = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession();
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, styleNonce));
      ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
        if (!isTrustedSender(event.senderFrame, trustedFrames())) {
          console.warn(`Refused IPC from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`);
          return failure('forbidden', 'Request from an untrusted frame');
        }
        if (!isMethod(method)) return failure('unknown_method', `Unknown method "${String(method).slice(0, 80)}"`);
        // The page names only files the planner chose here: a recent file or a dialog's answer.
        const named = pathsOfInput(method, input);
        if (named.length > 0) {
          const recent = await callStore('recent.list', {});
          const recentPaths = recent.ok ? (recent.value as RecentFile[]).map((r) => r.path) : [];
          if (!inputAllowed(named, pathGrants, recentPaths)) {
            return failure('forbidden', 'This file was not chosen in a dialog of this app or the recent-files list', { params: { reason: 'path_not_chosen' } });
          }
        }
        return callStore(method, input); // the input is validated against the contract's schema in dispatch
      });
      // The Ekspor view's xlsx / PDF buttons: main's Save dialog, then annex.export (shell/annex-dialogs.ts).
      ipcMain.handle(ANNEX_SAVE_CHANNEL, async (event, input: unknown) => {
        if (!isTrustedSender(event.senderFrame, trustedFrames())) return failure('forbidden', 'Request from an untrusted frame');
        return annexDialogs.save(input);
      });
      // The Provinsi view: main's folder dialog (the folder granted for province.*) and the
      // consolidated table through main's Save dialog (shell/province-dialogs.ts).
      ipcMain.handle(PROVINCE_FOLDER_CHANNEL, async (event) => {
        if (!isTrustedSender(event.senderFrame, trustedFrames())) return failure('forbidden', 'Request from an untrusted frame');
        return provinceDialogs.chooseFolder();
      });
      ipcMain.handle(PROVINCE_SAVE_CHANNEL, async (event, input: unknown) => {
        if (!isTrustedSender(event.senderFrame, trustedFrames())) return failure('forbidden', 'Request from an untrusted frame');
        return provinceDialogs.save(input);
      });
      ipcMain.on(LANGUAGE_CHANNEL, (event, value: unknown) => {
        if (!isTrustedSender(event.senderFrame, trustedFrames()) || !isUiLanguage(value) || value === lang) return;
        lang = value;
        installAppMenu(lang, onMenuAction);
      });
      installAppMenu(lang, onMenuAction);

      store = startStore();
      mainWindow = createMainWindow(ourWindows);
      // An edit in progress (the page's beforeunload) makes closing the window ask first.
      guardUnload(mainWindow, () => lang);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });

      // Open the workbook before the renderer loads, so its first 'workbook.current' sees it.
      const requested = pendingFiles.shift() ?? startupFile;
      const opened = requested ? await dialogs.openPath(requested) : false;
      if (!opened) {
        const demo = await callStore('workbook.openDemo', {});
        if (!demo.ok) await dialogs.showFailure(demo);
      }
      ready = true;
      for (const file of pendingFiles.splice(0)) void dialogs.openPath(file);
      await mainWindow.loadURL(APP_INDEX_URL);
    })
    .catch((err: unknown) => {
      console.error('RPJMD Workbench failed to start:', err);
      app.exit(1);
    });
}

function createMainWindow(ourWindows: Set<BrowserWindow>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    // Linux window/taskbar icon (Windows takes the .exe's icon.ico); packaged via electron-builder.yml files.
    ...(process.platform === 'linux' ? { icon: path.join(__dirname, '..', '..', 'resources', 'build', 'icons', '256x256.png') } : {}),
    webPreferences: secureWebPreferences(PRELOAD_PATH),
  });
  ourWindows.add(win);
  win.on('closed', () => ourWindows.delete(win));
  win.once('ready-to-show', () => win.show());
  // Main owns the title (it names the open file); the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  return win;
}

function startStore(): WorkerClient {
  const workerData: StoreWorkerData = { dataDir, host: 'electron', appVersion: readAppVersion() };
  // Only a development run (scripts/start.mjs) may point at another native build.
  const binding = process.env[NATIVE_BINDING_ENV];
  if (binding && !app.isPackaged && fs.existsSync(binding)) workerData.nativeBinding = binding;
  const worker = new Worker(WORKER_PATH, { workerData });
  return createWorkerClient(worker, (message) => console.error(message), { callTimeoutMs: watchdogFor() });
}

/** The version in our package.json (app.getVersion() reports Electron's when started on main.cjs directly, as tests do). */
function readAppVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through
  }
  return app.getVersion();
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') void shell.openExternal(url);
  });
  // A redirect is never a user's choice of link: only our own origin may be redirected to.
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // The workbench needs no camera, notifications, geolocation, clipboard reads… Only a clipboard
  // write from our own page passes (permissions.ts), both for the asynchronous requests and the
  // synchronous checks Chromium makes first.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}

/** app:// answers through the one static-file resolver the browser host uses (host/static-files.ts). */
async function serveAppRequest(request: Request, styleNonce: string): Promise<Response> {
  const result = await answerAppRequest(request.url, request.method, { rootDir: RENDERER_DIR, styleNonce });
  if (result.kind === 'refuse') {
    if (result.reason === 'read-error') console.error(`app:// could not read ${request.url}:`, result.detail);
    return new Response(null, { status: result.status });
  }
  return new Response(new Uint8Array(result.body), { status: result.status, headers: result.headers });
}
