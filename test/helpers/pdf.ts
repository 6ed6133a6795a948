/** Reading a PDF back with poppler-utils (pdfinfo, pdftotext): page size and count, page text, word boxes. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return null;
}
export const poppler = Boolean(which('pdfinfo') && which('pdftotext'));
if (!poppler) console.warn('PDF read-back SKIPPED — pdfinfo/pdftotext not installed (apt-get install poppler-utils)');

export function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export function pdfPages(file: string): { pages: number; size: string } {
  const out = run('pdfinfo', [file]);
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), size: /Page size:\s+(.*)/.exec(out)?.[1] ?? '' };
}

export const pageText = (file: string, page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);

export interface Word { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }

export function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
  }
  return out;
}

/** DejaVu Sans Condensed's hhea ascent + descent: (1901 + 483) / 2048 em, the height pdftotext gives a word of it. */
export const DEJAVU_BOX_EM = (1901 + 483) / 2048;

