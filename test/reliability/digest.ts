/**
 * A digest of everything a planner's edits change (scenarios, targets, justifications, undo
 * history, change log), leaving out wall-clock columns so two files that went through the same
 * operations at different moments digest the same.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { unpackChanges } from '../../electron/workbook/history.js';

const TIME_KEYS = new Set(['created_at', 'updated_at', 'at']);

function stripTimes(json: string | null): string | null {
  if (json === null) return null;
  const row = JSON.parse(json) as Record<string, unknown>;
  for (const k of TIME_KEYS) delete row[k];
  return JSON.stringify(row);
}

export function digestDb(db: Database.Database): string {
  const h = crypto.createHash('sha256');
  const dump = (sql: string, map: (r: Record<string, unknown>) => unknown = (r) => r) => {
    for (const r of db.prepare(sql).all() as Record<string, unknown>[]) h.update(JSON.stringify(map(r)));
    h.update('|');
  };
  dump('SELECT id, name, description, status FROM scenario ORDER BY id');
  dump('SELECT scenario_id, indicator_id, year, value, origin FROM scenario_target ORDER BY scenario_id, indicator_id, year');
  dump('SELECT scenario_id, indicator_id, text FROM justification ORDER BY scenario_id, indicator_id');
  dump('SELECT id, label, scenario_id, state FROM undo_step ORDER BY id');
  dump('SELECT id, changes FROM undo_step ORDER BY id', (r) => ({
    ...r,
    changes: unpackChanges(r.changes as string).map((c) => ({
      table: c.table,
      before: c.before && stripTimes(JSON.stringify(c.before)),
      after: c.after && stripTimes(JSON.stringify(c.after)),
    })),
  }));
  dump('SELECT id, user, action, kind, derived, scenario_id, scenario_name, indicator_code, year, old_value, new_value, justification, detail FROM change_log ORDER BY id');
  return h.digest('hex').slice(0, 16);
}

export function digestFile(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return digestDb(db);
  } finally {
    db.close();
  }
}

/** integrity_check as the next open would see it: read-write, so a hot journal is rolled back first. */
export function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
