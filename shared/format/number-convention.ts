/**
 * Number conventions of a file that came from elsewhere (an import): whether it writes decimals
 * with a comma (id-ID: 12,32 and 79.270) or a point (en: 12.32 and 79,270). Typing and paste use
 * parseNumber (number.ts), which reads the planner's own id-ID and the dot-decimal forms that
 * cannot be id-ID. A file is different: it was written in one convention, and one cell can say
 * which — so the convention is decided from the file's unambiguous cells, never guessed per cell.
 *
 * Every text is one of:
 * - plain: no comma or point ("12", "79 270"): read the same in both conventions;
 * - decisive: only one convention reads it ("12,32", "1.234,5", "1.234.567", "0,125" are
 *   decimal-comma; "12.32", "1,234.5", "1,234,567", "0.125" are decimal-point);
 * - ambiguous: one comma or point followed by exactly three digits, after 1–3 digits that do not
 *   start with 0 ("80,100", "79.270", "1.234"): 80,1 or 80.100 depending on the convention;
 * - invalid: not a number in either convention ("12,3,4", "abc").
 */
import { parseNumber, type ParseFailure, type ParseOptions, type ParseResult } from './number.js';

export type DecimalMark = ',' | '.';
/** A thousands separator as seen in a file; ' ' stands for every space-like character. */
export type GroupMark = '.' | ',' | ' ';

export type NumberShape =
  | { kind: 'plain'; group: ' ' | null }
  | { kind: 'decisive'; decimal: DecimalMark; group: GroupMark | null }
  | { kind: 'ambiguous'; mark: DecimalMark }
  | { kind: 'invalid'; reason: ParseFailure };

const SPACE = /[ \u00a0\u202f\u2009\u2007]/;

/** The other mark: the thousands separator that goes with a decimal mark, and vice versa. */
export function otherMark(mark: DecimalMark): DecimalMark {
  return mark === ',' ? '.' : ',';
}

/** Commas become points and points commas: an en text in id-ID form. Footnote marks, signs and spaces are untouched. */
function swapMarks(text: string): string {
  let out = '';
  for (const ch of text) out += ch === ',' ? '.' : ch === '.' ? ',' : ch;
  return out;
}

/**
 * Reads `text` in the given convention: decimal ',' is id-ID (thousands '.' or spaces), decimal
 * '.' is en (thousands ',' or spaces). Only meaningful for a text whose shape that convention
 * reads (plain, ambiguous, or decisive for `decimal`): parseNumber alone also reads the
 * dot-decimal forms, which is why readInConvention checks the shape first.
 */
function readAs(text: string, decimal: DecimalMark, options: ParseOptions): ParseResult {
  return parseNumber(decimal === ',' ? text : swapMarks(text), options);
}

/** The digits-and-separators core of a number text (sign, percent and footnote marks removed), or null. */
function core(text: string): string | null {
  // parseNumber has already accepted the text in one convention; strip what it strips around the digits.
  const m = /[\d.,][\d., \u00a0\u202f\u2009\u2007]*/.exec(text);
  if (!m) return null;
  return m[0].trimEnd();
}

/** Which conventions read `text`, and how (see the module comment). */
export function numberShape(text: string, options: ParseOptions = {}): NumberShape {
  const id = readAs(text, ',', options);
  const en = readAs(text, '.', options);
  if (!id.ok && !en.ok) return { kind: 'invalid', reason: id.reason };
  const s = core(text.trim());
  if (s === null) return id.ok ? { kind: 'plain', group: null } : { kind: 'invalid', reason: 'not_a_number' };
  const commas = s.split(',').length - 1;
  const points = s.split('.').length - 1;
  const spaced = SPACE.test(s);
  let shape: NumberShape;
  if (commas === 0 && points === 0) {
    shape = { kind: 'plain', group: spaced ? ' ' : null };
  } else if (commas > 0 && points > 0) {
    // Both: the last one is the decimal separator ("1.234,5", "1,234.5").
    const decimal: DecimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    shape = { kind: 'decisive', decimal, group: otherMark(decimal) };
  } else {
    const mark: DecimalMark = commas > 0 ? ',' : '.';
    const count = commas + points;
    if (count > 1) {
      // "1.234.567", "1,234,567": a number has one decimal separator, so these group thousands.
      shape = { kind: 'decisive', decimal: otherMark(mark), group: mark };
    } else {
      const at = s.indexOf(mark);
      const head = s.slice(0, at);
      const tail = s.slice(at + 1);
      if (tail.length === 3 && /^[1-9]\d{0,2}$/.test(head)) shape = { kind: 'ambiguous', mark };
      // Any other single mark can only be a decimal separator: "12,32", ",5", "0,100", "1234,567", "1 234,567".
      else shape = { kind: 'decisive', decimal: mark, group: SPACE.test(head) ? ' ' : null };
    }
  }
  // The shape must also read in the convention(s) it claims ("1.23.456" is decisive in form but no convention reads it).
  if (shape.kind === 'decisive') {
    const r = shape.decimal === ',' ? id : en;
    if (!r.ok) return { kind: 'invalid', reason: r.reason };
  } else {
    if (!id.ok) return { kind: 'invalid', reason: id.reason };
    if (!en.ok) return { kind: 'invalid', reason: en.reason };
  }
  return shape;
}

/** Why a text is not read in a convention: parseNumber's reasons, or one of the two conventions' own. */
export type ConventionFailure =
  | ParseFailure
  /** Only the other convention reads it ("12.32" in a decimal-comma column). */
  | 'other_convention'
  /** "80,100" where no convention was decided: it could be either. */
  | 'ambiguous';

export type ConventionResult = { ok: true; value: number; footnote?: string } | { ok: false; reason: ConventionFailure };

/**
 * Reads `text` in the decided convention (decimal ',' = id-ID, '.' = en). `decimal` null means
 * none was decided: plain and decisive texts are still read (they have one reading), an
 * ambiguous one is refused. A decisive text of the other convention is refused, never re-read.
 */
export function readInConvention(text: string, decimal: DecimalMark | null, options: ParseOptions = {}, shape = numberShape(text, options)): ConventionResult {
  switch (shape.kind) {
    case 'invalid':
      return { ok: false, reason: shape.reason };
    case 'plain':
      return readAs(text, ',', options);
    case 'decisive':
      if (decimal !== null && shape.decimal !== decimal) return { ok: false, reason: 'other_convention' };
      return readAs(text, shape.decimal, options);
    case 'ambiguous':
      if (decimal === null) return { ok: false, reason: 'ambiguous' };
      return readAs(text, decimal, options);
  }
}

/** The thousands separator a text uses when read with `decimal` (null when it groups none). */
export function groupMarkIn(shape: NumberShape, decimal: DecimalMark): GroupMark | null {
  switch (shape.kind) {
    case 'plain':
      return shape.group;
    case 'decisive':
      return shape.decimal === decimal ? shape.group : null;
    case 'ambiguous':
      // "80,100" read with a decimal point groups thousands with its comma; with a decimal comma it groups none.
      return shape.mark === decimal ? null : shape.mark;
    case 'invalid':
      return null;
  }
}

// ---------------------------------------------------------------- deciding a file's convention

/** A cell and its text (sheet, 1-based row, column letters). */
export interface TextAt {
  sheet: string;
  row: number;
  column: string;
  text: string;
}

/** How one column's cells are read. */
export interface ColumnRule {
  /** null: no convention applies here (the file mixes and this column does not decide, or its cells split evenly). */
  decimal: DecimalMark | null;
  thousands: GroupMark | null;
  /** The cell that decided it; null when id-ID is assumed or none applies. */
  decidedBy: TextAt | null;
  /** 'file': the whole file's convention; 'column': this column's own (the file mixes); 'assumed': no cell anywhere decides, id-ID. */
  scope: 'file' | 'column' | 'assumed' | 'none';
  /** Where decimal is null: a cell of each convention, to name in the refusal. */
  both: [TextAt, TextAt] | null;
}

export interface ConventionSummary {
  decimal: DecimalMark;
  thousands: GroupMark | null;
  decidedBy: TextAt | null;
  perColumn?: { sheet: string; column: string; decimal: DecimalMark | null; thousands: GroupMark | null; decidedBy: TextAt | null }[];
}

export interface ConventionDecision {
  /** What the preview states; null when no text needed a convention (plain numbers only). */
  summary: ConventionSummary | null;
  /** When id-ID was assumed: the first ambiguous cell and how many there are. */
  assumed: { first: TextAt; count: number } | null;
  rule(sheet: string, column: string): ColumnRule;
}

interface Ordered extends TextAt {
  order: number;
}

interface ColumnTally {
  sheet: string;
  column: string;
  first: Record<DecimalMark, Ordered | null>;
  count: Record<DecimalMark, number>;
  group: Record<DecimalMark, GroupMark | null>;
  ambiguous: number;
  firstAmbiguous: Ordered | null;
}

const MARKS: readonly DecimalMark[] = [',', '.'];

/**
 * Collects the number texts of a file, column by column, and decides how each column is read:
 *
 * 1. A column is decided by its unambiguous cells; where they disagree, by most of them (the
 *    others are refused as written in the other convention); an even split decides nothing.
 * 2. When every deciding column agrees, that is the file's convention, and columns with no
 *    unambiguous cell follow it.
 * 3. When they disagree (the file mixes), each deciding column keeps its own, and a column that
 *    decides nothing has no convention: its ambiguous cells are refused.
 * 4. When no cell anywhere decides, id-ID (decimal comma) is assumed — the planner's own
 *    convention — and the preview says so.
 */
export class ConventionTally {
  private readonly columns = new Map<string, ColumnTally>();
  private order = 0;

  add(at: TextAt, shape: NumberShape): void {
    if (shape.kind === 'invalid') return;
    const key = `${at.sheet}\u0000${at.column}`;
    let c = this.columns.get(key);
    if (!c) {
      c = { sheet: at.sheet, column: at.column, first: { ',': null, '.': null }, count: { ',': 0, '.': 0 }, group: { ',': null, '.': null }, ambiguous: 0, firstAmbiguous: null };
      this.columns.set(key, c);
    }
    const cell: Ordered = { ...at, text: at.text.slice(0, 40), order: this.order++ };
    for (const d of MARKS) c.group[d] ??= groupMarkIn(shape, d);
    if (shape.kind === 'decisive') {
      c.count[shape.decimal]++;
      c.first[shape.decimal] ??= cell;
    } else if (shape.kind === 'ambiguous') {
      c.ambiguous++;
      c.firstAmbiguous ??= cell;
    }
  }

  decide(): ConventionDecision {
    const all = [...this.columns.values()];
    const own = new Map<ColumnTally, DecimalMark | 'split'>();
    for (const c of all) {
      const comma = c.count[','];
      const point = c.count['.'];
      if (comma + point === 0) continue;
      own.set(c, comma > point ? ',' : point > comma ? '.' : 'split');
    }
    const strip = (t: Ordered | null): TextAt | null => (t ? { sheet: t.sheet, row: t.row, column: t.column, text: t.text } : null);
    const earliest = (cells: (Ordered | null)[]): Ordered | null => cells.reduce<Ordered | null>((a, b) => (b && (!a || b.order < a.order) ? b : a), null);
    const groupOf = (cols: ColumnTally[], d: DecimalMark): GroupMark | null => cols.map((c) => c.group[d]).find((g) => g !== null) ?? null;
    const key = (sheet: string, column: string) => this.columns.get(`${sheet}\u0000${column}`);
    const rules = new Map<ColumnTally, ColumnRule>();
    const noneRule: ColumnRule = { decimal: null, thousands: null, decidedBy: null, scope: 'none', both: null };

    const decisions = new Set(own.values());
    if (own.size === 0) {
      const ambiguous = all.filter((c) => c.ambiguous > 0);
      if (ambiguous.length === 0) {
        // Plain numbers only: every convention reads them alike.
        const plain: ColumnRule = { decimal: ',', thousands: null, decidedBy: null, scope: 'assumed', both: null };
        return { summary: null, assumed: null, rule: () => plain };
      }
      const rule: ColumnRule = { decimal: ',', thousands: groupOf(all, ','), decidedBy: null, scope: 'assumed', both: null };
      const first = earliest(ambiguous.map((c) => c.firstAmbiguous))!;
      return {
        summary: { decimal: ',', thousands: rule.thousands, decidedBy: null },
        assumed: { first: strip(first)!, count: ambiguous.reduce((n, c) => n + c.ambiguous, 0) },
        rule: () => rule,
      };
    }

    if (decisions.size === 1 && !decisions.has('split')) {
      const decimal = [...decisions][0] as DecimalMark;
      const decidedBy = strip(earliest(all.map((c) => c.first[decimal])));
      const rule: ColumnRule = { decimal, thousands: groupOf(all, decimal), decidedBy, scope: 'file', both: null };
      for (const [c] of own) rules.set(c, { ...rule, decidedBy: strip(c.first[decimal]), thousands: c.group[decimal] ?? rule.thousands });
      return {
        summary: { decimal, thousands: rule.thousands, decidedBy },
        assumed: null,
        rule: (sheet, column) => {
          const c = key(sheet, column);
          return (c && rules.get(c)) ?? rule;
        },
      };
    }

    // The file mixes: each column by its own cells.
    const votes: Record<DecimalMark, number> = { ',': 0, '.': 0 };
    let firstDecided: { decimal: DecimalMark; order: number } | null = null;
    for (const [c, d] of own) {
      if (d === 'split') {
        rules.set(c, { ...noneRule, both: [strip(c.first[','])!, strip(c.first['.'])!] });
        continue;
      }
      votes[d]++;
      const at = c.first[d]!;
      if (!firstDecided || at.order < firstDecided.order) firstDecided = { decimal: d, order: at.order };
      rules.set(c, { decimal: d, thousands: c.group[d], decidedBy: strip(at), scope: 'column', both: null });
    }
    const top: DecimalMark = votes[','] > votes['.'] ? ',' : votes['.'] > votes[','] ? '.' : (firstDecided?.decimal ?? ',');
    const topColumns = [...own].filter(([, d]) => d === top).map(([c]) => c);
    // Two cells that show the file writing decimals both ways, for refusals in columns without a convention.
    const both: [TextAt, TextAt] = [strip(earliest(all.map((c) => c.first[','])))!, strip(earliest(all.map((c) => c.first['.'])))!];
    const perColumn = all
      .filter((c) => own.has(c) || c.ambiguous > 0)
      .map((c) => {
        const r = rules.get(c) ?? noneRule;
        return { sheet: c.sheet, column: c.column, decimal: r.decimal, thousands: r.thousands, decidedBy: r.decidedBy };
      });
    return {
      summary: { decimal: top, thousands: groupOf(topColumns, top), decidedBy: strip(earliest(topColumns.map((c) => c.first[top]))), perColumn },
      assumed: null,
      rule: (sheet, column) => {
        const c = key(sheet, column);
        return (c && rules.get(c)) ?? { ...noneRule, both };
      },
    };
  }
}
