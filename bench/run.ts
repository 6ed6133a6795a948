/** Entry of `npm run bench` (bundled by scripts/bench.mjs): see docs/PERFORMANCE.md. */
import { generateCli } from './generate.js';
import { runBench } from './node.js';

const argv = process.argv.slice(2);
const gen = argv.indexOf('--generate');
const code = gen >= 0 ? await generateCli(argv.slice(gen + 1)) : await runBench(argv);
process.exitCode = code;
