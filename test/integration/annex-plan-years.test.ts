/**
 * The RPJMD annex keeps the plan's years (2018–2023 for the demo) when the workbook reaches the
 * RPKD/RPD horizon after it (schema v7): a realisation, a projection and a revised target of 2024–
 * 2026 appear in no sheet — not as rows of Lampiran II, not in its note on later realisations, not
 * in Sumber Data — and the annex still reads back at zero changes.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnexBytesResult, ImportPreview } from '../../shared/annex.js';
import type { WorkbookSummary } from '../../shared/domain.js';
import { createServices } from '../../electron/services/index.js';
import { DATE, SIGNER, demoWithUsulan, findCell, ok, readXlsx } from '../helpers/annex.js';

/** Every year written in column `col` of a sheet's rows (a year cell is the text or number "2024"). */
function yearsIn(ws: ExcelJS.Worksheet, col: number): number[] {
  const out: number[] = [];
  ws.eachRow((row) => {
    const v = String(row.getCell(col).value ?? '');
    if (/^\d{4}$/.test(v)) out.push(Number(v));
  });
  return out;
}

describe('the annex keeps the plan\'s years', () => {
  it('values and revised targets of 2024–2026 are in no sheet; the round trip stays at zero changes', async () => {
    const demo = await demoWithUsulan();
    const file = demo.summary.path;
    await demo.close();
    const db = new Database(file);
    try {
      db.prepare('UPDATE plan SET horizon_year = 2026').run();
      const ins = db.prepare("INSERT OR REPLACE INTO value (indicator_id, year, series, value, source, illustrative, provisional) SELECT id, ?, ?, ?, 'uji horizon', 0, 0 FROM indicator WHERE code = ?");
      ins.run(2024, 'realisation', 11.2, 'P0');
      ins.run(2025, 'projection', 700000, 'POP');
      db.prepare("INSERT OR REPLACE INTO scenario_target (scenario_id, indicator_id, year, value, origin) SELECT ?, id, 2026, 9.88, 'entered' FROM indicator WHERE code = 'P0'").run(demo.usulan.id);
    } finally {
      db.close();
    }
    const services = createServices({ dataDir: demo.dataDir, host: 'browser', appVersion: 'test' });
    await ok<WorkbookSummary>(services.dispatch('workbook.open', { path: file }));
    const r = await ok<AnnexBytesResult>(services.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER }));
    const buffer = Buffer.from(r.base64, 'base64');
    const book = await readXlsx(buffer);

    const l2 = book.getWorksheet('Lampiran II')!;
    expect(yearsIn(l2, 4).every((y) => y <= 2023)).toBe(true);
    // The note on realisations after the revision date names the plan's later years only.
    expect(findCell(l2, (t) => t.startsWith('Realisasi yang terbit sesudah 23 Agustus 2021 (2021, 2022, 2023) tidak dimuat'))).not.toBeNull();
    const src = book.getWorksheet('Sumber Data')!;
    const srcYears = yearsIn(src, 5);
    expect(srcYears.length).toBeGreaterThan(0);
    expect(Math.max(...srcYears)).toBe(2023);
    expect(findCell(src, (t) => t.includes('uji horizon'))).toBeNull();

    const p = await ok<ImportPreview>(services.dispatch('import.preview', { source: { name: path.basename('lampiran.xlsx'), base64: buffer.toString('base64') } }));
    expect([p.new.length, p.changed.length, p.rejected.length]).toEqual([0, 0, 0]);
    services.close();
  });
});
