/**
 * Writing an annex file (xlsx or PDF), the one way: into a temp file beside the target, fsynced,
 * then renamed, so the final name never holds a half-written file. Refuses to overwrite unless
 * asked, replaces only an annex this app wrote (anything else at that name is refused untouched,
 * and the refusal reads the same whatever the file is), and never writes over the open workbook.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import { writeFailure } from '../workbook/file-format.js';
import { sameFile } from '../workbook/lock.js';

export interface AnnexFileTarget {
  target: string;
  /** '.xlsx' or '.pdf', and how the refusal names the kind ("The annex is an .xlsx file"). */
  extension: '.xlsx' | '.pdf';
  kind: string;
  /** The open workbook, never written over. */
  workbookPath: string;
  overwrite: boolean;
  /** Whether an existing file at the target is an annex this app wrote (and may be replaced). */
  isOurs: (file: string) => boolean;
}

/** Builds the bytes (only after the target is known to be writable) and writes them; returns what `build` made, with where and how many bytes. */
export async function writeAnnexFile<T extends { buffer: Buffer }>(t: AnnexFileTarget, build: () => Promise<T>): Promise<T & { path: string; bytes: number }> {
  const absolute = path.resolve(t.target);
  const name = path.basename(absolute);
  if (path.extname(absolute).toLowerCase() !== t.extension) {
    throw new AppError('bad_input', `${t.kind} is a ${t.extension} file; "${name}" has another extension`, { file: name }, 'path');
  }
  if (absolute === path.resolve(t.workbookPath) || sameFile(absolute, t.workbookPath)) {
    throw new AppError('bad_input', 'The annex cannot be written over the open workbook', { file: name }, 'path');
  }
  const refusal = (): AppError | null => {
    try {
      fs.lstatSync(absolute);
    } catch {
      return null;
    }
    if (!t.overwrite) return new AppError('already_exists', `${name} already exists`, { file: name }, 'path');
    if (t.isOurs(absolute)) return null;
    return new AppError('already_exists', `${name} cannot be replaced: it is not an annex made by this app`, { file: name, reason: 'not_an_annex' }, 'path');
  };
  const refused = refusal();
  if (refused) throw refused;
  const built = await build();
  const dir = path.dirname(absolute);
  const temp = path.join(dir, `.${name}.exporting-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, built.buffer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Checked again just before: a file that took the name meanwhile is not replaced.
    const late = refusal();
    if (late) throw late;
    fs.renameSync(temp, absolute);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw writeFailure(err, absolute, 'write the annex');
  }
  return { ...built, path: absolute, bytes: built.buffer.length };
}
