/**
 * Catatan Perubahan for a reviewer: the scenario's change log as an annex section (document.ts),
 * in the annex's language, actions in words, the person behind each change.
 *
 * Two modes (shared/annex.ts ChangeLogMode):
 *
 * - `net` (default) — what a reviewer needs: the net change per cell of the scenario, one row per
 *   indicator and year whose value differs from where the scenario's log starts. **Semula** is the
 *   value before the cell's first logged change (the original RPJMD target when the scenario was
 *   made from the original targets: creating a scenario copies them without logging the cells);
 *   **Menjadi** the value now (the last logged change). A cell changed and changed back — a paste
 *   followed by undo, or an edit typed back — does not appear; undo and redo are folded, never
 *   listed. **Waktu** and **Oleh** are those of the step that gave the cell its current value
 *   (the latest edit or redo that wrote it; an undo restores an earlier step's value, and that
 *   step is named). **Alasan perubahan** is the indicator's justification now; where the one
 *   recorded when the value was written differs, it follows ("Saat diubah (2021): …").
 * - `full` — every step in order (numbered), each of its entries on a row: the action in words
 *   (shared/changes.ts describeEntryAction/describeEntryDetail), undo and redo marked in words
 *   ("Target ditempel (diurungkan)"), old → new, the justification at that moment.
 *
 * "Who" is the person of the user's profile recorded on the step (name, NIP, jabatan; schema v5);
 * only when no person was recorded is the operating-system account shown, marked as such.
 *
 * Pure over its input: it reads the workbook only when handed one instead of the entries
 * (wb.reads.changeLogWithPeople and the scenario's justifications), and never the clock.
 */
import type { AnnexLanguage, ChangeLogMode } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import { describeEntryAction, describeEntryDetail, DERIVED_WORDS } from '../../shared/changes.js';
import type { Indicator, Person, Scenario } from '../../shared/domain.js';
import { formatSignedNumber } from '../../shared/format/number.js';
import { isTargetCellEntry, netChanges as sharedNetChanges, type NetChange as SharedNetChange } from '../../shared/model/net-changes.js';
import type { ChangeLogEntryWithPerson } from '../workbook/queries.js';
import type { Workbook } from '../workbook/store.js';
import type { DocCell, DocCellStyle, DocSection } from './document.js';

export type { ChangeLogEntryWithPerson } from '../workbook/queries.js';

interface ChangeLogSectionCommon {
  /** The scenario the annex is for (its log is the section's content). */
  scenario: Scenario;
  /** The workbook's indicators, in annex order (rows follow it); names and decimals come from here. */
  indicators: readonly Indicator[];
  language: AnnexLanguage;
  /** Default 'net'. */
  mode?: ChangeLogMode | undefined;
  /**
   * Title lines, heading first (the annex's common title block: heading, document title, region
   * and period, scenario, date). Default: the heading and the scenario. A line naming the mode
   * ("Perubahan bersih per sel" / "Riwayat lengkap langkah demi langkah") is added after them.
   */
  titles?: readonly string[] | undefined;
  /** The Raperda header block (document.ts DocSection.headerBlock); default none. */
  headerBlock?: readonly string[] | undefined;
  /** The page footer's left part; default "Catatan Perubahan". */
  footer?: string | undefined;
  /** Printable width in column units to fill (gather.ts PAGE_UNITS: A4 140, F4 157); default 140. */
  pageUnits?: number | undefined;
}

/**
 * What `changeLogSection` needs. Either the open workbook (`wb`: the log is read with
 * `wb.reads.changeLogWithPeople(scenario.id)` and the justifications with
 * `wb.reads.targets(scenario.id)`), or both already read (`entries` oldest first, as
 * changeLogWithPeople returns them, and the current `justifications` by indicator id).
 */
export type ChangeLogSectionInput = ChangeLogSectionCommon &
  (
    | { wb: Workbook; entries?: undefined; justifications?: undefined }
    | { wb?: undefined; entries: readonly ChangeLogEntryWithPerson[]; justifications: ReadonlyMap<number, string> }
  );

/** The section's own words (the annex's shared labels live in labels.ts). */
export interface ChangeLogWords {
  heading: string;
  scenario: string;
  status: Record<string, string>;
  modeNet: string;
  modeFull: string;
  no: string;
  step: string;
  indicator: string;
  year: string;
  semula: string;
  menjadi: string;
  delta: string;
  at: string;
  who: string;
  action: string;
  justification: string;
  detail: string;
  nip: string;
  /** The OS account, when no person was recorded on the step. */
  account: (user: string) => string;
  atTheTime: (years: string) => string;
  derived: string;
  noChanges: string;
  noNetChanges: string;
  notesNet: (fromOriginal: boolean) => string[];
  noteAccount: string;
  notesFull: string[];
  created: (how: string, at: string, who: string) => string;
}

export const CHANGE_LOG_WORDS: Record<AnnexLanguage, ChangeLogWords> = {
  id: {
    heading: 'Catatan Perubahan',
    scenario: 'Skenario',
    status: { usulan: 'usulan', draft: 'draf' },
    modeNet: 'Perubahan bersih per sel: semula → menjadi, waktu, oleh siapa, dan alasannya',
    modeFull: 'Riwayat lengkap, langkah demi langkah',
    no: 'No',
    step: 'Langkah',
    indicator: 'Indikator (satuan)',
    year: 'Tahun',
    semula: 'Semula',
    menjadi: 'Menjadi',
    delta: 'Perubahan',
    at: 'Waktu (UTC)',
    who: 'Oleh',
    action: 'Tindakan',
    justification: 'Alasan perubahan',
    detail: 'Keterangan',
    nip: 'NIP',
    account: (user) => `akun komputer "${user}" (nama belum diisi)`,
    atTheTime: (years) => `Saat diubah (${years}):`,
    derived: 'turunan: dihitung dari pasangannya dan jumlah penduduk',
    noChanges: 'Belum ada perubahan tercatat.',
    noNetChanges: 'Tidak ada perubahan bersih: setiap sel yang pernah diubah kini bernilai sama dengan semula.',
    notesNet: (fromOriginal) => [
      `Semula = nilai sebelum perubahan pertama dalam skenario ini${fromOriginal ? ' (target awal RPJMD: skenario dibuat dari target awal)' : ''}; Menjadi = nilai sekarang; – = tidak ada nilai.`,
      'Sel yang diubah lalu kembali ke nilai semula (misalnya ditempel lalu diurungkan) tidak dimuat; langkah urung dan ulang tidak dirinci.',
      'Waktu dan Oleh: langkah yang memberi sel nilainya sekarang. Alasan perubahan: alasan yang berlaku sekarang; bila alasan pada saat diubah berbeda, alasan itu ditulis di bawahnya.',
      'Riwayat lengkap langkah demi langkah tersedia dengan pilihan ekspor "riwayat lengkap".',
    ],
    noteAccount: 'Bila nama perencana belum diisi pada profil pengguna, tertulis akun komputer yang membuat perubahan.',
    notesFull: [
      'Setiap langkah menurut urutan waktu, termasuk langkah yang kemudian diurungkan (ditandai "diurungkan") atau diulang (ditandai "diulang"). Langkah = nomor urut langkah; baris tanpa nomor termasuk langkah di atasnya.',
      'Semula dan Menjadi: nilai sebelum dan sesudah langkah itu; – = tidak ada nilai. Alasan perubahan: alasan pada saat langkah itu.',
    ],
    created: (how, at, who) => `Skenario dibuat${how ? ` ${how}` : ''} pada ${at} (UTC) oleh ${who}.`,
  },
  en: {
    heading: 'Change Log',
    scenario: 'Scenario',
    status: { usulan: 'proposal', draft: 'draft' },
    modeNet: 'Net change per cell: before → after, when, by whom, and why',
    modeFull: 'Full history, step by step',
    no: 'No',
    step: 'Step',
    indicator: 'Indicator (unit)',
    year: 'Year',
    semula: 'Before',
    menjadi: 'After',
    delta: 'Change',
    at: 'Time (UTC)',
    who: 'By',
    action: 'Action',
    justification: 'Justification',
    detail: 'Details',
    nip: 'NIP',
    account: (user) => `computer account "${user}" (no name given)`,
    atTheTime: (years) => `When changed (${years}):`,
    derived: 'derived: computed from its pair and the population',
    noChanges: 'No changes recorded yet.',
    noNetChanges: 'No net changes: every cell that was changed is back at its value before.',
    notesNet: (fromOriginal) => [
      `Before = the value before the first change in this scenario${fromOriginal ? ' (the original RPJMD target: the scenario was made from the original targets)' : ''}; After = the value now; – = no value.`,
      'Cells changed and changed back (for example pasted, then undone) are not listed; undo and redo steps are folded in, not itemised.',
      'Time and By: the step that gave the cell its current value. Justification: the one in force now; where the one recorded at the change differs, it follows.',
      'The full step-by-step history is available with the export option "full history".',
    ],
    noteAccount: 'Where the planner had not given a name in the user profile, the computer account that made the change is shown.',
    notesFull: [
      'Every step in time order, including steps later undone (marked "undone") or redone (marked "redone"). Step = the step number; rows without a number belong to the step above.',
      'Before and After: the value before and after that step; – = no value. Justification: the one recorded at that step.',
    ],
    created: (how, at, who) => `Scenario created${how ? ` ${how}` : ''} on ${at} (UTC) by ${who}.`,
  },
};

const HEAD: DocCellStyle = { bold: true, align: 'center', fill: 'header', wrap: true };
const WRAP: DocCellStyle = { wrap: true, valign: 'top' };
const text = (t: string, style: DocCellStyle = WRAP, span?: { colSpan?: number; rowSpan?: number }): DocCell => ({ kind: 'text', text: t, style, ...span });
const dash = (): DocCell => text('–', { align: 'center', valign: 'top' });
const num = (ind: Indicator | undefined, value: number | null): DocCell =>
  value === null ? dash() : { kind: 'number', value, decimals: ind?.decimals ?? 2, style: { align: 'right', valign: 'top' } };

/** "2021-08-23T03:15:09.123Z" → "2021-08-23 03:15". */
function when(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]}` : at;
}

/** The person on a step, or the OS account marked as such. */
export function whoText(e: { user: string; person: Person | null }, w: ChangeLogWords): string {
  const p = e.person;
  if (!p || p.name.trim() === '') return w.account(e.user);
  const lines = [p.name.trim()];
  if (p.nip.trim()) lines.push(`${w.nip} ${p.nip.trim()}`);
  if (p.title.trim()) lines.push(p.title.trim());
  return lines.join('\n');
}

function indicatorLabel(ind: Indicator | undefined, code: string, lang: AnnexLanguage): string {
  if (!ind) return code;
  return `${lang === 'en' ? ind.nameEn : ind.nameId} (${ind.unit})`;
}

function signedDelta(before: number | null, after: number | null, decimals: number, lang: AnnexLanguage): string {
  if (before === null || after === null) return '–';
  const factor = 10 ** decimals;
  const d = Math.round((after - before) * factor) / factor;
  if (lang === 'id') return formatSignedNumber(d, decimals);
  const t = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(d);
  return d > 0 ? `+${t}` : t;
}

/** Widths that fill `total`: fixed columns keep theirs, flex columns share the rest by weight. */
function widths(total: number, cols: ({ fixed: number } | { flex: number; min: number })[]): number[] {
  const fixed = cols.reduce((s, c) => s + ('fixed' in c ? c.fixed : 0), 0);
  const weight = cols.reduce((s, c) => s + ('flex' in c ? c.flex : 0), 0);
  const left = Math.max(0, total - fixed);
  return cols.map((c) => ('fixed' in c ? c.fixed : Math.max(c.min, Math.floor(((left * c.flex) / weight) * 2) / 2)));
}

function isCell(e: ChangeLogEntryWithPerson): boolean {
  return isTargetCellEntry(e);
}

/** The net change of one cell (shared/model/net-changes.ts), with the person on its step. */
export type NetChange = SharedNetChange<ChangeLogEntryWithPerson>;

/** The net change per cell of a scenario's log (oldest first): shared/model/net-changes.ts. */
export function netChanges(entries: readonly ChangeLogEntryWithPerson[], scenarioId: number): NetChange[] {
  return sharedNetChanges(entries, scenarioId);
}

/** The scenario.create note of the scenario, when its log has one. */
function creation(entries: readonly ChangeLogEntryWithPerson[], scenarioId: number): ChangeLogEntryWithPerson | undefined {
  return entries.find((e) => e.action === 'scenario.create' && e.kind === 'do' && e.scenarioId === scenarioId && e.year === null);
}

function fromOriginalTargets(created: ChangeLogEntryWithPerson | undefined): boolean {
  return created !== undefined && (created.detail === 'original' || created.detail === 'from original targets');
}

function netTable(entries: readonly ChangeLogEntryWithPerson[], input: ChangeLogSectionInput, justifications: ReadonlyMap<number, string>, w: ChangeLogWords, units: number): DocSection['table'] {
  const lang = input.language;
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  const order = new Map(input.indicators.map((i, n) => [i.code, n]));
  const changes = netChanges(entries, input.scenario.id).sort(
    (a, b) => (order.get(a.indicatorCode) ?? 1e9) - (order.get(b.indicatorCode) ?? 1e9) || a.indicatorCode.localeCompare(b.indicatorCode) || a.year - b.year,
  );
  const columns = widths(units, [{ fixed: 4 }, { flex: 3, min: 18 }, { fixed: 6 }, { fixed: 10 }, { fixed: 10 }, { fixed: 10 }, { fixed: 11 }, { flex: 3, min: 18 }, { flex: 5, min: 24 }]).map((width) => ({ width }));
  const header = [[w.no, w.indicator, w.year, w.semula, w.menjadi, w.delta, w.at, w.who, w.justification].map((t) => text(t, HEAD))];
  const body: DocCell[][] = [];
  if (changes.length === 0) {
    body.push([text(entries.some(isCell) ? w.noNetChanges : w.noChanges, { italic: true }, { colSpan: columns.length })]);
    return { columns, header, body, repeatColumns: 0 };
  }
  // One block per indicator: its number, name and justification span its years.
  const groups: NetChange[][] = [];
  for (const c of changes) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.indicatorCode === c.indicatorCode) g.push(c);
    else groups.push([c]);
  }
  groups.forEach((g, n) => {
    const ind = byCode.get(g[0]!.indicatorCode);
    const now = ind ? (justifications.get(ind.id) ?? '').trim() : '';
    // The justification recorded when each value was written, where it differs from today's.
    const then = new Map<string, number[]>();
    for (const c of g) {
      const j = (c.by.justification ?? '').trim();
      if (j === '' || j === now) continue;
      const years = then.get(j);
      if (years) years.push(c.year);
      else then.set(j, [c.year]);
    }
    const why = [now || '–', ...[...then].map(([j, years]) => `${w.atTheTime(years.join(', '))} ${j}`)].join('\n');
    const span = { rowSpan: g.length };
    g.forEach((c, i) => {
      const row: DocCell[] = [];
      if (i === 0) row.push(text(String(n + 1), { align: 'center', valign: 'top' }, span), text(indicatorLabel(ind, c.indicatorCode, lang), WRAP, span));
      row.push(
        text(String(c.year), { align: 'center', valign: 'top' }),
        num(ind, c.semula),
        num(ind, c.menjadi),
        text(signedDelta(c.semula, c.menjadi, ind?.decimals ?? 2, lang), { align: 'right', valign: 'top' }),
        text(when(c.by.at), WRAP),
        text(c.derived ? `${whoText(c.by, w)}\n(${w.derived})` : whoText(c.by, w)),
      );
      if (i === 0) row.push(text(why, WRAP, span));
      body.push(row);
    });
  });
  return { columns, header, body, repeatColumns: 0 };
}

function fullTable(entries: readonly ChangeLogEntryWithPerson[], input: ChangeLogSectionInput, w: ChangeLogWords, units: number): DocSection['table'] {
  const lang = input.language;
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  const columns = widths(units, [{ fixed: 5 }, { fixed: 11 }, { flex: 3, min: 16 }, { flex: 2, min: 14 }, { flex: 3, min: 16 }, { fixed: 6 }, { fixed: 9 }, { fixed: 9 }, { flex: 4, min: 18 }, { flex: 3, min: 14 }]).map((width) => ({ width }));
  const header = [[w.step, w.at, w.who, w.action, w.indicator, w.year, w.semula, w.menjadi, w.justification, w.detail].map((t) => text(t, HEAD))];
  const body: DocCell[][] = [];
  if (entries.length === 0) {
    body.push([text(w.noChanges, { italic: true }, { colSpan: columns.length })]);
    return { columns, header, body, repeatColumns: 0 };
  }
  let step = 0;
  let lastStep: number | null = null;
  for (const e of entries) {
    const first = e.changeStepId !== lastStep;
    if (first) step++;
    lastStep = e.changeStepId;
    const ind = e.indicatorCode ? byCode.get(e.indicatorCode) : undefined;
    const cell = e.year !== null;
    const detail = [e.derived ? DERIVED_WORDS[lang] : '', describeEntryDetail(e, lang)].filter(Boolean).join('; ');
    body.push([
      first ? text(String(step), { align: 'center', valign: 'top' }) : text(''),
      first ? text(when(e.at), WRAP) : text(''),
      first ? text(whoText(e, w)) : text(''),
      first ? text(describeEntryAction({ action: e.action, kind: e.kind, derived: false }, lang)) : text(''),
      text(e.indicatorCode ? indicatorLabel(ind, e.indicatorCode, lang) : ''),
      text(e.year === null ? '' : String(e.year), { align: 'center', valign: 'top' }),
      cell ? num(ind, e.oldValue) : text(''),
      cell ? num(ind, e.newValue) : text(''),
      text(e.justification ?? ''),
      text(detail.length > 500 ? `${detail.slice(0, 500)}…` : detail, { ...WRAP, size: 8 }),
    ]);
  }
  return { columns, header, body, repeatColumns: 0 };
}

/**
 * Catatan Perubahan as a document section (sheet "Catatan Perubahan"): the scenario's net change
 * per cell (mode 'net', the default) or its full history step by step (mode 'full'), in the
 * annex's language. See the module comment for what each column means.
 */
export function changeLogSection(input: ChangeLogSectionInput): DocSection {
  const lang = input.language;
  const w = CHANGE_LOG_WORDS[lang];
  const mode = input.mode ?? 'net';
  const units = input.pageUnits ?? 140;
  let entries: readonly ChangeLogEntryWithPerson[];
  let justifications: ReadonlyMap<number, string>;
  if (input.wb) {
    entries = input.wb.reads.changeLogWithPeople(input.scenario.id);
    justifications = new Map(input.wb.reads.targets(input.scenario.id).justifications.map((j) => [j.indicatorId, j.text]));
  } else {
    entries = input.entries;
    justifications = input.justifications;
  }
  const titles = input.titles?.length
    ? [...input.titles]
    : [w.heading.toUpperCase(), `${w.scenario}: ${input.scenario.name} (${w.status[input.scenario.status] ?? input.scenario.status})`];
  titles.push(mode === 'net' ? w.modeNet : w.modeFull);

  const created = creation(entries, input.scenario.id);
  const notes: string[] = [];
  if (created) notes.push(w.created(describeEntryDetail(created, lang), when(created.at), whoText(created, w).replace(/\n/g, ', ')));
  if (mode === 'net') {
    notes.push(...w.notesNet(fromOriginalTargets(created)));
    if (netChanges(entries, input.scenario.id).some((c) => !c.by.person)) notes.push(w.noteAccount);
  } else {
    notes.push(...w.notesFull);
    if (entries.some((e) => !e.person)) notes.push(w.noteAccount);
  }
  return {
    sheet: ANNEX_SHEETS[3],
    headerBlock: [...(input.headerBlock ?? [])],
    titles,
    table: mode === 'net' ? netTable(entries, input, justifications, w, units) : fullTable(entries, input, w, units),
    notes,
    footer: input.footer ?? w.heading,
  };
}
