/**
 * Spreadsheet import, step 2: writes a confirmed preview. One transaction, one undo step
 * ('import.apply'), and a change-log entry per cell (action 'import', old → new, and where the
 * number came from: "Impor: <file>, <sheet>!<cell>"). Imported values replace the source text
 * and clear the ilustrasi mark of the values they overwrite; imported revised targets are
 * 'entered' (no rate↔count derivation: the checks flag an inconsistent pair).
 */
import type { ImportApplyResult, ImportCell } from '../../shared/annex.js';
import { recordStep } from '../workbook/history.js';
import type { Workbook } from '../workbook/store.js';

export const IMPORT_STEP_LABEL = 'import.apply';

export function importSource(fileName: string, c: Pick<ImportCell, 'sheet' | 'row' | 'column'>): string {
  return `Impor: ${fileName}, ${c.sheet}!${c.column}${c.row}`;
}

export function applyImport(wb: Workbook, user: string, fileName: string, cells: readonly ImportCell[]): ImportApplyResult {
  if (cells.length === 0) return { applied: 0, new: 0, changed: 0, undoLabel: null };
  const inds = new Map(wb.indicators().map((i) => [i.id, i]));
  const scenarioNames = new Map(wb.scenarioStore('').list().map((s) => [s.id, s.name]));
  const scenarioIds = new Set(cells.map((c) => c.scenarioId));
  const stepScenario = scenarioIds.size === 1 ? ([...scenarioIds][0] ?? null) : null;
  const at = new Date().toISOString();
  let fresh = 0;
  let changed = 0;
  wb.write((db) => {
    const log = db.prepare(
      `INSERT INTO change_log (at, user, action, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, justification, detail)
       VALUES (@at, @user, 'import', @scenarioId, @scenarioName, @indicatorCode, @year, @series, @oldValue, @newValue, NULL, @detail)`,
    );
    recordStep(db, IMPORT_STEP_LABEL, stepScenario, (rec) => {
      for (const c of cells) {
        const source = importSource(fileName, c);
        const before =
          c.series === 'revised_target'
            ? rec.put('scenario_target', { scenario_id: c.scenarioId, indicator_id: c.indicatorId, year: c.year, value: c.newValue, origin: 'entered' })
            : rec.put('value', { indicator_id: c.indicatorId, year: c.year, series: c.series, value: c.newValue, source, illustrative: 0 });
        const old = (before?.value as number | undefined) ?? null;
        if (old === null) fresh++;
        else changed++;
        log.run({
          at,
          user,
          scenarioId: c.scenarioId,
          scenarioName: c.scenarioId !== null ? (scenarioNames.get(c.scenarioId) ?? null) : null,
          indicatorCode: inds.get(c.indicatorId)?.code ?? c.indicatorCode,
          year: c.year,
          series: c.series,
          oldValue: old,
          newValue: c.newValue,
          detail: c.footnote ? `${source} (catatan kaki "${c.footnote}" dibuang)` : source,
        });
      }
    });
  });
  return { applied: cells.length, new: fresh, changed, undoLabel: IMPORT_STEP_LABEL };
}
