/**
 * Editing a workbook that lives on a network share or in a cloud-synced folder (location.ts)
 * through a copy on the local disk.
 *
 * - Open: the original's lock file is taken (other computers see the file is being edited), the
 *   file is copied into the user's data folder, and SQLite works on the copy only.
 * - Save back: SQLite's backup API writes a consistent image to a local temp file; its digest is
 *   taken, it is copied to a temp name beside the original, flushed, and renamed over it. The
 *   share or the sync client only ever sees whole files.
 * - The copy outlives a crash. Opening the original again resumes it when the original has not
 *   changed since the copy was made; when both changed, the copy is kept aside as a conflict
 *   file and named to the user — never silently dropped.
 * - A save back that finds the original changed by someone else (a sync client pulling another
 *   PC's edit) leaves it alone and writes ours beside it as a conflict file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import type { RemoteLocation } from '../../shared/domain.js';
import type { FileLocation } from './location.js';
import { WorkbookLock } from './lock.js';

/** What the copy's folder remembers between sessions (copy.json). */
interface CopyRecord {
  original: string;
  /** sha256 of the original as last copied in or saved back. */
  originalDigest: string;
  /** The local copy's size and mtime at that moment: a difference means unsaved local edits. */
  localSize: number;
  localMtimeMs: number;
}

export interface SaveBackResult {
  /** Where our version went: the original, or a conflict file beside it. */
  savedTo: string;
  conflict: boolean;
}

export function digestFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function fsyncPath(p: string, flags: 'r' | 'r+' = 'r'): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, flags);
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still ordered after the data.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** `Anggaran.rpjmd` → `Anggaran.konflik-20261128-1015.rpjmd`, in `dir`. */
export function conflictName(dir: string, original: string, now = new Date()): string {
  const ext = path.extname(original);
  return path.join(dir, `${path.basename(original, ext)}.konflik-${stamp(now)}${ext}`);
}

/** The folder that holds the copy of `original`: one per original path, stable across runs. */
export function copyFolder(workRoot: string, original: string): string {
  return path.join(workRoot, createHash('sha256').update(original).digest('hex').slice(0, 16));
}

export class LocalCopy {
  private constructor(
    readonly original: string,
    readonly local: string,
    readonly location: Exclude<FileLocation, { kind: 'local' }>,
    private readonly lock: WorkbookLock,
    private record: CopyRecord,
    /** What opening found: a copy with unsaved edits resumed, or set aside as a conflict file. */
    readonly recovered: RemoteLocation['recovered'],
    readonly conflictCopy: string | null,
  ) {}

  /**
   * Takes the original's lock and makes (or resumes) the local copy. `normalize` opens and closes
   * the original in place when it carries a hot journal, so SQLite rolls the interrupted write
   * back there before any bytes are copied (copying a file with a hot journal would copy a torn
   * write).
   */
  static async prepare(
    original: string,
    location: Exclude<FileLocation, { kind: 'local' }>,
    workRoot: string,
    normalize: (file: string) => Promise<void>,
  ): Promise<LocalCopy> {
    if (!fs.existsSync(original)) {
      throw new AppError('not_found', `${path.basename(original)} does not exist`, { file: path.basename(original) });
    }
    if (fs.existsSync(`${original}-journal`)) await normalize(original);
    const lock = WorkbookLock.acquire(original);
    if (!(lock instanceof WorkbookLock)) {
      const owner = lock.heldBy;
      throw new AppError('locked', `${path.basename(original)} is already open in another window or process (pid ${owner.pid} on ${owner.host}); open it read-only, or close it there first`, {
        file: path.basename(original),
        pid: owner.pid,
        host: owner.host,
        since: owner.since,
      });
    }
    try {
      const dir = copyFolder(workRoot, original);
      fs.mkdirSync(dir, { recursive: true });
      const local = path.join(dir, path.basename(original));
      const recordFile = path.join(dir, 'copy.json');
      const digest = digestFile(original);
      const previous = readRecord(recordFile);
      let recovered: RemoteLocation['recovered'] = null;
      let conflictCopy: string | null = null;
      if (previous && fs.existsSync(local) && localChanged(local, previous)) {
        if (previous.originalDigest === digest) {
          recovered = 'resumed';
        } else {
          conflictCopy = conflictName(dir, original);
          fs.renameSync(local, conflictCopy);
          recovered = 'conflict';
        }
      }
      if (recovered !== 'resumed') {
        fs.rmSync(`${local}-journal`, { force: true });
        fs.copyFileSync(original, local);
      }
      const record = recovered === 'resumed' ? previous! : snapshot(original, local, digest);
      writeRecord(recordFile, record);
      return new LocalCopy(original, local, location, lock, record, recovered, conflictCopy);
    } catch (err) {
      lock.release();
      if (err instanceof AppError) throw err;
      throw new AppError('io_error', `Could not make a local copy of ${path.basename(original)}: ${(err as Error).message}`, {
        file: path.basename(original),
      });
    }
  }

  /** Edits made on the copy since it was made or last saved back. */
  get unsaved(): boolean {
    return localChanged(this.local, this.record);
  }

  /**
   * Writes the copy back over the original. `backup` writes a consistent image of the open
   * workbook to the path it is given (SQLite's backup API).
   */
  async saveBack(backup: (file: string) => Promise<void>, now = new Date()): Promise<SaveBackResult> {
    const dir = path.dirname(this.local);
    const image = path.join(dir, `.saving-${process.pid}.tmp`);
    const beside = path.join(path.dirname(this.original), `.${path.basename(this.original)}.saving-${process.pid}.tmp`);
    try {
      await backup(image);
      const digest = digestFile(image);
      const theirs = fs.existsSync(this.original) ? digestFile(this.original) : null;
      const conflict = theirs !== null && theirs !== this.record.originalDigest;
      const target = conflict ? conflictName(path.dirname(this.original), this.original, now) : this.original;
      fs.copyFileSync(image, beside);
      fsyncPath(beside, 'r+');
      fs.renameSync(beside, target);
      fsyncPath(path.dirname(target));
      // After a conflict the original stays theirs: only our edits so far count as saved.
      this.record = conflict ? { ...snapshot(this.original, this.local, this.record.originalDigest) } : snapshot(this.original, this.local, digest);
      writeRecord(path.join(dir, 'copy.json'), this.record);
      return { savedTo: target, conflict };
    } catch (err) {
      fs.rmSync(beside, { force: true });
      throw new AppError('io_error', `Could not save back to ${this.original}: ${(err as Error).message}. Your edits are safe in the local copy ${this.local}; it is resumed the next time you open the file`, {
        file: path.basename(this.original),
      });
    } finally {
      fs.rmSync(image, { force: true });
    }
  }

  /**
   * Gives the original's lock back. The copy is removed when it holds nothing unsaved;
   * otherwise it stays for the next open to resume.
   */
  release(): void {
    if (!this.unsaved) {
      fs.rmSync(path.dirname(this.local), { recursive: true, force: true });
    }
    this.lock.release();
  }

  describe(): RemoteLocation {
    const loc = this.location;
    return {
      kind: loc.kind,
      label: loc.kind === 'cloud' ? loc.provider : loc.detail,
      original: this.original,
      localCopy: this.local,
      unsaved: this.unsaved,
      recovered: this.recovered,
      conflictCopy: this.conflictCopy,
    };
  }
}

function snapshot(original: string, local: string, digest: string): CopyRecord {
  const st = fs.statSync(local);
  return { original, originalDigest: digest, localSize: st.size, localMtimeMs: st.mtimeMs };
}

function localChanged(local: string, record: CopyRecord): boolean {
  try {
    const st = fs.statSync(local);
    return st.size !== record.localSize || st.mtimeMs !== record.localMtimeMs;
  } catch {
    return false;
  }
}

function readRecord(file: string): CopyRecord | null {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CopyRecord>;
    if (typeof r.original !== 'string' || typeof r.originalDigest !== 'string' || typeof r.localSize !== 'number' || typeof r.localMtimeMs !== 'number') {
      return null;
    }
    return r as CopyRecord;
  } catch {
    return null;
  }
}

function writeRecord(file: string, record: CopyRecord): void {
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(record));
  fs.renameSync(temp, file);
}
