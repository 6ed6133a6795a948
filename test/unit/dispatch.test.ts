import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type Handlers } from '../../shared/api/dispatch.js';
import { METHODS, contract } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/result.js';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not called in this test');
  };
  const base = Object.fromEntries(METHODS.map((m) => [m, unused])) as unknown as Handlers;
  return { ...base, ...overrides };
}

describe('dispatch: one entry point for every transport', () => {
  it('validates input against the contract before the handler runs', async () => {
    const open = vi.fn(() => { throw new Error('must not run'); });
    const dispatch = createDispatch(handlers({ 'workbook.open': open }));
    const result = await dispatch('workbook.open', { path: 42 });
    expect(result).toMatchObject({ ok: false, code: 'bad_input', field: 'path' });
    expect(open).not.toHaveBeenCalled();
  });

  it('passes parsed input (trimmed path) and wraps the value', async () => {
    const dispatch = createDispatch(handlers({ 'recent.list': () => [{ path: '/a.rpjmd', openedAt: 't' }] }));
    expect(await dispatch('recent.list', undefined)).toEqual({ ok: true, value: [{ path: '/a.rpjmd', openedAt: 't' }] });
    const seen: unknown[] = [];
    const d2 = createDispatch(handlers({ 'workbook.open': (input) => { seen.push(input); return null as never; } }));
    await d2('workbook.open', { path: '  /x/y.rpjmd ' });
    expect(seen).toEqual([{ path: '/x/y.rpjmd' }]);
  });

  it('refuses names that are not contract methods, including inherited properties', async () => {
    const dispatch = createDispatch(handlers());
    for (const name of ['nope', 'toString', '__proto__', 'constructor', 42]) {
      expect(await dispatch(name as string, {})).toMatchObject({ ok: false, code: 'unknown_method' });
    }
  });

  it('turns AppError into a Failure with its code and params, and other errors into internal', async () => {
    const onInternal = vi.fn();
    const dispatch = createDispatch(
      handlers({
        'workbook.current': () => { throw new AppError('no_workbook', 'No workbook is open'); },
        'recent.list': () => { throw new TypeError('boom'); },
        'workbook.open': () => { throw new AppError('refused_newer', 'too new', { fileVersion: 9, supportedVersion: 1 }); },
      }),
      onInternal,
    );
    expect(await dispatch('workbook.current', {})).toEqual({ ok: false, code: 'no_workbook', message: 'No workbook is open' });
    expect(await dispatch('recent.list', {})).toEqual({ ok: false, code: 'internal', message: 'boom' });
    expect(onInternal).toHaveBeenCalledOnce();
    expect(await dispatch('workbook.open', { path: 'x' })).toEqual({
      ok: false, code: 'refused_newer', message: 'too new', params: { fileVersion: 9, supportedVersion: 1 },
    });
  });

  it('a plan with its years out of order is refused naming the field', async () => {
    const dispatch = createDispatch(handlers());
    const result = await dispatch('workbook.create', {
      path: 'x.rpjmd',
      plan: { region: 'R', province: 'P', baselineYear: 2018, firstYear: 2018, lastYear: 2023 },
    });
    expect(result).toMatchObject({ ok: false, code: 'bad_input', field: 'plan.baselineYear' });
  });

  it('text written into a workbook is held to the text rule, naming the field', async () => {
    const dispatch = createDispatch(handlers());
    const refused: [string, Record<string, unknown>, string, RegExp][] = [
      ['scenario.create', { name: 'A\u0000B', from: { kind: 'empty' } }, 'name', /control character \(U\+0000\)/],
      ['scenario.create', { name: 'Rev\u202Egnp.exe', from: { kind: 'empty' } }, 'name', /bidirectional override or isolate \(U\+202E\)/],
      ['scenario.create', { name: '\u200b\u200d \ufeff', from: { kind: 'empty' } }, 'name', /only spaces or invisible characters/],
      ['scenario.create', { name: 'A\uFFFE', from: { kind: 'empty' } }, 'name', /non-character \(U\+FFFE\)/],
      ['scenario.create', { name: 'A', description: 'x\uFFFF', from: { kind: 'empty' } }, 'description', /U\+FFFF/],
      ['scenario.update', { scenarioId: 1, name: 'Line\nbreak' }, 'name', /U\+000A/],
      ['justification.set', { scenarioId: 1, indicatorId: 1, text: 'naik\u0007' }, 'text', /U\+0007/],
      ['justification.set', { scenarioId: 1, indicatorId: 1, text: 'naik \u2066x\u2069' }, 'text', /U\+2066/],
      ['references.save', { indicatorCode: 'P0', kind: 'level', comparison: 'le', year: 2024, value: 7, label: '\u200b', source: 'RPJMN' }, 'label', /invisible/],
      ['references.save', { indicatorCode: 'P0', kind: 'level', comparison: 'le', year: 2024, value: 7, label: 'RPJMN', source: 'Perpres\u0085' }, 'source', /U\+0085/],
      ['methodBreaks.save', { indicatorCode: 'IPM', year: 2020, note: '\u2060' }, 'note', /invisible/],
      ['annex.signer.set', { name: 'Siti\u202D', title: 'Kepala', nip: '1' }, 'name', /U\+202D/],
      ['annex.export', { path: 'x.xlsx', signer: { name: 'Siti', title: 'Kepala\u0000', nip: '1' } }, 'signer.title', /U\+0000/],
      ['workbook.create', { path: 'x.rpjmd', plan: { region: '\u200b', province: 'P', baselineYear: 2017, firstYear: 2018, lastYear: 2023 } }, 'plan.region', /invisible/],
      ['workbook.open', { path: '/tmp/a\u0000b.rpjmd' }, 'path', /U\+0000/],
    ];
    for (const [method, input, field, message] of refused) {
      const result = await dispatch(method, input);
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, code: 'bad_input', field });
      expect(!result.ok && result.message).toMatch(message);
      expect(!result.ok && result.message).toContain(`field "${field}"`);
    }
  });

  it('multi-line text keeps TAB and line feeds; names keep what they show', async () => {
    const seen: unknown[] = [];
    const record = (input: unknown) => {
      seen.push(input);
      return null as never;
    };
    const dispatch = createDispatch(handlers({ 'justification.set': record, 'scenario.create': record, 'methodBreaks.save': record }));
    expect(await dispatch('justification.set', { scenarioId: 1, indicatorId: 1, text: 'Baris 1\n\tBaris 2' })).toMatchObject({ ok: true });
    expect(await dispatch('justification.set', { scenarioId: 1, indicatorId: 1, text: '' })).toMatchObject({ ok: true });
    expect(await dispatch('scenario.create', { name: ' \u200bPerubahan 2021 🚀 ', description: 'a\nb', from: { kind: 'empty' } })).toMatchObject({ ok: true });
    expect(await dispatch('methodBreaks.save', { indicatorCode: 'IPM', year: 2020, note: 'Metode baru\nBPS 2020' })).toMatchObject({ ok: true });
    expect(seen).toHaveLength(4);
  });

  it('every contract entry has an input schema', () => {
    for (const m of METHODS) expect(typeof contract[m].input.safeParse).toBe('function');
  });
});
