/**
 * Runs the browser measure alone: `node scripts/bench.mjs` runs it with the rest; this is for
 * working on the renderer. Bundle and run:
 *   npx esbuild bench/browser/run.ts --bundle --platform=node --format=esm --packages=external --outfile=dist/bench/browser-run.mjs
 *   node dist/bench/browser-run.mjs WORKBOOK [EDITS]
 */
import { formatMeasure } from '../measure.js';
import { runBrowserBench } from './index.js';

const [file, edits] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: browser-run WORKBOOK [EDITS]\n');
  process.exit(2);
}
const measures = await runBrowserBench({ workbookFile: file, log: (l) => process.stdout.write(`${l}\n`), ...(edits ? { edits: Number(edits) } : {}) });
for (const m of measures) process.stdout.write(`${formatMeasure(m)}\n`);
