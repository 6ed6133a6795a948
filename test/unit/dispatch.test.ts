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

  it('every contract entry has an input schema', () => {
    for (const m of METHODS) expect(typeof contract[m].input.safeParse).toBe('function');
  });
});
