/**
 * "Already open elsewhere": a lock file beside the workbook, created exclusively (O_EXCL) when a
 * process opens the file for writing and removed when it closes it. SQLite's own locks only last
 * for a transaction in journal mode DELETE, so without this two processes could both edit the
 * file, each undoing the other's work. A lock left by a crashed process on this computer (its pid
 * is gone) is taken over; one from another computer (a network share) is respected.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export function lockPathFor(workbookPath: string): string {
  return path.join(path.dirname(workbookPath), `.${path.basename(workbookPath)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

export class WorkbookLock {
  private constructor(
    readonly lockPath: string,
    private readonly token: string,
  ) {}

  /** Takes the lock, or returns who holds it. */
  static acquire(workbookPath: string): WorkbookLock | { heldBy: LockOwner } {
    const lockPath = lockPathFor(workbookPath);
    const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    const token = JSON.stringify(me);
    for (let attempt = 0; attempt < 2; attempt++) {
      // Written whole to a temp file, then hard-linked into place (atomic, fails if it exists):
      // a crash can never leave a half-written lock under the lock's name.
      const temp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(temp, token);
      try {
        if (linkOrCreate(temp, lockPath, token)) return new WorkbookLock(lockPath, token);
      } finally {
        fs.rmSync(temp, { force: true });
      }
      const owner = readOwner(lockPath);
      const stale = owner === null ? isOldUnreadable(lockPath) : owner.host === me.host && !alive(owner.pid);
      if (!stale) return { heldBy: owner ?? { pid: 0, host: 'unknown', since: '' } };
      fs.rmSync(lockPath, { force: true });
    }
    return { heldBy: readOwner(lockPath) ?? { pid: 0, host: 'unknown', since: '' } };
  }

  /** Removes the lock if it is still ours (a takeover by another process is left alone). */
  release(): void {
    try {
      if (fs.readFileSync(this.lockPath, 'utf8') === this.token) fs.rmSync(this.lockPath, { force: true });
    } catch {
      // Already gone.
    }
  }
}

/** Codes of file systems without hard links (some NAS shares, FAT, exFAT). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * True when the lock was created, false when it exists. Without hard links, an exclusive create
 * (O_EXCL) stands in: still one winner, though a crash mid-write can leave it unreadable
 * (isOldUnreadable handles that).
 */
function linkOrCreate(temp: string, lockPath: string, token: string): boolean {
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw err;
  }
  try {
    fs.writeFileSync(lockPath, token, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** An unreadable lock (torn write by a crash) older than a minute is stale. */
function isOldUnreadable(lockPath: string): boolean {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs > 60_000;
  } catch {
    return true;
  }
}
