/**
 * Which workbook file the command line asks for. Covers `electron . FILE` (development),
 * `"RPJMD Workbench.exe" FILE` (packaged, e.g. a double-clicked .rpjmd), and the browser
 * host's `--workbook FILE` spelling so `npm start -- --workbook FILE` works in both hosts.
 * Chromium and Playwright add their own `--flag` / `--flag=value` switches; those are skipped.
 */
import path from 'node:path';

/** Our switches that take the next argument as their value. */
const VALUE_FLAGS = new Set(['--workbook', '--port', '--host']);

export interface ArgvContext {
  /** process.defaultApp: true when run as `electron <app path> …`, whose first operand is the app itself. */
  defaultApp: boolean;
  /** Directory relative paths are resolved against (the second instance's cwd for 'second-instance'). */
  cwd: string;
}

/** Absolute path of the requested workbook, or null when the command line names none. */
export function workbookPathFromArgv(argv: readonly string[], ctx: ArgvContext): string | null {
  const operands: string[] = [];
  let explicit: string | null = null;
  const args = argv.slice(1); // argv[0] is the executable
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--workbook=')) {
      explicit = arg.slice('--workbook='.length);
      continue;
    }
    if (VALUE_FLAGS.has(arg)) {
      if (arg === '--workbook' && args[i + 1] !== undefined) explicit = args[i + 1] ?? null;
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    operands.push(arg);
  }
  if (ctx.defaultApp) operands.shift();
  const chosen = explicit ?? operands[0] ?? null;
  if (chosen === null || chosen.trim() === '') return null;
  return path.resolve(ctx.cwd, chosen);
}

/**
 * The file a second instance passed through requestSingleInstanceLock's additionalData.
 * Preferred over re-parsing its argv, which Electron documents may be reordered or extended.
 */
export function fileFromAdditionalData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const file = (data as Record<string, unknown>).file;
  return typeof file === 'string' && path.isAbsolute(file) ? file : null;
}
