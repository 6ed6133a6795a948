/**
 * Spreadsheet import, step 1: read a file into a preview of what would change. Nothing is
 * written here (apply.ts writes a confirmed preview).
 *
 * Layouts:
 * - annex: our own export (round trip). Lampiran I gives kondisi awal (baseline), Semula
 *   (original_target) and Menjadi (the revised targets of the scenario named in its title, or of
 *   the scenario the caller picks) — a row each per indicator (since schema v5; columns per year
 *   before) — with each indicator's Alasan Perubahan and Perangkat Daerah; Lampiran II gives
 *   realisations.
 * - template: a header row `[Kode |] Indikator | Satuan | <year> | <year> …` on any sheet (or a
 *   CSV); every number goes to the series the caller picks.
 * - programmes: a programme list (its header decides).
 * - review: the province's evaluation workbook (review-import.ts), its notes; checked first.
 *
 * Indicators are matched by code or name (Indonesian or English; case, accents and spacing
 * ignored). Numbers written as text are read in the file's number convention (decimal comma or
 * point), decided from its unambiguous cells before any cell is read
 * (shared/format/number-convention.ts): the layouts first collect the cells, then the collector
 * decides and reads them in order. BPS footnote marks are allowed: "*" and "**" (angka
 * sementara) are kept as the value's provisional status, other marks are stripped and noted.
 * Each refused cell or row is reported with sheet, row and column. In Electron this runs in the
 * services' worker thread, never on the UI thread.
 */
import type { CellLocation, CellText, ImportCell, ImportConvention, ImportIssue, ImportJustification, ImportLayout, ImportNotice, ImportPreview, ImportProgramme, ImportProgrammes, ImportProgrammeYear, ImportRejection, ImportResponsibleUnit, ImportSeries, ImportTarget } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import { horizonOf, PROGRAMME_CLUSTERS, type Indicator, type Plan, type Programme, type ProgrammeCluster, type ProgrammeStrategy, type Scenario } from '../../shared/domain.js';
import { formatExact } from '../../shared/format/number.js';
import { ConventionTally, numberShape, readInConvention, type ColumnRule, type ConventionDecision, type NumberShape } from '../../shared/format/number-convention.js';
import { checkCellValue, rulesFor } from '../../shared/model/cell-rules.js';
import { MAX_HOUSEHOLDS } from '../workbook/editors/programmes.js';
import type { Workbook } from '../workbook/store.js';
import { importSource } from './apply.js';
import { findReviewHeader, readReviewSheet } from './review-import.js';
import type { Grid, RawCell } from './grid.js';
import { cellAt, readGrids, sortedRows, textAt } from './grid.js';
import { HEADER_WORDS } from './labels.js';
import { IMPORT_LIMITS } from './limits.js';
import { columnLetter } from './sheet-style.js';

export type PreviewBody = Omit<ImportPreview, 'previewId'>;

/**
 * Lower case, accents removed, spacing collapsed: "Indeks  Pembangunan  Manusia" = "indeks pembangunan manusia".
 * A text longer than any name (a hostile 2 MB cell) matches nothing and is not normalized: the
 * header search compares a cell with every header word, and normalizing megabytes each time cost
 * seconds of CPU and garbage (fuzz seed 1967216644, case 1068: 14.8 s for one CSV).
 */
export function normalizeName(s: string): string {
  if (s.length > IMPORT_LIMITS.maxLabelText) return `\u0000${s.length}`;
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

const PLACEHOLDERS = new Set(['-', '–', '—', '..', '...', '…', 'n/a', 'na', 'n.a.', 'n.a', 'x', '(x)', 'tad', 't.a.d.']);

const UNIT_SYNONYMS: Record<string, string> = {
  persen: '%', percent: '%', 'persen (%)': '%', '(%)': '%',
  orang: 'jiwa', people: 'jiwa', persons: 'jiwa', 'jiwa (orang)': 'jiwa',
  index: 'indeks', poin: 'indeks', points: 'indeks',
};

function unitKey(u: string): string {
  const n = normalizeName(u).replace(/\s/g, '');
  return UNIT_SYNONYMS[n] ?? UNIT_SYNONYMS[normalizeName(u)] ?? n;
}

const isWord = (text: string, words: readonly string[]) => {
  const n = normalizeName(text);
  return words.some((w) => normalizeName(w) === n);
};

function yearOf(cell: RawCell | undefined): number | null {
  if (!cell) return null;
  const t = cell.kind === 'number' ? String(cell.value) : cell.kind === 'text' ? cell.text.trim() : '';
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= 1945 && y <= 2100 ? y : null;
}

/** Finds indicators by code, Indonesian or English name; names may carry a trailing "(satuan)". */
class IndicatorIndex {
  private readonly keys = new Map<string, Set<number>>();
  private readonly byId: Map<number, Indicator>;

  constructor(indicators: readonly Indicator[]) {
    this.byId = new Map(indicators.map((i) => [i.id, i]));
    for (const ind of indicators) for (const k of [ind.code, ind.nameId, ind.nameEn]) this.add(normalizeName(k), ind.id);
  }

  private add(key: string, id: number): void {
    if (!key) return;
    const set = this.keys.get(key) ?? new Set<number>();
    set.add(id);
    this.keys.set(key, set);
  }

  find(text: string): { ind: Indicator } | { problem: 'unknown_indicator' | 'ambiguous_indicator' } {
    const n = normalizeName(text);
    let hits = this.keys.get(n);
    if (!hits) {
      // "Persentase Penduduk Miskin (%)": RPJMD tables put the unit after the name.
      const bare = n.replace(/\s*\([^()]*\)$/, '');
      if (bare !== n) hits = this.keys.get(bare);
    }
    if (!hits || hits.size === 0) return { problem: 'unknown_indicator' };
    if (hits.size > 1) return { problem: 'ambiguous_indicator' };
    return { ind: this.byId.get([...hits][0]!)! };
  }
}

/** BPS marks for provisional figures: "*" angka sementara, "**" angka sangat sementara. */
const PROVISIONAL_MARKS = new Set(['*', '**']);

const at = (c: CellText) => `${c.sheet}!${c.column}${c.row} "${c.text}"`;
const decimalWord = (d: ',' | '.') => (d === ',' ? 'a decimal comma' : 'a decimal point');

/** What the workbook holds for a cell the file names. */
interface Current {
  value: number;
  provisional: boolean;
}

/** A number cell as read in the file's convention. */
interface Parsed {
  value: number;
  footnote: string | undefined;
  /** Whether the text carries BPS's provisional mark; null for a stored number, which cannot say. */
  marked: boolean | null;
  /** The text as written (capped), '' for a stored number. */
  text: string;
  /** How an ambiguous text was read, for a refusal's message (and its params). */
  note: string;
  readingParams: Record<string, string> | undefined;
}

/**
 * Accumulates the preview while the sheets are read. The layouts call cell(), reject() and
 * notice() in reading order; until resolve() these are only recorded (and the number texts
 * tallied), so the number convention is decided from the whole file before any cell is read.
 * resolve() then replays them in the same order.
 */
class Collector {
  readonly new: ImportCell[] = [];
  readonly changed: ImportCell[] = [];
  unchanged = 0;
  readonly rejected: ImportIssue<ImportRejection>[] = [];
  readonly notices: ImportIssue<ImportNotice>[] = [];
  private rejectedCount = 0;
  private readonly seen = new Set<string>();
  private readonly current = new Map<string, Current>();
  private readonly tally = new ConventionTally();
  private readonly steps: (() => void)[] = [];
  private deferring = true;
  private decision: ConventionDecision | null = null;

  constructor(
    private readonly wb: Workbook,
    private readonly plan: Plan,
  ) {
    for (const v of wb.values()) this.current.set(`${v.series}::${v.indicatorId}:${v.year}`, { value: v.value, provisional: v.provisional });
  }

  loadScenario(s: Scenario): void {
    for (const t of this.wb.reads.targets(s.id).targets) this.current.set(`revised_target:${s.id}:${t.indicatorId}:${t.year}`, { value: t.value, provisional: false });
  }

  reject(sheet: string, row: number, col: number, code: ImportRejection, message: string, params?: Record<string, string>): void {
    if (this.deferring) {
      this.steps.push(() => this.reject(sheet, row, col, code, message, params));
      return;
    }
    this.rejectedCount++;
    if (this.rejected.length < IMPORT_LIMITS.maxListedRejections) this.rejected.push({ sheet, row, column: columnLetter(col), code, message, ...(params ? { params } : {}) });
  }

  notice(sheet: string, row: number, col: number, code: ImportNotice, message: string, params?: Record<string, string>): void {
    if (this.deferring) {
      this.steps.push(() => this.notice(sheet, row, col, code, message, params));
      return;
    }
    if (this.notices.length < IMPORT_LIMITS.maxListedRejections) this.notices.push({ sheet, row, column: columnLetter(col), code, message, ...(params ? { params } : {}) });
  }

  /** Decides the number convention from every tallied text, then reads the cells in order. */
  resolve(): ConventionDecision {
    const decision = this.tally.decide();
    this.decision = decision;
    this.deferring = false;
    if (decision.assumed) {
      const { first, count } = decision.assumed;
      const read = readInConvention(first.text, ',', { allowFootnotes: true });
      const shown = read.ok ? formatExact(read.value) : first.text;
      this.notice(first.sheet, first.row, columnNumber(first.column), 'convention_assumed',
        `No cell in this file shows whether it writes decimals with a comma or a point; ${count} cell(s) such as ${at(first)} were read the id-ID way (decimal comma: ${shown}). If the file uses decimal points, correct it or write one number unambiguously (e.g. 12.32)`,
        { cells: formatExact(count), cell: `${first.sheet}!${first.column}${first.row}`, text: first.text, value: shown });
    }
    for (const step of this.steps) step();
    this.steps.length = 0;
    return decision;
  }

  finish(): void {
    const hidden = this.rejectedCount - this.rejected.length;
    if (hidden > 0) this.notice('', 0, 1, 'too_many_rejections', `${hidden} more rejected cells are not listed`);
  }

  private yearsFor(series: ImportSeries): [number, number] {
    const p = this.plan;
    if (series === 'baseline') return [p.baselineYear, p.baselineYear];
    // The Perda's original targets end with the plan; revised targets, realisations and the rest
    // may reach the RPKD/RPD horizon (schema v7).
    if (series === 'original_target') return [p.firstYear, p.lastYear];
    if (series === 'revised_target') return [p.firstYear, horizonOf(p)];
    return [p.baselineYear, horizonOf(p)];
  }

  /** One value cell: its text tallied for the convention now, read once the convention is decided. */
  cell(g: Grid, row: number, col: number, ind: Indicator, year: number, series: ImportSeries, scenarioId: number | null): void {
    const raw = cellAt(g, row, col);
    if (!raw) return;
    let shape: NumberShape | undefined;
    if (raw.kind === 'text' && !raw.mergedCopy) {
      const t = raw.text.trim();
      if (PLACEHOLDERS.has(t.toLowerCase())) return;
      if (t.length <= IMPORT_LIMITS.maxNumberText) {
        shape = numberShape(t, { allowFootnotes: true });
        this.tally.add({ sheet: g.name, row, column: columnLetter(col), text: t }, shape);
      }
    }
    this.steps.push(() => this.read(g, row, col, raw, shape, ind, year, series, scenarioId));
  }

  /** Runs `step` in reading order: recorded until resolve(), at once after it. */
  later(step: () => void): void {
    if (this.deferring) this.steps.push(step);
    else step();
  }

  /**
   * A number cell of a layout with rules of its own (programmes): its text tallied for the
   * convention now; once decided, read and handed to `take` — or refused here (not a number, the
   * other convention, ambiguous), and then `refused` is called.
   */
  number(g: Grid, row: number, col: number, raw: RawCell, take: (p: Parsed) => void, refused: () => void): void {
    let shape: NumberShape | undefined;
    if (raw.kind === 'text' && !raw.mergedCopy) {
      const t = raw.text.trim();
      if (t.length <= IMPORT_LIMITS.maxNumberText) {
        shape = numberShape(t, { allowFootnotes: true });
        this.tally.add({ sheet: g.name, row, column: columnLetter(col), text: t }, shape);
      }
    }
    this.later(() => {
      const parsed = this.parse(g, row, col, raw, shape);
      if (parsed) take(parsed);
      else refused();
    });
  }

  /** Why an ambiguous text read in a convention became this value, for a refusal's message (and its params). */
  private reading(text: string, shape: NumberShape | undefined, rule: ColumnRule, value: number): { note: string; params?: Record<string, string> } {
    if (shape?.kind !== 'ambiguous' || rule.decimal === null) return { note: '' };
    const why = rule.scope === 'assumed' ? 'no cell in the file decides, so the id-ID default' : rule.decidedBy ? `as ${at(rule.decidedBy)} shows` : 'the file\'s convention';
    const params = { text, value: formatExact(value), decimal: rule.decimal, decidedBy: rule.scope === 'assumed' || !rule.decidedBy ? '' : at(rule.decidedBy) };
    return { note: ` ("${text}" read with ${decimalWord(rule.decimal)}: ${formatExact(value)}; ${why})`, params };
  }

  /**
   * A number cell read in the decided convention (a percent-formatted cell as shown): the value,
   * or null when the cell is skipped (a placeholder, a merged copy) or refused (reported here).
   */
  private parse(g: Grid, row: number, col: number, raw: RawCell, shape: NumberShape | undefined): Parsed | null {
    let value: number;
    let footnote: string | undefined;
    /** Whether the cell carries BPS's provisional mark; null for a stored number, which cannot say. */
    let marked: boolean | null = null;
    let note = '';
    let readingParams: Record<string, string> | undefined;
    let text = '';
    const where = `${g.name}!${columnLetter(col)}${row}`;
    switch (raw.kind) {
      case 'number':
        if (raw.mergedCopy) return null;
        value = raw.value;
        if (raw.percent) {
          // A cell formatted as percent holds 0,1232 for 12,32 %: read what the author saw.
          value = Number((value * 100).toPrecision(12));
          this.notice(g.name, row, col, 'percent_format', `${where}: percent-formatted cell read as ${value}`);
        }
        break;
      case 'text': {
        if (raw.mergedCopy) return null;
        const t = raw.text.trim();
        if (PLACEHOLDERS.has(t.toLowerCase())) return null;
        // No number is written with 100 characters: a huge text cell is refused before it is parsed.
        if (t.length > IMPORT_LIMITS.maxNumberText || !shape) {
          this.reject(g.name, row, col, 'not_a_number', `${where}: "${t.slice(0, 40)}…" (${t.length} characters) is not a number`, { text: `${t.slice(0, 40)}…` });
          return null;
        }
        const rule = this.decision!.rule(g.name, columnLetter(col));
        const parsed = readInConvention(t, rule.decimal, { allowFootnotes: true }, shape);
        if (!parsed.ok) {
          const shown = t.slice(0, 40);
          if (parsed.reason === 'other_convention' && shape.kind === 'decisive') {
            const by = rule.decidedBy ? ` (${at(rule.decidedBy)})` : '';
            this.reject(g.name, row, col, 'convention_mismatch', `${where}: "${shown}" writes decimals with ${decimalWord(shape.decimal)}, but column ${columnLetter(col)} of ${g.name} writes them with ${decimalWord(rule.decimal!)}${by}; correct the cell`,
              { text: shown, decimal: shape.decimal, columnDecimal: rule.decimal!, column: columnLetter(col), decidedBy: rule.decidedBy ? at(rule.decidedBy) : '' });
          } else if (parsed.reason === 'ambiguous' && shape.kind === 'ambiguous') {
            const readings = [readInConvention(t, ',', { allowFootnotes: true }, shape), readInConvention(t, '.', { allowFootnotes: true }, shape)].map((r) => (r.ok ? formatExact(r.value) : '?'));
            const both = rule.both ? ` (${at(rule.both[0])}; ${at(rule.both[1])})` : '';
            this.reject(g.name, row, col, 'ambiguous_number', `${where}: "${shown}" is ${readings[0]} with a decimal comma or ${readings[1]} with a decimal point, and the file writes decimals both ways${both} with no cell deciding column ${columnLetter(col)}; write it unambiguously`,
              { text: shown, comma: readings[0]!, point: readings[1]!, column: columnLetter(col), both: rule.both ? `${at(rule.both[0])}; ${at(rule.both[1])}` : '' });
          } else {
            this.reject(g.name, row, col, 'not_a_number', `${where}: "${shown}" is not a number (${parsed.reason})`, { text: shown });
          }
          return null;
        }
        value = parsed.value;
        footnote = parsed.footnote;
        text = t.slice(0, 40);
        marked = footnote !== undefined && PROVISIONAL_MARKS.has(footnote);
        ({ note, params: readingParams } = this.reading(text, shape, rule, value));
        break;
      }
      case 'formula_without_value':
        this.reject(g.name, row, col, 'formula_without_value', `${where}: a formula without a saved result; open and save the file in Excel first`);
        return null;
      case 'error':
        this.reject(g.name, row, col, 'cell_error', `${where}: the cell holds an error (${raw.text})`, { text: raw.text.slice(0, 40) });
        return null;
      default:
        this.reject(g.name, row, col, 'not_a_number', `${where}: not a number${raw.text ? ` (${raw.text})` : ''}`, { text: (raw.text ?? '').slice(0, 40) });
        return null;
    }
    return { value, footnote, marked, text, note, readingParams };
  }

  private read(g: Grid, row: number, col: number, raw: RawCell, shape: NumberShape | undefined, ind: Indicator, year: number, series: ImportSeries, scenarioId: number | null): void {
    const parsed = this.parse(g, row, col, raw, shape);
    if (!parsed) return;
    const { value, footnote, marked, text, note, readingParams } = parsed;
    const where = `${g.name}!${columnLetter(col)}${row}`;
    // Revised targets are the planner's own, not BPS figures: a mark there is only noted.
    const status = series === 'revised_target' ? null : marked;
    if (footnote && status !== true) this.notice(g.name, row, col, 'footnote_stripped', `${where}: footnote mark "${footnote}" stripped from "${text}"`);
    const [from, to] = this.yearsFor(series);
    if (year < from || year > to) {
      this.reject(g.name, row, col, 'year_outside_plan', `${where}: ${year} is outside ${from}–${to} for this series`, { year: String(year), from: String(from), to: String(to) });
      return;
    }
    const rules = rulesFor(ind, series);
    const problem = checkCellValue(rules, value);
    if (problem === 'too_many_decimals') {
      this.reject(g.name, row, col, 'too_many_decimals', `${where}: ${value} has more decimals than ${ind.code} keeps (${ind.decimals})${note}`,
        { number: String(value), code: ind.code, decimals: String(ind.decimals), ...readingParams });
      return;
    }
    if (problem) {
      const range = `${rules.minValue ?? '−∞'}–${rules.maxValue ?? '∞'} ${ind.unit}`;
      this.reject(g.name, row, col, 'out_of_range', `${where}: ${value} is outside ${range} for ${ind.code}${note}`,
        { number: String(value), code: ind.code, min: rules.minValue === null ? '' : String(rules.minValue), max: rules.maxValue === null ? '' : String(rules.maxValue), unit: ind.unit, ...readingParams });
      return;
    }
    const key = `${series}:${scenarioId ?? ''}:${ind.id}:${year}`;
    if (this.seen.has(key)) {
      this.reject(g.name, row, col, 'duplicate', `${where}: ${ind.code} ${year} appears twice in the file`, { code: ind.code, year: String(year) });
      return;
    }
    this.seen.add(key);
    const old = this.current.get(key);
    // A text states the status (marked or not); a stored number says nothing, so an equal one keeps it.
    const statusChanged = status !== null && old !== undefined && status !== old.provisional;
    const cell: ImportCell = {
      sheet: g.name, row, column: columnLetter(col), indicatorId: ind.id, indicatorCode: ind.code, year, series, scenarioId,
      oldValue: old?.value ?? null, newValue: value, ...(footnote ? { footnote } : {}), ...(status ? { provisional: true } : {}), ...(old?.provisional ? { oldProvisional: true } : {}),
    };
    if (old === undefined) this.new.push(cell);
    else if (old.value !== value || statusChanged) this.changed.push(cell);
    else this.unchanged++;
  }
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The preview's statement of the convention (null when no cell needed one). */
function conventionOf(decision: ConventionDecision): ImportConvention | null {
  const s = decision.summary;
  if (!s) return null;
  return { decimal: s.decimal, thousands: s.thousands, decidedBy: s.decidedBy, ...(s.perColumn ? { perColumn: s.perColumn } : {}) };
}

interface Context {
  wb: Workbook;
  plan: Plan;
  index: IndicatorIndex;
  out: Collector;
  scenarios: Scenario[];
}

/** The row (within the first 30) whose cells name the indicator column; with its column. */
function findHeader(g: Grid): { row: number; indicatorCol: number } | null {
  for (const r of sortedRows(g)) {
    if (r > 30) break;
    for (const [c] of g.rows.get(r)!) {
      if (isWord(textAt(g, r, c), HEADER_WORDS.indicator)) return { row: r, indicatorCol: c };
    }
  }
  return null;
}

function columnWith(g: Grid, row: number, words: readonly string[]): number | null {
  for (const [c] of g.rows.get(row) ?? []) if (isWord(textAt(g, row, c), words)) return c;
  return null;
}

/** Resolves the indicator of a data row, rejecting the row (once) when it names none we know. */
function rowIndicator(ctx: Context, g: Grid, row: number, nameCol: number, codeCol: number | null, unitCol: number | null, hasValues: boolean): Indicator | null {
  const code = codeCol !== null ? textAt(g, row, codeCol) : '';
  const name = textAt(g, row, nameCol);
  if (!code && !name) {
    if (hasValues) ctx.out.reject(g.name, row, nameCol, 'unknown_indicator', `${g.name}!${columnLetter(nameCol)}${row}: numbers without an indicator name`);
    return null;
  }
  const found = ctx.index.find(code || name);
  if ('problem' in found) {
    // A group heading ("A", "Indikator Makro") carries no numbers: skipped silently.
    if (hasValues) {
      const col = code ? codeCol! : nameCol;
      const text = (code || name).slice(0, 60);
      ctx.out.reject(g.name, row, col, found.problem, `${g.name}!${columnLetter(col)}${row}: ${found.problem === 'ambiguous_indicator' ? 'several indicators match' : 'no indicator matches'} "${text}"`, { text: text.slice(0, 60) });
    }
    return null;
  }
  const ind = found.ind;
  if (unitCol !== null) {
    const unit = textAt(g, row, unitCol);
    if (unit && unitKey(unit) !== unitKey(ind.unit)) {
      if (hasValues) ctx.out.reject(g.name, row, unitCol, 'unit_mismatch', `${g.name}!${columnLetter(unitCol)}${row}: unit "${unit.slice(0, 30)}" differs from ${ind.code}'s unit "${ind.unit}"`, { unit: unit.slice(0, 30), code: ind.code, expected: ind.unit });
      return null;
    }
  }
  return ind;
}

/** Whether a row has a value of its own in any of `cols` (copies of a merged label do not count). */
function hasAny(g: Grid, row: number, cols: Iterable<number>): boolean {
  for (const c of cols) {
    const cell = cellAt(g, row, c);
    if (cell && !('mergedCopy' in cell && cell.mergedCopy)) return true;
  }
  return false;
}

function noteFormulas(ctx: Pick<Context, 'out'>, g: Grid): void {
  let first: [number, number] | null = null;
  let count = 0;
  for (const r of sortedRows(g)) {
    for (const [c, cell] of g.rows.get(r)!) {
      if (cell.kind === 'number' && cell.formula) {
        count++;
        first ??= [r, c];
      }
    }
  }
  if (first) ctx.out.notice(g.name, first[0], first[1], 'formula_cached_value', `${g.name}: ${count} formula cell(s) read as their saved results (formulas are never run)`);
  for (const n of g.notes) ctx.out.notice(g.name, n.row, n.col, 'note_ignored', `${g.name}!${columnLetter(n.col)}${n.row}: the cell's note (comment) is ignored`);
}

// ---------------------------------------------------------------- template layout

function parseTemplate(ctx: Context, g: Grid, target: ImportTarget, scenarioId: number | null): boolean {
  const header = findHeader(g);
  if (!header) return false;
  const years = new Map<number, number>();
  for (const [c, cell] of g.rows.get(header.row)!) {
    const y = yearOf(cell);
    if (y !== null) years.set(c, y);
  }
  if (years.size === 0) return false;
  noteFormulas(ctx, g);
  const codeCol = columnWith(g, header.row, HEADER_WORDS.code);
  const unitCol = columnWith(g, header.row, HEADER_WORDS.unit);
  for (const r of sortedRows(g)) {
    if (r <= header.row) continue;
    const ind = rowIndicator(ctx, g, r, header.indicatorCol, codeCol, unitCol, hasAny(g, r, years.keys()));
    if (!ind) continue;
    for (const [c, year] of years) ctx.out.cell(g, r, c, ind, year, target.series, scenarioId);
  }
  return true;
}

// ---------------------------------------------------------------- annex layout

const SCENARIO_LINE = /^(?:Skenario|Scenario)\s*:\s*(.+?)(?:\s+\((?:usulan|draf|draft|proposal)\))?$/i;

function annexScenario(ctx: Context, g: Grid, headerRow: number, target: ImportTarget): Scenario | null {
  if (target.series === 'revised_target' && target.scenarioId !== undefined) {
    return ctx.scenarios.find((s) => s.id === target.scenarioId) ?? null;
  }
  for (const r of sortedRows(g)) {
    if (r >= headerRow) break;
    for (const [c] of g.rows.get(r)!) {
      // A title line is short; a huge cell would make the lazy pattern backtrack quadratically.
      const line = textAt(g, r, c);
      const m = line.length <= 300 ? SCENARIO_LINE.exec(line) : null;
      if (!m) continue;
      const name = m[1]!.trim();
      const s = ctx.scenarios.find((x) => x.name === name) ?? ctx.scenarios.find((x) => normalizeName(x.name) === normalizeName(name));
      if (!s) ctx.out.reject(g.name, r, c, 'unknown_scenario', `${g.name}!${columnLetter(c)}${r}: the workbook has no scenario "${name.slice(0, 60)}"; its Menjadi columns are skipped (choose a scenario to import them into)`, { name: name.slice(0, 60) });
      return s ?? null;
    }
  }
  return null;
}

/** What Lampiran I carries besides numbers: each indicator's Alasan Perubahan and Perangkat Daerah, where they differ from the workbook's. */
interface AnnexTexts {
  justifications: ImportJustification[];
  responsibleUnits: ImportResponsibleUnit[];
}

/** Lampiran I as this app writes it since schema v5: a Semula row and a Menjadi row per indicator. */
function parseLampiranI(ctx: Context, g: Grid, target: ImportTarget, texts: AnnexTexts): Scenario | null {
  const header = findHeader(g);
  if (!header) return null;
  const h1 = header.row;
  const labelCol = columnWith(g, h1, HEADER_WORDS.targetRow);
  if (labelCol === null) return parseLampiranILegacy(ctx, g, target);
  const h2 = h1 + 1;
  const scenario = annexScenario(ctx, g, h1, target);
  const years = new Map<number, number>();
  for (const [c, cell] of g.rows.get(h2) ?? []) {
    const y = yearOf(cell);
    if (y !== null) years.set(c, y);
  }
  let baselineCol: { col: number; year: number } | null = null;
  for (const [c] of g.rows.get(h1)!) {
    const text = textAt(g, h1, c);
    const y = /\((\d{4})\)$/.exec(text);
    if (y && isWord(text.replace(/\s*\(\d{4}\)$/, ''), HEADER_WORDS.baseline)) baselineCol = { col: c, year: Number(y[1]) };
  }
  const unitCol = columnWith(g, h1, HEADER_WORDS.unit);
  const whyCol = columnWith(g, h1, HEADER_WORDS.justification);
  const unitsCol = columnWith(g, h1, HEADER_WORDS.responsibleUnit);
  noteFormulas(ctx, g);
  const valueCols = [...years.keys(), ...(baselineCol ? [baselineCol.col] : [])];
  const current = new Map(scenario ? ctx.wb.reads.targets(scenario.id).justifications.map((j) => [j.indicatorId, j.text]) : []);
  /** Takes an indicator's Alasan Perubahan read at (r, col), where it differs from the scenario's. */
  const takeJustification = (ind: Indicator, why: string, r: number, col: number) => {
    // A blank Alasan Perubahan changes nothing: an import never deletes a planner's text.
    if (scenario && why && why !== (current.get(ind.id) ?? '')) {
      texts.justifications.push({ sheet: g.name, row: r, column: columnLetter(col), indicatorId: ind.id, indicatorCode: ind.code, scenarioId: scenario.id, oldText: current.get(ind.id) ?? null, newText: why });
    }
  };
  let previous = h2;
  /** The indicator of the last Semula row: a justification row under its pair belongs to it. */
  let pairOf: Indicator | null = null;
  for (const r of sortedRows(g)) {
    if (r <= h2) continue;
    // The justification row (since the layout of 2026-11): its label in column A, the text after the Semula/Menjadi column.
    if (r === previous + 1 && whyCol === null && isWord(ownText(g, r, 1), HEADER_WORDS.justification)) {
      previous = r;
      if (pairOf) takeJustification(pairOf, ownText(g, r, labelCol + 1), r, labelCol + 1);
      pairOf = null;
      continue;
    }
    // The table ends at its first empty row; the legend and signature block follow.
    if (r !== previous + 1 || (!textAt(g, r, header.indicatorCol) && !hasAny(g, r, valueCols))) break;
    previous = r;
    const label = textAt(g, r, labelCol);
    const series: ImportSeries | null = isWord(label, HEADER_WORDS.original) ? 'original_target' : isWord(label, HEADER_WORDS.revised) ? 'revised_target' : null;
    if (series === null) continue; // a group row ("A  Indikator Makro")
    // The name, unit and texts span both rows: the Semula row holds them, the Menjadi row has copies.
    const ind = rowIndicator(ctx, g, r, header.indicatorCol, null, series === 'original_target' ? unitCol : null, hasAny(g, r, valueCols));
    if (!ind) continue;
    if (series === 'revised_target' && !scenario) continue;
    for (const [c, year] of years) ctx.out.cell(g, r, c, ind, year, series, series === 'revised_target' ? scenario!.id : null);
    if (series !== 'original_target') continue;
    pairOf = ind;
    if (baselineCol) ctx.out.cell(g, r, baselineCol.col, ind, baselineCol.year, 'baseline', null);
    // An annex written with an Alasan Perubahan column (earlier in schema v5) carries it on the Semula row.
    if (whyCol !== null) takeJustification(ind, ownText(g, r, whyCol), r, whyCol);
    if (unitsCol !== null) {
      const shown = ownText(g, r, unitsCol);
      const unit = !shown || PLACEHOLDERS.has(shown) ? null : shown;
      if (unit !== (ind.responsibleUnit?.trim() || null)) {
        texts.responsibleUnits.push({ sheet: g.name, row: r, column: columnLetter(unitsCol), indicatorId: ind.id, indicatorCode: ind.code, oldValue: ind.responsibleUnit, newValue: unit });
      }
    }
  }
  return scenario;
}

/** A text cell's own text (a merged copy or a number gives ''), trimmed and capped at 2.000 characters. */
function ownText(g: Grid, row: number, col: number): string {
  const c = cellAt(g, row, col);
  if (!c || c.kind !== 'text' || c.mergedCopy) return '';
  return c.text.trim().slice(0, 2000);
}

/** Lampiran I as written before schema v5: Kondisi awal, then Semula/Menjadi columns per year; Kondisi akhir repeats the last year and is skipped. */
function parseLampiranILegacy(ctx: Context, g: Grid, target: ImportTarget): Scenario | null {
  const header = findHeader(g);
  if (!header) return null;
  const h1 = header.row;
  const h2 = h1 + 1;
  const columns = new Map<number, { year: number; series: ImportSeries }>();
  const scenario = annexScenario(ctx, g, h1, target);
  for (const [c] of g.rows.get(h1)!) {
    const text = textAt(g, h1, c);
    if (isWord(text.replace(/\s*\(\d{4}\)$/, ''), HEADER_WORDS.baseline)) {
      const y = /\((\d{4})\)$/.exec(text);
      if (y) columns.set(c, { year: Number(y[1]), series: 'baseline' });
    }
  }
  for (const [c] of g.rows.get(h2) ?? []) {
    const sub = textAt(g, h2, c);
    const year = yearOf(cellAt(g, h1, c));
    if (year === null) continue; // Kondisi akhir: a label, not a year
    if (isWord(sub, HEADER_WORDS.original)) columns.set(c, { year, series: 'original_target' });
    else if (isWord(sub, HEADER_WORDS.revised) && scenario) columns.set(c, { year, series: 'revised_target' });
  }
  noteFormulas(ctx, g);
  const unitCol = columnWith(g, h1, HEADER_WORDS.unit);
  let previous = h2;
  for (const r of sortedRows(g)) {
    if (r <= h2) continue;
    // The table ends at its first empty row; the legend and signature block follow.
    if (r !== previous + 1 || (!textAt(g, r, header.indicatorCol) && !hasAny(g, r, columns.keys()))) break;
    previous = r;
    const ind = rowIndicator(ctx, g, r, header.indicatorCol, null, unitCol, hasAny(g, r, columns.keys()));
    if (!ind) continue;
    for (const [c, { year, series }] of columns) ctx.out.cell(g, r, c, ind, year, series, series === 'revised_target' ? scenario!.id : null);
  }
  return scenario;
}

/** Lampiran II: one row per realisation (Tahun, Realisasi); the targets there repeat Lampiran I. */
function parseLampiranII(ctx: Context, g: Grid): void {
  const header = findHeader(g);
  if (!header) return;
  const yearCol = columnWith(g, header.row, HEADER_WORDS.year);
  const realCol = columnWith(g, header.row, HEADER_WORDS.realisation);
  if (yearCol === null || realCol === null) return;
  noteFormulas(ctx, g);
  const unitCol = columnWith(g, header.row, HEADER_WORDS.unit);
  let previous = header.row + 1;
  for (const r of sortedRows(g)) {
    if (r <= header.row + 1) continue;
    if (r !== previous + 1 || (!textAt(g, r, header.indicatorCol) && !cellAt(g, r, realCol))) break;
    previous = r;
    const year = yearOf(cellAt(g, r, yearCol));
    if (year === null) continue; // "Belum ada data realisasi"
    const ind = rowIndicator(ctx, g, r, header.indicatorCol, null, unitCol, true);
    if (!ind) continue;
    ctx.out.cell(g, r, realCol, ind, year, 'realisation', null);
  }
}

// ---------------------------------------------------------------- programmes layout

type ProgrammeField = 'program' | 'cluster' | 'agency' | 'year' | 'households' | 'benefit' | 'accuracy' | 'budget' | 'source';

/**
 * The programmes layout's header words: a CONTRACT (issue 17 item 2). A sheet is read as a
 * programme list when one of its first 30 rows has the seven required columns; Anggaran and Sumber
 * are optional. Indonesian or English, compared with case, accents and every space ignored.
 */
export const PROGRAMME_HEADER_WORDS: Readonly<Record<ProgrammeField, readonly [string, string]>> = {
  program: ['Program', 'Programme'],
  cluster: ['Klaster', 'Cluster'],
  agency: ['Perangkat Daerah', 'Agency'],
  year: ['Tahun', 'Year'],
  households: ['Rumah Tangga Sasaran', 'Households'],
  benefit: ['Manfaat per Rumah Tangga per Bulan (Rp)', 'Benefit per Household per Month (Rp)'],
  accuracy: ['Ketepatan Sasaran (%)', 'Targeting Accuracy (%)'],
  budget: ['Anggaran', 'Budget'],
  source: ['Sumber', 'Source'],
};
const REQUIRED_PROGRAMME_FIELDS: readonly ProgrammeField[] = ['program', 'cluster', 'agency', 'year', 'households', 'benefit', 'accuracy'];

/** A header or cluster word without case, accents, spaces or underscores: "Bantuan  Sosial" = "bantuan_sosial". */
const squeeze = (s: string) => normalizeName(s).replace(/[\s_]+/g, '');

const PROGRAMME_HEADER_KEYS = new Map<string, ProgrammeField>(
  (Object.entries(PROGRAMME_HEADER_WORDS) as [ProgrammeField, readonly string[]][]).flatMap(([field, words]) => words.map((w) => [squeeze(w), field] as const)),
);

/** Klaster cells: the Indonesian words, the codes, and the English words. */
const CLUSTER_WORDS: Readonly<Record<ProgrammeCluster, readonly string[]>> = {
  bantuan_sosial: ['Bantuan Sosial', 'Social Assistance'],
  pemberdayaan: ['Pemberdayaan', 'Empowerment'],
  usaha_mikro: ['Usaha Mikro', 'Micro Enterprise', 'Micro Enterprises'],
  layanan_dasar: ['Layanan Dasar', 'Basic Services'],
};
const CLUSTER_KEYS = new Map<string, ProgrammeCluster>(
  PROGRAMME_CLUSTERS.flatMap((c) => [c, ...CLUSTER_WORDS[c]].map((w) => [squeeze(w), c] as const)),
);

/** The Inpres 4/2022 strategy a cluster serves, when the file gives none (its header has no strategy). */
export const DEFAULT_STRATEGY: Readonly<Record<ProgrammeCluster, ProgrammeStrategy>> = {
  bantuan_sosial: 'beban_pengeluaran',
  pemberdayaan: 'pendapatan',
  usaha_mikro: 'pendapatan',
  layanan_dasar: 'kantong_kemiskinan',
};

type NumberField = 'households' | 'benefit' | 'accuracy' | 'budget';
const NUMBER_FIELDS: readonly NumberField[] = ['households', 'benefit', 'accuracy', 'budget'];

/** Each number's range and whether it is whole (people and rupiah are). */
const PROGRAMME_RULES: Readonly<Record<NumberField, { max: number; whole: boolean; unit: string }>> = {
  households: { max: MAX_HOUSEHOLDS, whole: true, unit: 'rumah tangga' },
  benefit: { max: 1e9, whole: true, unit: 'Rp' },
  accuracy: { max: 100, whole: false, unit: '%' },
  budget: { max: Number.MAX_SAFE_INTEGER, whole: true, unit: 'Rp' },
};

interface ProgrammeHeader {
  row: number;
  cols: Partial<Record<ProgrammeField, number>>;
}

/** The row (within the first 30) that names every required column of a programme list, with the columns it names. */
function findProgrammeHeader(g: Grid): ProgrammeHeader | null {
  for (const r of sortedRows(g)) {
    if (r > 30) break;
    const cols: Partial<Record<ProgrammeField, number>> = {};
    for (const [c, cell] of g.rows.get(r)!) {
      if (cell.kind !== 'text') continue;
      const field = PROGRAMME_HEADER_KEYS.get(squeeze(cell.text));
      if (field && cols[field] === undefined) cols[field] = c;
    }
    if (REQUIRED_PROGRAMME_FIELDS.every((f) => cols[f] !== undefined)) return { row: r, cols };
  }
  return null;
}

/** A header row naming a programme column and at least two more, but not all seven: the required columns it lacks. */
function nearProgrammeHeader(g: Grid): { sheet: string; missing: string[] } | null {
  for (const r of sortedRows(g)) {
    if (r > 30) break;
    const found = new Set<ProgrammeField>();
    for (const [, cell] of g.rows.get(r)!) {
      const field = cell.kind === 'text' ? PROGRAMME_HEADER_KEYS.get(squeeze(cell.text)) : undefined;
      if (field) found.add(field);
    }
    if (found.has('program') && found.size >= 3) return { sheet: g.name, missing: REQUIRED_PROGRAMME_FIELDS.filter((f) => !found.has(f)).map((f) => PROGRAMME_HEADER_WORDS[f][0]) };
  }
  return null;
}

/** A data row of a programme list while its cells are read. */
interface ProgrammeRow {
  g: Grid;
  row: number;
  cols: Partial<Record<ProgrammeField, number>>;
  name: string;
  cluster: string;
  agency: string;
  source: string;
  numbers: Partial<Record<NumberField, number>>;
  /** The number cells refused as they were read. */
  refused: Set<NumberField>;
  /** A cell of the row was refused: the row is not taken. */
  bad: boolean;
}

const FIELD_WORDS: Readonly<Record<NumberField, string>> = { households: 'households', benefit: 'benefit', accuracy: 'targeting accuracy', budget: 'budget' };

/** A programme the file names, gathered over its rows. */
interface ProgrammeDraft {
  at: CellLocation;
  name: string;
  existing: Programme | undefined;
  cluster: { value: ProgrammeCluster; at: string } | null;
  /** Where the cluster was read, for the strategy notice. */
  clusterCell: { sheet: string; row: number; col: number } | null;
  agency: { value: string; at: string } | null;
  years: ImportProgrammeYear[];
}

class ProgrammeReader {
  readonly drafts: ProgrammeDraft[] = [];
  private readonly byKey = new Map<string, ProgrammeDraft>();
  private readonly stored = new Map<string, Programme>();
  private readonly first: number;
  private readonly last: number;

  constructor(
    private readonly out: Collector,
    private readonly fileName: string,
    plan: Plan,
    programmes: readonly Programme[],
  ) {
    for (const p of programmes) if (!this.stored.has(normalizeName(p.name))) this.stored.set(normalizeName(p.name), p);
    this.first = plan.firstYear;
    this.last = horizonOf(plan);
  }

  private text(g: Grid, row: number, col: number | undefined): string {
    if (col === undefined) return '';
    const t = textAt(g, row, col).replace(/[\s\u00a0]+/g, ' ').slice(0, 2000);
    return PLACEHOLDERS.has(t.toLowerCase()) ? '' : t;
  }

  private refuse(d: ProgrammeRow, field: ProgrammeField, code: ImportRejection, message: string, params: Record<string, string>): void {
    const col = d.cols[field]!;
    d.bad = true;
    this.out.reject(d.g.name, d.row, col, code, `${d.g.name}!${columnLetter(col)}${d.row}: ${message}`, { field, ...(d.name ? { programme: d.name.slice(0, 60) } : {}), ...params });
  }

  /** Reads a sheet's rows under its header: the numbers through the collector (the file's convention), the rest once they are read. */
  read(g: Grid, header: ProgrammeHeader): void {
    const used = Object.values(header.cols);
    for (const r of sortedRows(g)) {
      if (r <= header.row) continue;
      if (!hasAny(g, r, used)) continue;
      const d: ProgrammeRow = {
        g, row: r, cols: header.cols, name: this.text(g, r, header.cols.program), cluster: this.text(g, r, header.cols.cluster),
        agency: this.text(g, r, header.cols.agency), source: this.text(g, r, header.cols.source), numbers: {}, refused: new Set(), bad: false,
      };
      for (const field of NUMBER_FIELDS) {
        const col = header.cols[field];
        if (col === undefined) continue;
        const raw = cellAt(g, r, col);
        if (!raw || ('mergedCopy' in raw && raw.mergedCopy)) continue;
        let cell = raw;
        if (raw.kind === 'text') {
          // "Rp 250.000", "Rp250.000,-": the currency before the number, the accounting dash after it.
          const t = raw.text.trim().replace(/^rp\.?\s*/i, '').replace(/,-$/, '');
          if (!t || PLACEHOLDERS.has(t.toLowerCase())) continue;
          cell = { kind: 'text', text: t, mergedCopy: false };
        }
        this.out.number(g, r, col, cell, (p) => this.take(d, field, p), () => {
          d.bad = true;
          d.refused.add(field);
        });
      }
      this.out.later(() => this.finish(d));
    }
  }

  /** A number read in the file's convention, against its field's rules. */
  private take(d: ProgrammeRow, field: NumberField, p: Parsed): void {
    const col = d.cols[field]!;
    const where = `${d.g.name}!${columnLetter(col)}${d.row}`;
    if (p.footnote) this.out.notice(d.g.name, d.row, col, 'footnote_stripped', `${where}: footnote mark "${p.footnote}" stripped from "${p.text}"`);
    const rule = PROGRAMME_RULES[field];
    const shown = formatExact(p.value);
    if (p.value < 0 || p.value > rule.max) {
      d.refused.add(field);
      // The budget has no upper bound worth naming: its range reads "from 0".
      const open = rule.max === Number.MAX_SAFE_INTEGER;
      this.refuse(d, field, 'out_of_range', `${shown} is outside ${open ? 'the range from 0' : `0–${formatExact(rule.max)}`} ${rule.unit}${p.note}`, { number: String(p.value), min: '0', max: open ? '' : String(rule.max), unit: rule.unit, ...p.readingParams });
      return;
    }
    if (rule.whole && !Number.isInteger(p.value)) {
      d.refused.add(field);
      this.refuse(d, field, 'too_many_decimals', `${shown} is not a whole number (${field === 'households' ? 'households are' : 'rupiah are'} whole)${p.note}`, { number: String(p.value), decimals: '0', ...p.readingParams });
      return;
    }
    d.numbers[field] = p.value;
  }

  private finish(d: ProgrammeRow): void {
    const { g, row } = d;
    const yearCol = d.cols.year!;
    const yearText = this.text(g, row, yearCol);
    if (!d.name) {
      this.refuse(d, 'program', 'missing_value', 'the row has no programme name', {});
      return;
    }
    const key = normalizeName(d.name);
    const draft = this.byKey.get(key);
    const existing = draft?.existing ?? this.stored.get(key);
    let year: number | null = null;
    if (!yearText) this.refuse(d, 'year', 'missing_value', `${d.name.slice(0, 60)}: the row has no year`, {});
    else if ((year = yearOf(cellAt(g, row, yearCol))) === null) this.refuse(d, 'year', 'not_a_number', `"${yearText.slice(0, 40)}" is not a year`, { text: yearText.slice(0, 40) });
    else if (year < this.first || year > this.last) {
      this.refuse(d, 'year', 'year_outside_plan', `${year} is outside ${this.first}–${this.last} (the plan's years and its horizon)`, { year: String(year), from: String(this.first), to: String(this.last) });
    }
    let cluster: ProgrammeCluster | null = null;
    if (d.cluster) {
      cluster = CLUSTER_KEYS.get(squeeze(d.cluster)) ?? null;
      if (!cluster) this.refuse(d, 'cluster', 'unknown_cluster', `"${d.cluster.slice(0, 40)}" is not a cluster (Bantuan Sosial, Pemberdayaan, Usaha Mikro, Layanan Dasar)`, { text: d.cluster.slice(0, 40) });
    } else if (!existing && !draft?.cluster) {
      this.refuse(d, 'cluster', 'missing_value', `${d.name.slice(0, 60)}: a new programme needs its cluster`, {});
    }
    const old = year === null ? undefined : existing?.years.find((y) => y.year === year);
    if (year !== null) {
      for (const field of ['households', 'benefit', 'accuracy'] as const) {
        // An empty cell (or "-") never clears a value: a year the workbook has keeps it; a new year needs it.
        if (d.numbers[field] === undefined && !d.refused.has(field) && !old) {
          this.refuse(d, field, 'missing_value', `${d.name.slice(0, 60)} ${year}: the ${FIELD_WORDS[field]} is empty`, {});
        }
      }
    }
    if (d.bad || year === null) return;
    if (d.bad) return;
    const here = (field: ProgrammeField) => `${g.name}!${columnLetter(d.cols[field]!)}${row}`;
    if (draft?.cluster && cluster && cluster !== draft.cluster.value) {
      this.refuse(d, 'cluster', 'programme_conflict', `${d.name.slice(0, 60)} is in cluster "${draft.cluster.value}" at ${draft.cluster.at}, not "${cluster}"`, { first: draft.cluster.at, text: d.cluster.slice(0, 40) });
    }
    if (draft?.agency && d.agency && normalizeName(d.agency) !== normalizeName(draft.agency.value)) {
      this.refuse(d, 'agency', 'programme_conflict', `${d.name.slice(0, 60)} is run by "${draft.agency.value.slice(0, 60)}" at ${draft.agency.at}, not "${d.agency.slice(0, 60)}"`, { first: draft.agency.at, text: d.agency.slice(0, 60) });
    }
    if (draft?.years.some((y) => y.year === year)) {
      this.refuse(d, 'year', 'duplicate', `${d.name.slice(0, 60)} ${year} appears twice in the file`, { code: d.name.slice(0, 60), year: String(year) });
    }
    if (d.bad) return;
    let p = draft;
    if (!p) {
      const col = d.cols.program!;
      p = { at: { sheet: g.name, row, column: columnLetter(col) }, name: existing?.name ?? d.name, existing, cluster: null, clusterCell: null, agency: null, years: [] };
      this.byKey.set(key, p);
      this.drafts.push(p);
    }
    if (cluster && !p.cluster) {
      p.cluster = { value: cluster, at: here('cluster') };
      p.clusterCell = { sheet: g.name, row, col: d.cols.cluster! };
    }
    if (d.agency && !p.agency) p.agency = { value: d.agency, at: here('agency') };
    const n = d.numbers;
    const households = n.households ?? old!.households;
    const benefit = n.benefit ?? old!.benefit;
    const accuracy = n.accuracy ?? old!.accuracy;
    const budget = n.budget ?? old?.budget ?? null;
    const same = old !== undefined && old.households === households && old.benefit === benefit && old.accuracy === accuracy && old.budget === budget;
    const source = d.source || (same ? old.source : importSource(this.fileName, { sheet: g.name, row, column: columnLetter(yearCol) }));
    p.years.push({
      sheet: g.name, row, column: columnLetter(yearCol), year,
      status: !old ? 'new' : same && source === old.source ? 'unchanged' : 'changed',
      oldValues: old ?? null,
      newValues: { year, households, benefit, accuracy, budget, source },
    });
  }

  /** The programmes with their fields settled (a strategy from its cluster where needed, said in a notice) and the counts. */
  result(): ImportProgrammes {
    const programmes: ImportProgramme[] = [];
    const counts = { new: 0, changed: 0, unchanged: 0, changes: 0 };
    for (const p of this.drafts) {
      const e = p.existing;
      const cluster = p.cluster?.value ?? e!.cluster;
      const keepStrategy = e !== undefined && e.cluster === cluster;
      const strategy = keepStrategy ? e.strategy : DEFAULT_STRATEGY[cluster];
      if (!keepStrategy) {
        const at = p.clusterCell!;
        this.out.notice(at.sheet, at.row, at.col, 'strategy_defaulted', `${at.sheet}!${columnLetter(at.col)}${at.row}: ${p.name.slice(0, 60)} serves the strategy "${strategy}" of its cluster "${cluster}" (the file has no strategy column; change it in the Intervensi view)`,
          { programme: p.name.slice(0, 60), cluster, strategy });
      }
      const agency = p.agency?.value ?? e?.agency ?? '';
      const given = new Set(p.years.map((y) => y.year));
      const illustrative = e ? e.illustrative && !e.years.every((y) => given.has(y.year)) : false;
      const fieldsChanged = e !== undefined && (e.cluster !== cluster || e.strategy !== strategy || e.agency !== agency || e.illustrative !== illustrative);
      let yearChanges = 0;
      for (const y of p.years) {
        counts[y.status]++;
        if (y.status !== 'unchanged') yearChanges++;
      }
      counts.changes += yearChanges + (fieldsChanged && yearChanges === 0 ? 1 : 0);
      programmes.push({
        ...p.at, programmeId: e?.id ?? null, name: p.name,
        status: !e ? 'new' : fieldsChanged || yearChanges > 0 ? 'changed' : 'unchanged',
        cluster, strategy, strategyDefaulted: !keepStrategy, agency, illustrative,
        old: e ? { cluster: e.cluster, strategy: e.strategy, agency: e.agency, illustrative: e.illustrative } : null,
        years: p.years.sort((a, b) => a.year - b.year),
      });
    }
    return { programmes, ...counts };
  }
}

/**
 * Reads `bytes` (named `fileName`: .xlsx or .csv) into a preview. Throws AppError 'refused_file'
 * for files the caps or format refuse, 'bad_input' when no sheet has a layout we read.
 */
export async function previewImport(wb: Workbook, fileName: string, bytes: Buffer, target: ImportTarget): Promise<PreviewBody> {
  const plan = wb.plan();
  const scenarios = wb.reads.scenarios();
  const grids = await readGrids(fileName, bytes);
  const out = new Collector(wb, plan);
  const csv = grids.length === 1 && grids[0]!.encoding ? grids[0]! : null;
  if (csv?.encoding === 'windows-1252') {
    const place = csv.encodingAt ?? { row: 1, col: 1, text: '' };
    out.notice(csv.name, place.row, place.col, 'encoding_windows_1252', `${fileName} is not UTF-8: read as Windows-1252 (Excel's plain "CSV" on Windows)${place.text ? `; check the letters in ${csv.name}!${columnLetter(place.col)}${place.row} "${place.text}"` : ''}`,
      { text: place.text });
  }

  // An evaluation workbook of the province (review-import.ts): its header decides, before every
  // other layout — its Kode | Indikator | Satuan columns must never be read as a template's.
  const review = grids.map((g) => ({ g, header: findReviewHeader(g) })).find((x) => x.header !== null);
  if (review) {
    noteFormulas({ out }, review.g);
    const index = new IndicatorIndex(wb.indicators());
    const findIndicator = (text: string) => {
      const hit = index.find(text);
      return 'ind' in hit ? hit.ind : null;
    };
    const reviews = readReviewSheet({ fileName, plan, findIndicator, byCode: wb.indicatorIndex().byCode, kept: wb.reads.reviewNotes(), out }, review.g, review.header!);
    out.resolve();
    out.finish();
    return {
      fileName, layout: 'review', scenario: null, new: [], changed: [], unchanged: 0,
      rejected: out.rejected, notices: out.notices, convention: null, encoding: csv?.encoding ?? null, reviews,
    };
  }

  const lampiranI = grids.find((g) => g.name === 'Lampiran I');
  const annexHeader = lampiranI ? findHeader(lampiranI) : null;
  // Ours: Semula/Menjadi as a label column (since schema v5) or as sub-headers of each year (before).
  const isAnnex = lampiranI && annexHeader &&
    (columnWith(lampiranI, annexHeader.row, HEADER_WORDS.targetRow) !== null || columnWith(lampiranI, annexHeader.row + 1, [...HEADER_WORDS.original, ...HEADER_WORDS.revised]) !== null);

  // A programme list: its header decides, whatever series the caller picked.
  const programmeSheets = isAnnex ? [] : grids.flatMap((g) => {
    const header = findProgrammeHeader(g);
    return header ? [{ g, header }] : [];
  });
  if (programmeSheets.length > 0) {
    const reader = new ProgrammeReader(out, fileName, plan, wb.reads.programmes());
    for (const { g, header } of programmeSheets) {
      noteFormulas({ out }, g);
      reader.read(g, header);
    }
    const decision = out.resolve();
    const programmes = reader.result();
    out.finish();
    return {
      fileName, layout: 'programmes', scenario: null, new: [], changed: [], unchanged: 0,
      rejected: out.rejected, notices: out.notices, convention: conventionOf(decision), encoding: csv?.encoding ?? null, programmes,
    };
  }

  let scenario: Scenario | null = null;
  if (target.series === 'revised_target') {
    if (target.scenarioId === undefined) throw new AppError('bad_input', 'Importing revised targets needs the scenario they belong to', {}, 'target.scenarioId');
    scenario = scenarios.find((s) => s.id === target.scenarioId) ?? null;
    if (!scenario) throw new AppError('not_found', `Scenario ${target.scenarioId} does not exist`, { scenarioId: target.scenarioId }, 'target.scenarioId');
    if (scenario.status === 'usulan') throw new AppError('frozen', `Scenario "${scenario.name}" is the proposal (usulan) and is frozen: return it to draft before importing into it`, { reason: 'frozen', scenarioId: scenario.id, scenario: scenario.name }, 'target.scenarioId');
  }
  for (const s of scenarios) out.loadScenario(s);
  const ctx: Context = { wb, plan, index: new IndicatorIndex(wb.indicators()), out, scenarios };

  let layout: ImportLayout = 'template';
  const texts: AnnexTexts = { justifications: [], responsibleUnits: [] };
  if (isAnnex) {
    layout = 'annex';
    scenario = parseLampiranI(ctx, lampiranI, target, texts);
    const lampiranII = grids.find((g) => g.name === 'Lampiran II');
    if (lampiranII) parseLampiranII(ctx, lampiranII);
  } else {
    let read = 0;
    for (const g of grids) if (parseTemplate(ctx, g, target, scenario?.id ?? null)) read++;
    if (read === 0) {
      // A sheet that looks like a programme list but lacks a required column is not one: say which columns it lacks.
      const near = grids.map(nearProgrammeHeader).find((m) => m !== null);
      const programmeHint = near ? `; a programme list needs the columns ${REQUIRED_PROGRAMME_FIELDS.map((f) => PROGRAMME_HEADER_WORDS[f][0]).join(' | ')} (${near.sheet} lacks ${near.missing.join(', ')})` : '';
      throw new AppError('bad_input', `${fileName}: no sheet has a header row with "Indikator" and year columns (e.g. Indikator | Satuan | 2021 | 2022); download the template to see the layout${programmeHint}`,
        { file: fileName, reason: 'no_layout', ...(near ? { missing: near.missing.join(', ') } : {}) });
    }
  }
  const decision = out.resolve();
  out.finish();
  return {
    fileName,
    layout,
    scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
    new: out.new,
    changed: out.changed,
    unchanged: out.unchanged,
    rejected: out.rejected,
    notices: out.notices,
    convention: conventionOf(decision),
    encoding: csv?.encoding ?? null,
    ...(layout === 'annex' ? { justifications: texts.justifications, responsibleUnits: texts.responsibleUnits } : {}),
  };
}
