/**
 * What makes a file one of our workbooks, read straight from the SQLite header so that a refused
 * file is never opened by SQLite at all (and so cannot be touched). Also the bounds of writing a
 * workbook to a path: only one of ours is ever replaced (existingTarget), and a failed write is
 * said in words (writeFailure).
 * Header layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';

/** PRAGMA application_id of every workbook: ASCII "RPJM". */
export const APPLICATION_ID = 0x52504a4d;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

export type HeaderReading =
  | { kind: 'sqlite'; applicationId: number; userVersion: number }
  | { kind: 'not-sqlite'; reason: string };

export function readHeader(filePath: string): HeaderReading {
  const fd = fs.openSync(filePath, 'r');
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const read = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
    if (read === 0) return { kind: 'not-sqlite', reason: 'the file is empty' };
    if (read < HEADER_SIZE || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      return { kind: 'not-sqlite', reason: 'it is not an SQLite database' };
    }
    return { kind: 'sqlite', userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What a path Save As or create would write to holds: nothing, one of our workbooks (our
 * application_id, whatever its version or state), or something else — anything that cannot be
 * shown to be ours (another file, a folder, a file that cannot be read) is 'other', so the answer
 * says no more about an unrelated file than that it is not ours.
 */
export function existingTarget(filePath: string): 'none' | 'workbook' | 'other' {
  try {
    fs.lstatSync(filePath);
  } catch {
    // Not there, or not reachable (a folder that cannot be searched): the write itself says why.
    return 'none';
  }
  try {
    if (!fs.statSync(filePath).isFile()) return 'other';
    const header = readHeader(filePath);
    return header.kind === 'sqlite' && header.applicationId === APPLICATION_ID ? 'workbook' : 'other';
  } catch {
    return 'other';
  }
}

/** Error codes of a folder the app may not write in: read-only media or mounts, no permission. */
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH']);
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** An error of the file system or of SQLite's file access (not a constraint or a bug). */
export function isWriteError(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return /^E[A-Z0-9]+$/.test(code) || /^SQLITE_(IOERR|READONLY|CANTOPEN|FULL|PERM|AUTH)/.test(code);
}

/**
 * A failure to write `target` (or a temp file or lock beside it) in words, with params the UI can
 * translate: `reason` is 'read_only_folder' (the folder is read-only, or this user may not write
 * there), 'disk_full', or 'io'; `folder` is the folder written to. An AppError passes through.
 */
export function writeFailure(err: unknown, target: string, doing: string): AppError {
  if (err instanceof AppError) return err;
  const file = path.basename(target);
  const folder = path.dirname(target);
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN_ISDIR…) by their family.
  const family = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  if (READ_ONLY_CODES.has(family)) {
    const why = code === 'EROFS' || family === 'SQLITE_READONLY' ? 'is read-only' : 'is read-only for this user (no permission to write in it)';
    return new AppError('io_error', `Could not ${doing} ${file}: the folder ${folder} ${why}`, { file, folder, reason: 'read_only_folder', code });
  }
  if (FULL_CODES.has(family)) {
    return new AppError('io_error', `Could not ${doing} ${file}: the disk holding ${folder} is full`, { file, folder, reason: 'disk_full', code });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('io_error', `Could not ${doing} ${file}: ${detail}`, { file, folder, reason: 'io', ...(code ? { code } : {}) });
}
