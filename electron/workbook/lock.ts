/**
 * "Already open elsewhere": a lock file beside the workbook, created exclusively (O_EXCL) when a
 * process opens the file for writing and removed when it closes it. SQLite's own locks only last
 * for a transaction in journal mode DELETE, so without this two processes could both edit the
 * file, each undoing the other's work. A lock left by a crashed process on this computer (its pid
 * is gone) is taken over; one from another computer (a network share) is respected.
 *
 * The lock belongs to the file, not to the name it was opened by:
 * - the path is resolved first (realpath), so a symlink finds the lock beside the file it points
 *   to, named after that file;
 * - on a local disk, where device and inode numbers identify a file, a second lock keyed on them
 *   is taken in a per-user folder of this computer's temp folder, so a hard link (another name
 *   of the same file, in any folder) finds it too. On a network share or in a cloud folder
 *   (inode numbers are not reliable there, and the app replaces the original whole on each save
 *   back) the resolved path alone keys the lock. An identity lock names the file its holder
 *   opened; it is stale when the holder is gone, no longer holds the lock beside that file (taken
 *   over after a crash), or that file was replaced whole since (the inode may have been reused).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyLocation, systemLocationProbe } from './location.js';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** The path with every symlink resolved; for a file that does not exist yet, its folder's. */
export function resolveReal(filePath: string): string {
  const absolute = path.resolve(filePath);
  try {
    return fs.realpathSync(absolute);
  } catch {
    // Not there (yet): resolve the folder it would be in.
    const dir = path.dirname(absolute);
    if (dir === absolute) return absolute;
    return path.join(resolveReal(dir), path.basename(absolute));
  }
}

export function lockPathFor(workbookPath: string): string {
  const real = resolveReal(workbookPath);
  return path.join(path.dirname(real), `.${path.basename(real)}.lock`);
}

/** Device and inode of an existing regular file, where they identify it (not 0); else null. */
export function fileIdentity(filePath: string): string | null {
  try {
    const st = fs.statSync(filePath, { bigint: true });
    if (!st.isFile() || st.ino === 0n) return null;
    return `${st.dev}-${st.ino}`;
  } catch {
    return null;
  }
}

/** Whether two paths name the same file (through symlinks or hard links). */
export function sameFile(a: string, b: string): boolean {
  if (resolveReal(a) === resolveReal(b)) return true;
  const ia = fileIdentity(a);
  return ia !== null && ia === fileIdentity(b);
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

interface LockRecord extends LockOwner {
  /** Identity locks only: the resolved path the holder opened. */
  file?: string;
}

function readOwner(lockPath: string): LockRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? ''), ...(typeof parsed.file === 'string' ? { file: parsed.file } : {}) };
  } catch {
    return null;
  }
}

const UNKNOWN: LockOwner = { pid: 0, host: 'unknown', since: '' };

function ownerOf(record: LockRecord | null): LockOwner {
  return record ? { pid: record.pid, host: record.host, since: record.since } : UNKNOWN;
}

/**
 * The per-user folder of identity locks (in this computer's temp folder), or null when it cannot
 * be trusted (made by someone else, or writable by others): then only the path lock holds.
 */
function identityLockDir(): string | null {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  let tag: string;
  if (uid !== undefined) tag = String(uid);
  else {
    try {
      tag = crypto.createHash('sha256').update(os.userInfo().username).digest('hex').slice(0, 12);
    } catch {
      tag = 'user';
    }
  }
  const dir = path.join(os.tmpdir(), `rpjmd-workbench-locks-${tag}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null;
  }
  try {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return null;
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return null;
  } catch {
    return null;
  }
  return dir;
}

/** The identity lock of `real`, or null where the resolved path alone keys the lock. */
function identityLockPath(real: string): string | null {
  const identity = fileIdentity(real);
  if (identity === null) return null;
  // A network or cloud file's original is replaced whole on every save back (a new inode while
  // its lock is held) and its inode numbers may be made up by the client: the path lock holds.
  if (classifyLocation(real, systemLocationProbe()).kind !== 'local') return null;
  const dir = identityLockDir();
  return dir === null ? null : path.join(dir, `${identity}.lock`);
}

export class WorkbookLock {
  private constructor(
    /** The lock beside the (resolved) workbook, which other computers see too. */
    readonly lockPath: string,
    private readonly token: string,
    /** The lock keyed on the file's device and inode, with its own token; null where none. */
    private readonly identity: { lockPath: string; token: string } | null,
  ) {}

  /** Takes the lock, or returns who holds it. */
  static acquire(workbookPath: string): WorkbookLock | { heldBy: LockOwner } {
    const real = resolveReal(workbookPath);
    const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    const token = JSON.stringify(me);
    const lockPath = lockPathFor(real);
    const beside = take(lockPath, token, (owner) => (owner === null ? isOldUnreadable(lockPath) : owner.host === me.host && !alive(owner.pid)));
    if (beside !== true) return beside;

    let idPath: string | null = null;
    try {
      idPath = identityLockPath(real);
    } catch {
      idPath = null;
    }
    if (idPath === null) return new WorkbookLock(lockPath, token, null);
    const idToken = JSON.stringify({ ...me, file: real });
    const identity = fileIdentity(real);
    let held: true | { heldBy: LockOwner };
    try {
      held = take(idPath, idToken, (owner) => {
        if (owner === null) return isOldUnreadable(idPath!);
        if (owner.host !== me.host || !alive(owner.pid)) return true;
        if (owner.file === undefined) return false;
        // Its holder no longer holds the file it named (its lock beside that file was taken over
        // after a crash, or released): stale.
        const beside = readOwner(lockPathFor(owner.file));
        if (!beside || beside.pid !== owner.pid || beside.host !== owner.host || beside.since !== owner.since) return true;
        // That file was replaced whole (a save back, a Save As over it): this inode, perhaps
        // reused since, is not what it holds. (A file merely renamed is still held.)
        const now = fileIdentity(owner.file);
        return now !== null && now !== identity;
      });
    } catch (err) {
      releaseIfOurs(lockPath, token);
      throw err;
    }
    if (held !== true) {
      releaseIfOurs(lockPath, token);
      return held;
    }
    return new WorkbookLock(lockPath, token, { lockPath: idPath, token: idToken });
  }

  /** Removes the lock if it is still ours (a takeover by another process is left alone). */
  release(): void {
    if (this.identity) releaseIfOurs(this.identity.lockPath, this.identity.token);
    releaseIfOurs(this.lockPath, this.token);
  }
}

/** Creates `lockPath` holding `token`: true, or who holds it when it is held and not stale. */
function take(lockPath: string, token: string, isStale: (owner: LockRecord | null) => boolean): true | { heldBy: LockOwner } {
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole to a temp file, then hard-linked into place (atomic, fails if it exists):
    // a crash can never leave a half-written lock under the lock's name.
    const temp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(temp, token);
    try {
      if (linkOrCreate(temp, lockPath, token)) return true;
    } finally {
      fs.rmSync(temp, { force: true });
    }
    const owner = readOwner(lockPath);
    if (!isStale(owner)) return { heldBy: ownerOf(owner) };
    fs.rmSync(lockPath, { force: true });
  }
  return { heldBy: ownerOf(readOwner(lockPath)) };
}

function releaseIfOurs(lockPath: string, token: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8') === token) fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone.
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
