/** Entry of `npm run bench` (bundled by scripts/bench.mjs): see docs/PERFORMANCE.md. */
import { generateCli } from './generate.js';
import { runBench } from './node.js';
import { runProvinceBench } from './province.js';

const argv = process.argv.slice(2);
const gen = argv.indexOf('--generate');
let code: number;
if (gen >= 0) code = await generateCli(argv.slice(gen + 1));
else if (argv.includes('--province')) {
  // `npm run bench -- --province [--quick] [--runs N]`: the province bench only (issue 18).
  await runProvinceBench(argv);
  code = 0;
} else {
  code = await runBench(argv);
  // A full run ends with the province (issue 18); --only names the regency measures alone.
  if (code === 0 && !argv.includes('--only')) await runProvinceBench(argv);
}
process.exitCode = code;
