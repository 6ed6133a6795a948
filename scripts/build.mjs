// Builds everything the hosts run: the renderer (Vite) and the Node-side bundles (esbuild).
//   dist/renderer/            the React app
//   dist/electron/main.cjs    Electron main process
//   dist/electron/preload.cjs sandboxed preload (must be CommonJS)
//   dist/electron/store-worker.cjs  the services, run off the UI thread in a worker thread
//   dist/node/serve.mjs       the browser host CLI (`npm run serve`)
//   dist/node/store-process.mjs  the browser host's services, in a child process it can stop
//   dist/node/cli.mjs         the batch command line (`npm run cli -- export|import|check`)
// Usage: node scripts/build.mjs [--node-only | --renderer-only]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const args = new Set(process.argv.slice(2));
// Native and Electron modules stay outside the bundles; everything else is bundled.
// pdfmake (pdfkit) reads its own data files next to its modules at run time: required from
// node_modules (a production dependency, packaged by electron-builder), not bundled.
const external = ['electron', 'better-sqlite3', 'pdfmake'];

async function buildNode() {
  // electron/annex/fonts.ts reads __dirname in the CommonJS bundles and import.meta.url only in ESM ones.
  const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
  await Promise.all([
    esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
    esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
    esbuild({ ...common, entryPoints: ['electron/host/store-worker.ts'], outfile: 'dist/electron/store-worker.cjs', format: 'cjs' }),
    esbuild({
      ...common,
      entryPoints: ['electron/host/cli.ts'],
      outfile: 'dist/node/cli.mjs',
      format: 'esm',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
    esbuild({
      ...common,
      entryPoints: ['electron/host/store-process.ts'],
      outfile: 'dist/node/store-process.mjs',
      format: 'esm',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
    esbuild({
      ...common,
      entryPoints: ['electron/host/serve.ts'],
      outfile: 'dist/node/serve.mjs',
      format: 'esm',
      // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
  ]);
}

if (!args.has('--renderer-only')) await buildNode();
if (!args.has('--node-only')) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('build: done');
