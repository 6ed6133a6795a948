/** The profile gate (renderer/src/components/profile-gate.ts): when the app asks for the person. */
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/api/client.js';
import { ProfileGate } from '../../renderer/src/components/profile-gate.js';

const PERSON = { name: 'Rina', nip: '', title: '' };

function recorder() {
  const calls: string[] = [];
  const transport: Transport = (method) => {
    calls.push(method);
    return Promise.resolve({ ok: true, value: null });
  };
  return { calls, transport };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('profile gate', () => {
  it('opens the dialog at start only when there is no person', () => {
    const a = new ProfileGate();
    a.loaded(null);
    expect(a.getSnapshot().dialog).toBe('start');
    const b = new ProfileGate();
    b.loaded(PERSON);
    expect(b.getSnapshot()).toEqual({ person: PERSON, dialog: null });
  });

  it('holds the first edit or export of a session until the dialog is answered, then never again', async () => {
    const gate = new ProfileGate();
    const { calls, transport } = recorder();
    const api = gate.wrap(transport);
    gate.loaded(null);
    gate.later(); // "Nanti" at start
    await api('profile.get', {});
    await api('scenario.targets', { scenarioId: 1 });
    expect(calls).toEqual(['profile.get', 'scenario.targets']); // reads are never held
    const edit = api('targets.set', {});
    await tick();
    expect(gate.getSnapshot().dialog).toBe('beforeWrite');
    expect(calls).not.toContain('targets.set');
    gate.later();
    await edit;
    expect(calls).toContain('targets.set');
    await api('annex.exportBytes', {});
    expect(gate.getSnapshot().dialog).toBeNull();
    expect(calls.at(-1)).toBe('annex.exportBytes');
  });

  it('lets every call through once a person is given, or before the profile is read', async () => {
    const gate = new ProfileGate();
    const { calls, transport } = recorder();
    const api = gate.wrap(transport);
    await api('targets.set', {}); // profile not read yet: nothing to ask
    gate.loaded(null);
    gate.saved(PERSON);
    await api('targets.set', {});
    await api('annex.export', {});
    expect(calls).toEqual(['targets.set', 'targets.set', 'annex.export']);
    expect(gate.getSnapshot()).toEqual({ person: PERSON, dialog: null });
  });

  it('a save from the dialog asked before a write lets the write go with the person', async () => {
    const gate = new ProfileGate();
    const { calls, transport } = recorder();
    gate.loaded(null);
    gate.close();
    const edit = gate.wrap(transport)('justification.set', {});
    await tick();
    gate.saved(PERSON);
    await edit;
    expect(calls).toEqual(['justification.set']);
    expect(gate.getSnapshot().person).toEqual(PERSON);
  });
});
