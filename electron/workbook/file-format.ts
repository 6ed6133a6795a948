/**
 * What makes a file one of our workbooks, read straight from the SQLite header so that a refused
 * file is never opened by SQLite at all (and so cannot be touched).
 * Header layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import fs from 'node:fs';

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
