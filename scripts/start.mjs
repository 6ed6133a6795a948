// `npm start`: the desktop app on the demo workbook (or `npm start -- --workbook FILE`).
// Where the Electron binary cannot be had (an offline office machine, CI), it says so in one line
// and starts the browser host (scripts/serve.mjs) with the same arguments instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Read by electron/main.ts, which passes it to the store worker as workerData.nativeBinding.
const NATIVE_BINDING_ENV = 'RPJMD_WORKBENCH_NATIVE_BINDING';

/** Runs a child with our stdio, forwards Ctrl+C / termination, and exits with its code. */
function handOver(cmd, cmdArgs, env = process.env) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    console.error(`start: could not run ${cmd}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowserHost() {
  handOver(process.execPath, [path.join(root, 'scripts/serve.mjs'), ...args]);
}

const electron = findElectronBinary(electronPackageDir(root));
if (!electron.available) {
  console.log('Electron binary not available on this machine (offline install): starting the browser host instead.');
  startBrowserHost();
} else {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const native = ensureElectronNative({ root, electronVersion: electron.version ?? 'unknown' });
  if (!native.ok) {
    console.log(`better-sqlite3 could not be built for Electron ${electron.version} (${native.reason}): starting the browser host instead.`);
    startBrowserHost();
  } else {
    const env = { ...process.env, [NATIVE_BINDING_ENV]: native.path };
    // Inherited from a parent tool, this would make the binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    handOver(electron.path, ['.', ...args], env);
  }
}
