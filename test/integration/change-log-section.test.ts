/**
 * Catatan Perubahan for a reviewer (electron/annex/change-log-section.ts): hand-built histories
 * through the services — edits, paste and undo, redo, a justification, a person given midway —
 * read back as the net change per cell and as the full history, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue, Person, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { formatNumber } from '../../shared/format/number.js';
import { changeLogSection, netChanges, type ChangeLogEntryWithPerson } from '../../electron/annex/change-log-section.js';
import type { DocCell, DocSection } from '../../electron/annex/document.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { tempDir } from '../helpers/files.js';
import { ok } from '../helpers/annex.js';

const PERSON: Person = { name: 'Rina Marlina, S.E., M.Si.', nip: '19850412 201001 2 015', title: 'Perencana Ahli Muda' };

/** English words an Indonesian reader must not meet in the section (issue 14's list and kin). */
const ENGLISH = ['from', 'original', 'targets', 'target.', 'was', 'undo', 'redo', 'undone', 'redone', 'draft', 'edit', 'edited', 'paste', 'pasted', 'user', 'the', 'changed', 'scenario', 'created', 'by', 'before', 'after', 'justification', 'name', 'account', 'derived', 'step', 'proposal', 'when'];
/** An action code ("target.edit", "undo:target.paste", "scenario.create") or a stored status code. */
const CODE = /\b[a-z_]+\.[a-z_]+\b|\b(undo|redo):|\busulan→|→draft\b|\blower_[ab]\b|\bannual_change\b/;

function cellText(c: DocCell): string {
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return formatNumber(c.value, c.decimals);
  return '';
}

/** Every word the section prints. */
function allText(s: DocSection): string {
  return [...s.headerBlock, ...s.titles, ...s.table.header.flat().map(cellText), ...s.table.body.flat().map(cellText), ...s.notes, s.footer].join('\n');
}

/** Body rows as text; the indicator's cells spanning its years are carried down. */
function rows(s: DocSection): string[][] {
  const out: string[][] = [];
  let carry: string[] = [];
  for (const r of s.table.body) {
    const t = r.map(cellText);
    if (t.length === 1) out.push(t);
    else if (t.length === s.table.columns.length) {
      carry = [t[0]!, t[1]!, t[t.length - 1]!];
      out.push(t);
    } else out.push([carry[0]!, carry[1]!, ...t, carry[2]!]);
  }
  return out;
}

function englishIn(text: string): string[] {
  const words = text.toLowerCase().split(/[^a-z.]+/);
  return ENGLISH.filter((e) => (e.endsWith('.') ? text.includes(e) : words.includes(e)));
}

let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

/**
 * The demo; scenario "Perubahan 2021" from the original targets; TPT 2022 edited before the
 * person is given (OS account only); then, as Rina: P0 2021 edited twice, P0 2022–2023 pasted
 * and undone, IPM 2023 pasted, undone and redone, a justification for P0, a status change.
 */
async function history() {
  services = createServices({ dataDir: tempDir(), host: 'browser', appVersion: 'test' });
  const { dispatch, session } = services;
  const summary = await ok<WorkbookSummary>(dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  const original = await ok<IndicatorValue[]>(dispatch('workbook.values', { series: ['original_target'] }));
  const orig = (code: string, year: number) => original.find((v) => v.indicatorId === ind(code).id && v.year === year)!.value;
  const s = await ok<Scenario>(dispatch('scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } }));
  const set = (code: string, action: string, cells: [number, number][]) =>
    ok(dispatch('targets.set', { scenarioId: s.id, action, cells: cells.map(([year, value]) => ({ indicatorId: ind(code).id, year, value })) }));
  await set('TPT', 'target.edit', [[2022, 5.1]]);
  await ok(dispatch('profile.set', PERSON));
  await set('P0', 'target.edit', [[2021, 12.6]]);
  await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('P0').id, text: 'Dampak COVID-19 (awal).' }));
  await set('P0', 'target.edit', [[2021, 12.7]]);
  await set('P0', 'target.paste', [[2022, 13.5], [2023, 13.2]]);
  await ok(dispatch('history.undo', {}));
  await set('IPM', 'target.paste', [[2023, 71.5]]);
  await ok(dispatch('history.undo', {}));
  await ok(dispatch('history.redo', {}));
  await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('P0').id, text: 'Dampak pandemi COVID-19: kemiskinan naik menjadi 12,32 % pada 2020.' }));
  await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('TPT').id, text: 'Pengangguran naik karena pandemi.' }));
  await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('IPM').id, text: 'Program pendidikan dan kesehatan.' }));
  await ok(dispatch('scenario.setStatus', { scenarioId: s.id, status: 'usulan' }));
  const wb = session.require();
  return { wb, s: wb.reads.scenario(s.id), ind, orig, indicators: summary.indicators };
}

describe('Catatan Perubahan: the net change per cell', () => {
  it('folds a cell edited twice into one row semula → menjadi, with who, when and why', async () => {
    const { wb, s, ind, orig, indicators } = await history();
    const section = changeLogSection({ wb, scenario: s, indicators, language: 'id' });
    expect(section.sheet).toBe('Catatan Perubahan');
    const table = rows(section);
    const p0 = table.filter((r) => r[1] === 'Persentase Penduduk Miskin (%)');
    expect(p0.map((r) => r[2])).toEqual(['2021']);
    const [, , , semula, menjadi, delta, at, who, why] = p0[0]!;
    expect(semula).toBe(formatNumber(orig('P0', 2021), 2));
    expect(menjadi).toBe('12,70');
    expect(delta).toMatch(/^[+-]\d+,\d{2}$/);
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(who).toBe(`${PERSON.name}\nNIP ${PERSON.nip}\n${PERSON.title}`);
    // The justification now, then the one in force when the value was written.
    expect(why).toBe('Dampak pandemi COVID-19: kemiskinan naik menjadi 12,32 % pada 2020.\nSaat diubah (2021): Dampak COVID-19 (awal).');
    void ind;
  });

  it('leaves out a paste followed by undo, and shows a paste undone and redone once', async () => {
    const { wb, s, indicators } = await history();
    const table = rows(changeLogSection({ wb, scenario: s, indicators, language: 'id' }));
    const cells = table.map((r) => `${r[1]} ${r[2]}`);
    expect(cells).not.toContain('Persentase Penduduk Miskin (%) 2022');
    expect(cells).not.toContain('Persentase Penduduk Miskin (%) 2023');
    expect(cells.filter((c) => c === 'Indeks Pembangunan Manusia (indeks) 2023')).toHaveLength(1);
    expect(table.find((r) => r[1] === 'Indeks Pembangunan Manusia (indeks)')![4]).toBe('71,50');
    // Nothing but net changes: no row whose semula equals its menjadi.
    for (const r of table) expect(r[3], r.join(' | ')).not.toBe(r[4]);
  });

  it('names the OS account, marked as such, only where no person was recorded', async () => {
    const { wb, s, indicators } = await history();
    const section = changeLogSection({ wb, scenario: s, indicators, language: 'id' });
    const tpt = rows(section).find((r) => r[1] === 'Tingkat Pengangguran Terbuka (%)')!;
    expect(tpt[7]).toMatch(/^akun komputer ".+" \(nama belum diisi\)$/);
    expect(section.notes.join('\n')).toContain('akun komputer');
    const en = rows(changeLogSection({ wb, scenario: s, indicators, language: 'en' })).find((r) => r[1] === 'Open unemployment rate (%)')!;
    expect(en[7]).toMatch(/^computer account ".+" \(no name given\)$/);
  });

  it('an Indonesian section has no English words and no action codes, in either mode', async () => {
    const { wb, s, indicators } = await history();
    for (const mode of ['net', 'full'] as const) {
      const text = allText(changeLogSection({ wb, scenario: s, indicators, language: 'id', mode }));
      expect(englishIn(text), mode).toEqual([]);
      expect(text, mode).not.toMatch(CODE);
    }
    const net = allText(changeLogSection({ wb, scenario: s, indicators, language: 'id' }));
    expect(net).toContain('Skenario dibuat dari target awal pada');
    expect(net).toContain('target awal RPJMD: skenario dibuat dari target awal');
  });

  it('an English section is in English', async () => {
    const { wb, s, indicators } = await history();
    const section = changeLogSection({ wb, scenario: s, indicators, language: 'en' });
    expect(section.table.header[0]!.map(cellText)).toEqual(['No', 'Indicator (unit)', 'Year', 'Before', 'After', 'Change', 'Time (UTC)', 'By', 'Justification']);
    const text = allText(section);
    expect(text).toContain('Scenario created from the original targets');
    expect(text).not.toMatch(/Semula|Menjadi|Alasan|diurungkan|akun komputer/);
    expect(text.match(CODE)).toBeNull();
  });
});

describe('Catatan Perubahan: the full history', () => {
  it('lists every step in order, undo and redo marked in words', async () => {
    const { wb, s, indicators } = await history();
    const section = changeLogSection({ wb, scenario: s, indicators, language: 'id', mode: 'full', titles: ['CATATAN PERUBAHAN', 'Skenario: Perubahan 2021 (usulan)'], footer: 'Catatan Perubahan — Rancangan Perubahan RPJMD', pageUnits: 157 });
    expect(section.titles).toEqual(['CATATAN PERUBAHAN', 'Skenario: Perubahan 2021 (usulan)', 'Riwayat lengkap, langkah demi langkah']);
    expect(section.footer).toBe('Catatan Perubahan — Rancangan Perubahan RPJMD');
    expect(section.table.columns.reduce((a, c) => a + c.width, 0)).toBeLessThanOrEqual(157);
    const actions = section.table.body.map((r) => cellText(r[3]!)).filter(Boolean);
    expect(actions).toEqual([
      'Skenario dibuat',
      'Target diubah',
      'Target diubah',
      'Alasan perubahan',
      'Target diubah',
      'Target ditempel',
      'Target ditempel (diurungkan)',
      'Target ditempel',
      'Target ditempel (diurungkan)',
      'Target ditempel (diulang)',
      'Alasan perubahan',
      'Alasan perubahan',
      'Alasan perubahan',
      'Status skenario',
    ]);
    const steps = section.table.body.map((r) => cellText(r[0]!)).filter(Boolean);
    expect(steps).toEqual(actions.map((_, i) => String(i + 1)));
    const text = allText(section);
    expect(text).toContain('draf → usulan');
    expect(text).toContain('semula: Dampak COVID-19 (awal).');
    expect(text).toContain(`NIP ${PERSON.nip}`);
  });

  it('in English too', async () => {
    const { wb, s, indicators } = await history();
    const text = allText(changeLogSection({ wb, scenario: s, indicators, language: 'en', mode: 'full' }));
    expect(text).toContain('Targets pasted (undone)');
    expect(text).toContain('Targets pasted (redone)');
    expect(text).toContain('draft → proposal (usulan)');
    expect(text).not.toMatch(CODE);
  });
});

describe('netChanges over hand-built entries', () => {
  const base = { id: 0, user: 'root', derived: false, stepId: null, series: 'revised_target', scenarioId: 1, scenarioName: null, justification: null, detail: null } as const;
  let n = 0;
  const entry = (kind: 'do' | 'undo' | 'redo', year: number, oldValue: number | null, newValue: number | null, person: Person | null = null, at = '2021-08-20T01:00:00.000Z'): ChangeLogEntryWithPerson => ({
    ...base, id: ++n, changeStepId: n, at, action: 'target.edit', kind, indicatorCode: 'P0', year, oldValue, newValue, person,
  });

  it('names the step that wrote the current value, not the undo that restored it', () => {
    const a: Person = { name: 'A', nip: '', title: '' };
    const b: Person = { name: 'B', nip: '', title: '' };
    const net = netChanges([entry('do', 2021, 10, 11, a, 't1'), entry('do', 2021, 11, 12, b, 't2'), entry('undo', 2021, 12, 11, b, 't3')], 1);
    expect(net).toHaveLength(1);
    expect(net[0]).toMatchObject({ semula: 10, menjadi: 11, by: { at: 't1', person: a } });
  });

  it('drops a cell back at its first value, keeps one cleared or first filled', () => {
    expect(netChanges([entry('do', 2021, 10, 11), entry('do', 2021, 11, 10)], 1)).toEqual([]);
    expect(netChanges([entry('do', 2022, 10, null)], 1)[0]).toMatchObject({ semula: 10, menjadi: null });
    expect(netChanges([entry('do', 2023, null, 9)], 1)[0]).toMatchObject({ semula: null, menjadi: 9 });
    expect(netChanges([entry('do', 2023, null, 9)], 2)).toEqual([]);
  });

  it('builds a section from entries without a workbook', () => {
    const ind = { id: 7, code: 'P0', nameId: 'Persentase Penduduk Miskin', nameEn: 'Poverty rate (P0)', unit: '%', decimals: 2 } as Indicator;
    const scenario = { id: 1, name: 'S', description: '', status: 'draft', createdAt: '' } as Scenario;
    const section = changeLogSection({
      scenario, indicators: [ind], language: 'id',
      entries: [entry('do', 2021, 10, 11, { name: 'Rina', nip: '19850412 201001 2 015', title: '' })],
      justifications: new Map([[7, 'Alasan']]),
    });
    expect(rows(section)).toEqual([['1', 'Persentase Penduduk Miskin (%)', '2021', '10,00', '11,00', '+1,00', '2021-08-20 01:00', 'Rina\nNIP 19850412 201001 2 015', 'Alasan']]);
    expect(section.titles).toEqual(['CATATAN PERUBAHAN', 'Skenario: S (draf)', 'Perubahan bersih per sel: semula → menjadi, waktu, oleh siapa, dan alasannya']);
    const empty = changeLogSection({ scenario, indicators: [ind], language: 'id', entries: [], justifications: new Map() });
    expect(rows(empty)[0]![0]).toBe('Belum ada perubahan tercatat.');
  });
});
