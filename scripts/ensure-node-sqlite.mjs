// Tests and the browser host run better-sqlite3 under Node. If the native build in node_modules
// is missing or was built for another ABI (e.g. someone rebuilt it for Electron by hand), rebuild
// it for this Node so `npm test` never needs a manual step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (err) {
    console.error(`better-sqlite3 does not load under Node ${process.version}: ${err.message.split('\n')[0]}`);
    return false;
  }
}
if (!loads()) {
  console.error('Rebuilding better-sqlite3 for this Node…');
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0 || !loads()) process.exit(1);
}
