import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'RPJMD Workbench';

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives for our
 * productName, so the desktop app and the browser host share the demo workbook and recent files.
 * RPJMD_WORKBENCH_HOME overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RPJMD_WORKBENCH_HOME) return path.resolve(env.RPJMD_WORKBENCH_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

export function demoWorkbookPath(dataDir: string): string {
  return path.join(dataDir, 'workbooks', 'muara-enim-demo.rpjmd');
}

export function recentFilesPath(dataDir: string): string {
  return path.join(dataDir, 'recent-files.json');
}

/** Local copies of workbooks that live on network shares or in cloud folders (local-copy.ts). */
export function localCopiesPath(dataDir: string): string {
  return path.join(dataDir, 'local-copies');
}
