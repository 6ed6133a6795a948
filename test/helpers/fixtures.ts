/** Files a workbench must refuse, made the way a user would come by them. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../electron/workbook/file-format.js';
import { Workbook } from '../../electron/workbook/store.js';
import type { Plan } from '../../shared/domain.js';

export const TEST_PLAN: Plan = { region: 'Kabupaten Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023 };

export function textFile(dir: string): string {
  const file = path.join(dir, 'catatan.rpjmd');
  fs.writeFileSync(file, 'Ini bukan buku kerja, hanya catatan rapat TKPK.\n'.repeat(20));
  return file;
}

export function foreignSqlite(dir: string): string {
  const file = path.join(dir, 'lain.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE budget (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO budget (amount) VALUES (1.5);");
  db.close();
  return file;
}

/** One of our workbooks whose user_version claims a schema from the future. */
export async function newerWorkbook(dir: string, version = 9): Promise<string> {
  const file = path.join(dir, 'masa-depan.rpjmd');
  const wb = await Workbook.create(file, { plan: TEST_PLAN });
  wb.close();
  const db = new Database(file);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

/** One of our workbooks with a damaged b-tree page, which quick_check reports. */
export async function corruptWorkbook(dir: string): Promise<string> {
  const file = path.join(dir, 'rusak.rpjmd');
  const wb = await Workbook.create(file, { plan: TEST_PLAN });
  wb.close();
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'indicator'").get() as { rootpage: number }).rootpage;
  db.close();
  // Scribble over the indicator table's root page, keeping the header page intact.
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  return file;
}

export function headerOf(file: string): { applicationId: number; userVersion: number } {
  const b = fs.readFileSync(file).subarray(0, 100);
  return { userVersion: b.readUInt32BE(60), applicationId: b.readUInt32BE(68) };
}

export { APPLICATION_ID };
