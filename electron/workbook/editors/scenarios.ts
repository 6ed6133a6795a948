/** Scenario actions: create (from the original targets, another scenario, or empty), rename, delete, usulan. */
import { AppError } from '../../../shared/api/result.js';
import type { Scenario, ScenarioStatus } from '../../../shared/domain.js';
import type { Actor, EditTx } from '../edit.js';
import type { Workbook } from '../store.js';

export type ScenarioSource = { kind: 'original' } | { kind: 'scenario'; scenarioId: number } | { kind: 'empty' };

function requireUniqueName(wb: Workbook, name: string, exceptId?: number): void {
  if (wb.reads.scenarios().some((s) => s.name === name && s.id !== exceptId)) {
    throw new AppError('already_exists', `A scenario named "${name}" already exists`, { name }, 'name');
  }
}

export function createScenario(wb: Workbook, actor: Actor, name: string, description: string, from: ScenarioSource): Scenario {
  requireUniqueName(wb, name);
  const source = from.kind === 'scenario' ? wb.reads.scenario(from.scenarioId) : null;
  const id = wb.edit(actor, 'scenario.create', null, (tx) => {
    const id = tx.insert('scenario', { name, description, status: 'draft', created_at: new Date().toISOString() });
    if (from.kind === 'original') {
      const { firstYear, lastYear } = tx.plan;
      const rows = wb.values(['original_target']).filter((v) => v.year >= firstYear && v.year <= lastYear);
      tx.setTargets(id, rows.map((r) => ({ indicatorId: r.indicatorId, year: r.year, value: r.value, origin: 'entered' as const })), { logCells: false });
    } else if (source) {
      const { targets, justifications } = wb.reads.targets(source.id);
      for (const j of justifications) tx.put('justification', { scenario_id: id, indicator_id: j.indicatorId, text: j.text, updated_at: j.updatedAt });
      tx.setTargets(id, targets.map((t) => ({ indicatorId: t.indicatorId, year: t.year, value: t.value, origin: t.origin })), { logCells: false });
    }
    // The source goes in the detail as data ('original', 'empty', or the scenario's name); readers word it.
    tx.note({ scenarioId: id, scenarioName: name, detail: source ? `scenario:${source.name}` : from.kind });
    return id;
  });
  return wb.reads.scenario(id);
}

export function updateScenario(wb: Workbook, actor: Actor, id: number, changes: { name?: string | undefined; description?: string | undefined }): Scenario {
  const before = wb.reads.scenario(id);
  if (changes.name !== undefined) requireUniqueName(wb, changes.name, id);
  wb.edit(actor, 'scenario.update', id, (tx) => {
    tx.put('scenario', { id, name: changes.name ?? before.name, description: changes.description ?? before.description });
    const renamed = changes.name !== undefined && changes.name !== before.name;
    const described = changes.description !== undefined && changes.description !== before.description;
    if (renamed || described) tx.note({ scenarioId: id, scenarioName: changes.name ?? before.name, detail: renamed ? before.name : null });
  });
  return wb.reads.scenario(id);
}

/** Deletes a scenario; the log keeps what was deleted (its targets and justifications, cell by cell). */
export function deleteScenario(wb: Workbook, actor: Actor, id: number): void {
  const s = wb.reads.scenario(id);
  const { targets, justifications } = wb.reads.targets(id);
  wb.edit(actor, 'scenario.delete', id, (tx: EditTx) => {
    tx.setTargets(id, targets.map((t) => ({ indicatorId: t.indicatorId, year: t.year, value: null })), { logCells: false });
    for (const j of justifications) tx.remove('justification', { scenario_id: id, indicator_id: j.indicatorId });
    tx.remove('scenario', { id });
    tx.note({ scenarioId: id, scenarioName: s.name, detail: JSON.stringify({ description: s.description, status: s.status, targets, justifications }) });
  });
}

/** Marks one scenario usulan (demoting any other) or back to draft. */
export function setScenarioStatus(wb: Workbook, actor: Actor, id: number, status: ScenarioStatus): Scenario[] {
  const s = wb.reads.scenario(id);
  wb.edit(actor, 'scenario.status', id, (tx) => {
    if (status === 'usulan') {
      for (const other of wb.reads.scenarios()) {
        if (other.id !== id && other.status === 'usulan') {
          tx.put('scenario', { id: other.id, status: 'draft' });
          tx.note({ scenarioId: other.id, scenarioName: other.name, detail: 'usulan→draft' });
        }
      }
    }
    tx.put('scenario', { id, status });
    if (s.status !== status) tx.note({ scenarioId: id, scenarioName: s.name, detail: `${s.status}→${status}` });
  });
  return wb.reads.scenarios();
}
