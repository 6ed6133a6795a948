/**
 * Every kind of change a workbook records, as one union, and the one table every reader of a
 * change takes its words and rules from: the undo menu's label (id/en), the change log's word
 * (Catatan Perubahan), how kept check state catches up after it, and whether it makes an import
 * preview stale. A new kind of data adds its action here; the type checker then demands its row.
 */

export type ChangeAction =
  | 'scenario.create'
  | 'scenario.update'
  | 'scenario.delete'
  | 'scenario.status'
  | 'target.edit'
  | 'target.paste'
  | 'target.path'
  | 'target.clear'
  | 'justification.set'
  | 'reference.save'
  | 'reference.delete'
  | 'import.apply'
  | 'plan.update'
  | 'capaian.set'
  | 'method_break.save'
  | 'method_break.delete'
  | 'indicator.update'
  | 'value.edit'
  | 'programme.save'
  | 'programme.delete'
  | 'review.import'
  | 'review.respond';

/** A step as first made, or taken back (undo), or made again (redo). */
export const CHANGE_KINDS = ['do', 'undo', 'redo'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a step can change; decides how state kept beside the workbook catches up. */
export type ChangeScope = 'targets' | 'justifications' | 'scenarios' | 'references' | 'values' | 'settings' | 'indicators' | 'programmes' | 'reviews';

export interface Words {
  id: string;
  en: string;
}

export interface ActionInfo {
  /** Names the step in the undo/redo menu ("Urungkan tempel target"). */
  undo: Words;
  /** The change log's word for an entry of this action. */
  log: Words;
  /** Everything a step of this action may change. */
  scopes: readonly ChangeScope[];
}

/** A row for every action of `A`: missing one is a type error. */
export type ActionTable<A extends string> = { readonly [K in A]: ActionInfo };

export const CHANGE_ACTIONS: ActionTable<ChangeAction> = {
  'scenario.create': { undo: { id: 'buat skenario', en: 'create scenario' }, log: { id: 'Skenario dibuat', en: 'Scenario created' }, scopes: ['scenarios', 'targets', 'justifications'] },
  'scenario.update': { undo: { id: 'ubah skenario', en: 'edit scenario' }, log: { id: 'Skenario diubah', en: 'Scenario edited' }, scopes: ['scenarios'] },
  'scenario.delete': { undo: { id: 'hapus skenario', en: 'delete scenario' }, log: { id: 'Skenario dihapus', en: 'Scenario deleted' }, scopes: ['scenarios', 'targets', 'justifications'] },
  'scenario.status': { undo: { id: 'status skenario', en: 'scenario status' }, log: { id: 'Status skenario', en: 'Scenario status' }, scopes: ['scenarios'] },
  'target.edit': { undo: { id: 'ubah target', en: 'edit target' }, log: { id: 'Target diubah', en: 'Target edited' }, scopes: ['targets'] },
  'target.paste': { undo: { id: 'tempel target', en: 'paste targets' }, log: { id: 'Target ditempel', en: 'Targets pasted' }, scopes: ['targets'] },
  'target.path': { undo: { id: 'jalur target', en: 'target path' }, log: { id: 'Jalur target', en: 'Target path' }, scopes: ['targets'] },
  'target.clear': { undo: { id: 'hapus target', en: 'clear target' }, log: { id: 'Target dihapus', en: 'Target cleared' }, scopes: ['targets'] },
  'justification.set': { undo: { id: 'alasan perubahan', en: 'justification' }, log: { id: 'Alasan perubahan', en: 'Justification' }, scopes: ['justifications'] },
  'reference.save': { undo: { id: 'simpan acuan', en: 'save reference' }, log: { id: 'Acuan disimpan', en: 'Reference saved' }, scopes: ['references'] },
  'reference.delete': { undo: { id: 'hapus acuan', en: 'delete reference' }, log: { id: 'Acuan dihapus', en: 'Reference deleted' }, scopes: ['references'] },
  'import.apply': { undo: { id: 'impor', en: 'import' }, log: { id: 'Impor', en: 'Import' }, scopes: ['values', 'targets'] },
  'plan.update': { undo: { id: 'pengaturan buku kerja', en: 'workbook settings' }, log: { id: 'Pengaturan buku kerja', en: 'Workbook settings' }, scopes: ['settings'] },
  'capaian.set': { undo: { id: 'rumus capaian', en: 'achievement formula' }, log: { id: 'Rumus capaian', en: 'Achievement formula' }, scopes: ['settings'] },
  'method_break.save': { undo: { id: 'simpan perubahan metode', en: 'save method change' }, log: { id: 'Perubahan metode disimpan', en: 'Method change saved' }, scopes: ['settings'] },
  'method_break.delete': { undo: { id: 'hapus perubahan metode', en: 'delete method change' }, log: { id: 'Perubahan metode dihapus', en: 'Method change deleted' }, scopes: ['settings'] },
  'indicator.update': { undo: { id: 'ubah perangkat daerah', en: 'edit responsible agency' }, log: { id: 'Perangkat Daerah diubah', en: 'Responsible agency edited' }, scopes: ['indicators'] },
  'value.edit': { undo: { id: 'ubah data', en: 'edit data' }, log: { id: 'Data diubah', en: 'Data edited' }, scopes: ['values'] },
  'programme.save': { undo: { id: 'simpan program', en: 'save programme' }, log: { id: 'Program disimpan', en: 'Programme saved' }, scopes: ['programmes'] },
  'programme.delete': { undo: { id: 'hapus program', en: 'delete programme' }, log: { id: 'Program dihapus', en: 'Programme deleted' }, scopes: ['programmes'] },
  'review.import': { undo: { id: 'impor catatan evaluasi', en: 'import evaluation notes' }, log: { id: 'Catatan evaluasi diimpor', en: 'Evaluation notes imported' }, scopes: ['reviews'] },
  'review.respond': { undo: { id: 'tindak lanjut catatan evaluasi', en: 'evaluation note follow-up' }, log: { id: 'Tindak lanjut catatan evaluasi', en: 'Evaluation note followed up' }, scopes: ['reviews'] },
};

export const TARGET_ACTIONS = ['target.edit', 'target.paste', 'target.path', 'target.clear'] as const satisfies readonly ChangeAction[];
export type TargetAction = (typeof TARGET_ACTIONS)[number];

/** Words for how an entry came about; 'do' has none (the action says it). */
export const KIND_WORDS: { readonly [K in Exclude<ChangeKind, 'do'>]: Words } = {
  undo: { id: 'diurungkan', en: 'undone' },
  redo: { id: 'diulang', en: 'redone' },
};

/** The words of a derived entry: a count computed from its rate (or back) and population. */
export const DERIVED_WORDS: Words = { id: 'turunan', en: 'derived' };

export function isChangeAction(value: string): value is ChangeAction {
  return Object.prototype.hasOwnProperty.call(CHANGE_ACTIONS, value);
}

/**
 * Whether check state kept per scenario can catch up on a step by re-reading only the indicators
 * whose targets or justifications it changed; any other step (values, references, scenarios)
 * changes what every check reads, and the kept state starts over.
 */
export function catchesUpByIndicator(action: ChangeAction): boolean {
  return CHANGE_ACTIONS[action].scopes.every((s) => s === 'targets' || s === 'justifications');
}

/**
 * An import preview compares the file with values, revised targets, the indicators' Perangkat
 * Daerah, the programmes and the evaluation notes already kept: a step that may change any of
 * them makes it stale.
 */
export function makesImportStale(action: ChangeAction): boolean {
  return CHANGE_ACTIONS[action].scopes.some((s) => s === 'values' || s === 'targets' || s === 'scenarios' || s === 'indicators' || s === 'programmes' || s === 'reviews');
}

/**
 * How a change-log entry reads in a language: the action's word, then how it came about
 * ("Target ditempel (diurungkan)", "Target diubah (turunan)"). Unknown actions (a file from
 * elsewhere) are shown as stored.
 */
export function describeEntryAction(e: { action: string; kind: string; derived: boolean }, lang: 'id' | 'en'): string {
  const head = isChangeAction(e.action) ? CHANGE_ACTIONS[e.action].log[lang] : e.action;
  const marks: string[] = [];
  if (e.kind === 'undo' || e.kind === 'redo') marks.push(KIND_WORDS[e.kind][lang]);
  if (e.derived) marks.push(DERIVED_WORDS[lang]);
  return marks.length ? `${head} (${marks.join(', ')})` : head;
}

const STATUS_WORDS: Record<string, Words> = { draft: { id: 'draf', en: 'draft' }, usulan: { id: 'usulan', en: 'proposal (usulan)' } };

/** The capaian formulas a capaian.set entry names ("default→lower_a"). */
const FORMULA_WORDS: Record<string, Words> = {
  default: { id: 'bawaan menurut polaritas', en: "the polarity's default" },
  higher: { id: 'realisasi ÷ target (makin tinggi makin baik)', en: 'realisation ÷ target (higher is better)' },
  lower_a: { id: 'target ÷ realisasi (makin rendah makin baik)', en: 'target ÷ realisation (lower is better)' },
  lower_b: { id: '2 − realisasi ÷ target (makin rendah makin baik)', en: '2 − realisation ÷ target (lower is better)' },
};

const REFERENCE_KIND_WORDS: Record<string, Words> = {
  level: { id: 'tingkat', en: 'level' },
  annual_change: { id: 'perubahan per tahun', en: 'annual change' },
};
const COMPARISON_SIGNS: Record<string, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };

/** "RPJMN 2020–2024: level le 7 (2024)" as stored → "RPJMN 2020–2024: tingkat ≤ 7 (2024)"; null when it is not that shape. */
function describeReference(d: string, lang: 'id' | 'en'): string | null {
  const m = /^(.*): (level|annual_change) (lt|le|eq|ge|gt) (-?[0-9.e+-]+)( \((\d{4})\))?$/s.exec(d);
  if (!m) return null;
  const value = lang === 'id' ? m[4]!.replace('.', ',') : m[4]!;
  return `${m[1]!}: ${REFERENCE_KIND_WORDS[m[2]!]![lang]} ${COMPARISON_SIGNS[m[3]!]!} ${value}${m[5] ?? ''}`;
}

/**
 * Where a cell's value came from, as the write path stores it (electron/annex/apply.ts): "Impor:
 * f.xlsx, Lampiran I!F12", then "(angka sementara "*")" or "(catatan kaki "ᵉ" dibuang)". Stored in
 * Indonesian; an English reader gets it in English.
 */
function describeWhere(d: string, lang: 'id' | 'en'): string {
  if (lang === 'id') return d;
  return d
    .replace(/^Impor: /, 'Import: ')
    .replace(/ \(angka sementara "([^"]*)"\)$/, ' (provisional figure "$1")')
    .replace(/ \(catatan kaki "([^"]*)" dibuang\)$/, ' (footnote "$1" dropped)');
}

/** The names of the settings and indicator fields a plan.update or indicator.update entry names. */
const FIELD_WORDS: Record<string, Words> = {
  revision_date: { id: 'tanggal perubahan', en: 'revision date' },
  capaian_bands: { id: 'skala capaian', en: 'capaian bands' },
  annex_document_number: { id: 'nomor Raperda', en: 'Raperda number' },
  annex_document_year: { id: 'tahun Raperda', en: 'Raperda year' },
  amended_regulation: { id: 'Perda yang diubah', en: 'regulation amended' },
  responsible_unit: { id: 'Perangkat Daerah', en: 'responsible agency' },
  // An evaluation note's follow-up (review.respond).
  status: { id: 'status tindak lanjut', en: 'follow-up status' },
  response: { id: 'tindak lanjut', en: 'follow-up' },
};

/** Values a field change may hold that are codes, worded (an evaluation note's status). */
const FIELD_VALUE_WORDS: Record<string, Record<string, Words>> = {
  status: { belum: { id: 'belum ditindaklanjuti', en: 'not yet followed up' }, ditindaklanjuti: { id: 'ditindaklanjuti', en: 'followed up' } },
};

/** One changed field as an entry's detail stores it: [column, before, after]. */
export type FieldChange = [field: string, before: string | number | null, after: string | number | null];

/**
 * The detail of a step that changes fields of one row (plan.update, indicator.update), stored as
 * data: a JSON list of [column, before, after] — free text (a regulation's title) may hold any
 * separator, so it is never split out of a sentence.
 */
export function fieldChangesDetail(changes: readonly FieldChange[]): string {
  return JSON.stringify(changes);
}

function describeFieldChanges(d: string, lang: 'id' | 'en'): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(d);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const shown = (field: unknown, v: unknown) =>
    v === null || v === undefined || v === '' ? '–' : (FIELD_VALUE_WORDS[String(field)]?.[String(v)]?.[lang] ?? String(v));
  return parsed
    .filter((c): c is unknown[] => Array.isArray(c) && c.length === 3)
    .map(([field, before, after]) => `${FIELD_WORDS[String(field)]?.[lang] ?? String(field)}: ${shown(field, before)} → ${shown(field, after)}`)
    .join('; ');
}

/**
 * The detail of an entry, worded for a reader. Details are stored as data (the text before a
 * justification changed, where a scenario came from, a status change); entries written before
 * schema v4 stored English sentences, which are worded too where their shape is known ("from
 * original targets", "draft → usulan", "was: …"), so an Indonesian reader meets no English and no
 * codes. Anything else is shown as stored.
 */
export function describeEntryDetail(e: { action: string; detail: string | null }, lang: 'id' | 'en'): string {
  const d = e.detail;
  if (d === null || d === '') return '';
  const en = lang === 'en';
  switch (e.action) {
    case 'justification.set': {
      const old = d.startsWith('was: ') ? d.slice(5) : d;
      return en ? `was: ${old}` : `semula: ${old}`;
    }
    case 'scenario.create': {
      // Before v4: "from original targets", "from scenario "X"", "from empty".
      const source = d.startsWith('from ') ? d.slice(5) : d;
      if (source === 'original' || source === 'original targets') return en ? 'from the original targets' : 'dari target awal';
      if (source === 'empty') return en ? 'empty' : 'kosong';
      if (source.startsWith('scenario:')) return en ? `from scenario "${source.slice(9)}"` : `dari skenario "${source.slice(9)}"`;
      const legacy = /^scenario "(.*)"$/s.exec(source);
      if (legacy) return en ? `from scenario "${legacy[1]!}"` : `dari skenario "${legacy[1]!}"`;
      return d;
    }
    case 'scenario.update': {
      // Before v4: 'name: "A" → "B"; description changed' (either part alone).
      const parts = d.split('; ');
      if (parts.every((p) => p === 'description changed' || /^name: ".*" → ".*"$/s.test(p))) {
        return parts
          .map((p) => {
            if (p === 'description changed') return en ? 'description changed' : 'uraian diubah';
            const m = /^name: "(.*)" → "(.*)"$/s.exec(p)!;
            return en ? `renamed "${m[1]!}" → "${m[2]!}"` : `nama "${m[1]!}" → "${m[2]!}"`;
          })
          .join('; ');
      }
      return en ? `was named "${d}"` : `nama semula "${d}"`;
    }
    case 'scenario.status': {
      // "draft→usulan"; before v4 "draft → usulan".
      const m = /^(\w+)\s*→\s*(\w+)$/.exec(d);
      if (!m) return d;
      const word = (s: string) => STATUS_WORDS[s]?.[lang] ?? s;
      return `${word(m[1]!)} → ${word(m[2]!)}`;
    }
    case 'capaian.set': {
      const m = /^(\w+)→(\w+)$/.exec(d);
      if (!m) return d;
      const word = (f: string) => FORMULA_WORDS[f]?.[lang] ?? f;
      return `${word(m[1]!)} → ${word(m[2]!)}`;
    }
    case 'reference.save':
      return describeReference(d, lang) ?? d;
    case 'reference.delete': {
      try {
        const row = JSON.parse(d) as Record<string, unknown>;
        if (typeof row.label === 'string' && typeof row.kind === 'string' && typeof row.comparison === 'string' && typeof row.value === 'number') {
          const year = typeof row.year === 'number' ? ` (${row.year})` : '';
          return describeReference(`${row.label}: ${row.kind} ${row.comparison} ${row.value}${year}`, lang) ?? d;
        }
      } catch {
        // not JSON: shown as stored
      }
      return d;
    }
    case 'import.apply':
    case 'review.import':
    case 'target.edit':
    case 'target.paste':
    case 'target.path':
    case 'target.clear':
      return describeWhere(d, lang);
    case 'indicator.update':
    case 'review.respond':
      return describeFieldChanges(d, lang) ?? d;
    case 'plan.update':
      if (d.startsWith('[')) return describeFieldChanges(d, lang) ?? d;
      // Written before the annex header joined the settings: "revision_date:a→b; capaian_bands:c→d".
      return d
        .split('; ')
        .map((part) => {
          const m = /^(revision_date|capaian_bands):(.*)→(.*)$/.exec(part);
          if (!m) return part;
          const name = m[1] === 'revision_date' ? (en ? 'revision date' : 'tanggal perubahan') : en ? 'capaian bands' : 'skala capaian';
          return `${name}: ${m[2] || '–'} → ${m[3] || '–'}`;
        })
        .join('; ');
    case 'scenario.delete': {
      try {
        const parsed = JSON.parse(d) as { targets?: unknown[]; justifications?: unknown[] };
        const t = parsed.targets?.length ?? 0;
        const j = parsed.justifications?.length ?? 0;
        return en ? `${t} targets and ${j} justifications deleted with it` : `${t} target dan ${j} alasan ikut dihapus`;
      } catch {
        return d;
      }
    }
    default:
      return d;
  }
}
