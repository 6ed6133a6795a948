/** The one union of change actions, and the words and rules every reader takes from it. */
import { describe, expect, it } from 'vitest';
import {
  CHANGE_ACTIONS,
  catchesUpByIndicator,
  describeEntryAction,
  describeEntryDetail,
  isChangeAction,
  makesImportStale,
  type ActionTable,
  type ChangeAction,
} from '../../shared/changes.js';

// A new action without its labels does not compile: the table must name every member of the
// union (tsc runs over this file in `npm run typecheck`, and an unused @ts-expect-error fails it).
// @ts-expect-error 'fake.action' has no row in CHANGE_ACTIONS
const withFake: ActionTable<ChangeAction | 'fake.action'> = CHANGE_ACTIONS;
void withFake;

describe('change actions', () => {
  it('name every step in both languages, for the undo menu and the change log', () => {
    for (const [action, info] of Object.entries(CHANGE_ACTIONS)) {
      expect(isChangeAction(action)).toBe(true);
      for (const words of [info.undo, info.log]) {
        expect(words.id.trim(), action).not.toBe('');
        expect(words.en.trim(), action).not.toBe('');
        expect(words.id, action).not.toBe(words.en);
      }
      expect(info.scopes.length, action).toBeGreaterThan(0);
    }
    expect(isChangeAction('import')).toBe(false);
    expect(isChangeAction('__proto__')).toBe(false);
  });

  it('tell kept check state whether it can catch up by indicator', () => {
    expect(catchesUpByIndicator('target.paste')).toBe(true);
    expect(catchesUpByIndicator('justification.set')).toBe(true);
    expect(catchesUpByIndicator('import.apply')).toBe(false);
    expect(catchesUpByIndicator('reference.save')).toBe(false);
    expect(catchesUpByIndicator('scenario.delete')).toBe(false);
  });

  it('tell an import preview which steps make it stale', () => {
    expect(makesImportStale('target.edit')).toBe(true);
    expect(makesImportStale('import.apply')).toBe(true);
    expect(makesImportStale('scenario.delete')).toBe(true);
    expect(makesImportStale('justification.set')).toBe(false);
    expect(makesImportStale('reference.delete')).toBe(false);
  });

  it('word a log entry for a reader, never as a code', () => {
    expect(describeEntryAction({ action: 'target.paste', kind: 'do', derived: false }, 'id')).toBe('Target ditempel');
    expect(describeEntryAction({ action: 'target.paste', kind: 'undo', derived: true }, 'id')).toBe('Target ditempel (diurungkan, turunan)');
    expect(describeEntryAction({ action: 'import.apply', kind: 'redo', derived: false }, 'en')).toBe('Import (redone)');
    // A file from elsewhere may hold anything: shown as stored.
    expect(describeEntryAction({ action: 'mystery', kind: 'do', derived: false }, 'en')).toBe('mystery');
    expect(describeEntryDetail({ action: 'justification.set', detail: 'Dampak COVID-19' }, 'id')).toBe('semula: Dampak COVID-19');
    expect(describeEntryDetail({ action: 'justification.set', detail: 'was: Lama' }, 'en')).toBe('was: Lama');
    expect(describeEntryDetail({ action: 'scenario.create', detail: 'original' }, 'id')).toBe('dari target awal');
    expect(describeEntryDetail({ action: 'scenario.status', detail: 'draft→usulan' }, 'id')).toBe('draf → usulan');
    expect(describeEntryDetail({ action: 'scenario.delete', detail: '{"targets":[1,2,3],"justifications":[1]}' }, 'en')).toBe('3 targets and 1 justifications deleted with it');
  });
});
