// Vitest global setup: the CLI tests run the bundled browser host, so bundle the Node side first
// (esbuild, about a second). The renderer is not needed for them.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Node-side build failed (node scripts/build.mjs --node-only)');
}
