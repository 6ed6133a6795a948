/**
 * Spreadsheet import, layout 'review' (issue 18 item 4): an evaluation workbook of the province
 * (review-workbook.ts writes it; README "Evaluation notes" states the layout) read back into the
 * regency's workbook as evaluation notes. Recognised by a header row with Kode, Indikator, Tahun
 * and Catatan Evaluasi (or their English words) on any sheet — checked before every other layout.
 *
 * The title block above the header gives the region (it must be the open workbook's: another
 * region's evaluation is refused, naming both and the cell), the evaluator and the date (an Excel
 * date, or text dd/mm/yyyy or yyyy-mm-dd; stored YYYY-MM-DD). Each row with a note attaches to its
 * indicator (by Kode, else by name) and year (an empty or "Semua" Tahun: the indicator as a
 * whole); an unknown indicator or a year outside the plan's years and horizon is refused, located.
 * A note the workbook already keeps (same indicator, year and text, whitespace aside) is 'present':
 * applying leaves it — its response and status — as it is.
 */
import type { ImportNotice, ImportRejection, ImportReviewNote, ImportReviews } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import type { Indicator, Plan } from '../../shared/domain.js';
import { readInConvention } from '../../shared/format/number-convention.js';
import { normaliseNoteText, REVIEW_LIMITS, REVIEW_WORDS, REVIEW_WORKBOOK, reviewNoteKey, reviewYears, type ReviewNote } from '../../shared/review.js';
import type { Grid, RawCell } from './grid.js';
import { cellAt, sortedRows } from './grid.js';
import { IMPORT_LIMITS } from './limits.js';
import { columnLetter } from './sheet-style.js';
import { isIsoDate } from '../../shared/model/revision.js';

/** Where the reader reports what it refuses or notes (import.ts's collector). */
export interface ReviewOut {
  reject(sheet: string, row: number, col: number, code: ImportRejection, message: string, params?: Record<string, string>): void;
  notice(sheet: string, row: number, col: number, code: ImportNotice, message: string, params?: Record<string, string>): void;
}

type Column = 'code' | 'indicator' | 'year' | 'note' | 'revised';
type Label = 'province' | 'region' | 'file' | 'scenario' | 'evaluator' | 'date';

export interface ReviewHeader {
  row: number;
  cols: Record<Exclude<Column, 'revised'>, number> & { revised: number | null };
}

/** Lower case, accents and spacing gone: "Catatan  evaluasi" = "catatanevaluasi", "Kabupaten / Kota" = "kabupaten/kota". */
function squeeze(s: string): string {
  if (s.length > IMPORT_LIMITS.maxLabelText) return `\u0000${s.length}`;
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00a0_:]+/g, '');
}

const keysOf = <K extends string>(words: Record<K, readonly string[]>): Map<string, K> =>
  new Map((Object.entries(words) as [K, readonly string[]][]).flatMap(([k, list]) => list.map((w) => [squeeze(w), k] as const)));

const COLUMN_KEYS = keysOf<Column>({ code: REVIEW_WORDS.code, indicator: REVIEW_WORDS.indicator, year: REVIEW_WORDS.year, note: REVIEW_WORDS.note, revised: REVIEW_WORDS.revised });
const LABEL_KEYS = keysOf<Label>({
  province: REVIEW_WORDS.province, region: REVIEW_WORDS.region, file: REVIEW_WORDS.file,
  scenario: REVIEW_WORDS.scenario, evaluator: REVIEW_WORDS.evaluator, date: REVIEW_WORDS.date,
});
const ALL_YEARS = new Set(REVIEW_WORKBOOK.allYears.map(squeeze));

/** The header row of an evaluation workbook in the sheet's first rows: Kode, Indikator, Tahun and Catatan Evaluasi. */
export function findReviewHeader(g: Grid): ReviewHeader | null {
  for (const r of sortedRows(g)) {
    if (r > 40) break;
    const cols: Partial<Record<Column, number>> = {};
    for (const [c, cell] of g.rows.get(r)!) {
      if (cell.kind !== 'text' || cell.mergedCopy) continue;
      const col = COLUMN_KEYS.get(squeeze(cell.text));
      if (col && cols[col] === undefined) cols[col] = c;
    }
    const { code, indicator, year, note } = cols;
    if (code !== undefined && indicator !== undefined && year !== undefined && note !== undefined) {
      return { row: r, cols: { code, indicator, year, note, revised: cols.revised ?? null } };
    }
  }
  return null;
}

/** A cell's content as text ('' when empty or a merged copy); a date cell as YYYY-MM-DD. */
function textOf(cell: RawCell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'text') return cell.mergedCopy ? '' : cell.text.trim();
  if (cell.kind === 'number') return cell.mergedCopy ? '' : String(cell.value);
  if (cell.kind === 'other') return cell.text.trim();
  return '';
}

/** A title-block value: the first filled cell right of its label on the same row. */
interface Found {
  text: string;
  cell: RawCell;
  row: number;
  col: number;
}

/** The title block above the header: each label's value, and where the label is. */
function readTitleBlock(g: Grid, header: ReviewHeader): { values: Partial<Record<Label, Found>>; labels: Partial<Record<Label, { row: number; col: number }>> } {
  const values: Partial<Record<Label, Found>> = {};
  const labels: Partial<Record<Label, { row: number; col: number }>> = {};
  for (const r of sortedRows(g)) {
    if (r >= header.row) break;
    const cells = [...g.rows.get(r)!].sort((a, b) => a[0] - b[0]);
    for (const [c, cell] of cells) {
      if (cell.kind !== 'text' || cell.mergedCopy) continue;
      const label = LABEL_KEYS.get(squeeze(cell.text));
      if (!label || labels[label]) continue;
      labels[label] = { row: r, col: c };
      for (const [c2, value] of cells) {
        if (c2 <= c || c2 > c + 12) continue;
        const text = textOf(value);
        if (!text) continue;
        values[label] = { text, cell: value, row: r, col: c2 };
        break;
      }
    }
  }
  return { values, labels };
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * An evaluation date as YYYY-MM-DD: an Excel date (read as a date, or its serial number), or text
 * dd/mm/yyyy (also with - or .) or yyyy-mm-dd. Null when it is none of these or not a real day.
 */
export function reviewDateOf(cell: RawCell, text: string): string | null {
  let iso: string | null = null;
  if (cell.kind === 'number') {
    // An Excel serial day (1900 date system; LibreOffice too): day 1 is 1900-01-01, day 60 the
    // leap day Excel invents, so days after it count from 1899-12-30.
    const n = Math.floor(cell.value);
    if (n >= 61 && n <= 2_958_465) iso = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
  } else {
    const ymd = YMD.exec(text);
    const dmy = DMY.exec(text);
    if (ymd) iso = `${ymd[1]!}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
    else if (dmy) iso = `${dmy[3]!}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`;
  }
  return iso !== null && isIsoDate(iso) ? iso : null;
}

/** "Kabupaten Muara Enim" and "muara  enim" compare equal; "Kota X" and "Kabupaten X" do not. */
export function sameRegion(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  const kind = /^(kabupaten|kab\.?|kota)\s+/;
  const [x, y] = [norm(a), norm(b)];
  if (x === y) return true;
  const [kx, ky] = [kind.exec(x)?.[1], kind.exec(y)?.[1]];
  const word = (k: string | undefined) => (k === 'kab' || k === 'kab.' ? 'kabupaten' : k);
  if (kx && ky && word(kx) !== word(ky)) return false;
  return x.replace(kind, '') === y.replace(kind, '');
}

export interface ReviewReadContext {
  fileName: string;
  plan: Plan;
  /** The indicator a Kode or an Indikator name names (the import's index: code or either name, case and accents ignored). */
  findIndicator(text: string): Indicator | null;
  byCode: ReadonlyMap<string, Indicator>;
  kept: readonly ReviewNote[];
  out: ReviewOut;
}

/**
 * Reads the evaluation workbook's sheet: the title block and the notes. Throws 'bad_input' when
 * it is another region's (or names none); reports every other problem as a located rejection.
 */
export function readReviewSheet(ctx: ReviewReadContext, g: Grid, header: ReviewHeader): ImportReviews {
  const { out, plan, fileName } = ctx;
  const { values, labels } = readTitleBlock(g, header);
  const place = (f: { row: number; col: number }) => `${g.name}!${columnLetter(f.col)}${f.row}`;

  const region = values.region;
  if (!region) {
    const at = labels.region ? place(labels.region) : `${g.name}, above row ${header.row}`;
    throw new AppError('bad_input', `${fileName}: the evaluation workbook names no region (Kabupaten/Kota, ${at}); it cannot be matched with ${plan.region}`,
      { file: fileName, reason: 'review_region_missing', cell: at, expected: plan.region });
  }
  if (!sameRegion(region.text, plan.region)) {
    throw new AppError('bad_input', `${fileName} is the evaluation of ${region.text.slice(0, 120)} (${place(region)}), not of ${plan.region}, the workbook open; import it into ${region.text.slice(0, 120)}'s workbook`,
      { file: fileName, reason: 'review_region_mismatch', region: region.text.slice(0, 120), expected: plan.region, cell: place(region) });
  }

  const labelAt = (l: Label) => labels[l] ?? { row: header.row, col: 1 };
  let evaluator = values.evaluator?.text ?? '';
  if (!evaluator) {
    const at = labelAt('evaluator');
    out.reject(g.name, at.row, at.col + (labels.evaluator ? 2 : 0), 'missing_value', `${place(at)}: the evaluator's name (Nama Evaluator) is empty; fill it in`, { field: 'evaluator' });
  } else if (evaluator.length > REVIEW_LIMITS.evaluator) {
    const f = values.evaluator!;
    out.reject(g.name, f.row, f.col, 'out_of_range', `${place(f)}: the evaluator's name is longer than ${REVIEW_LIMITS.evaluator} characters`, { field: 'evaluator', max: String(REVIEW_LIMITS.evaluator) });
    evaluator = '';
  }
  let reviewDate = '';
  const date = values.date;
  if (!date) {
    const at = labelAt('date');
    out.reject(g.name, at.row, at.col + (labels.date ? 2 : 0), 'missing_value', `${place(at)}: the evaluation date (Tanggal Evaluasi) is empty; fill it in`, { field: 'date' });
  } else {
    const iso = reviewDateOf(date.cell, date.text);
    if (iso) reviewDate = iso;
    else out.reject(g.name, date.row, date.col, 'not_a_date', `${place(date)}: "${date.text.slice(0, 40)}" is not a date (write it as a date, dd/mm/yyyy or yyyy-mm-dd)`, { text: date.text.slice(0, 40) });
  }
  const scenarioText = values.scenario?.text ?? '';
  const scenarioName = scenarioText && scenarioText !== '–' && scenarioText !== '-' ? scenarioText.slice(0, 255) : null;

  const [first, last] = reviewYears(plan);
  const keptByKey = new Map(ctx.kept.map((n) => [reviewNoteKey(n), n]));
  const inFile = new Map<string, string>();
  const notes: ImportReviewNote[] = [];
  const { cols } = header;
  for (const r of sortedRows(g)) {
    if (r <= header.row) continue;
    const noteCell = cellAt(g, r, cols.note);
    const raw = textOf(noteCell);
    const text = normaliseNoteText(raw) ? raw.trim() : '';
    if (!text) continue;
    const where = (c: number) => `${g.name}!${columnLetter(c)}${r}`;
    if (text.length > REVIEW_LIMITS.note) {
      out.reject(g.name, r, cols.note, 'out_of_range', `${where(cols.note)}: the note is ${text.length} characters long, more than ${REVIEW_LIMITS.note}`, { field: 'note', max: String(REVIEW_LIMITS.note) });
      continue;
    }
    const code = textOf(cellAt(g, r, cols.code));
    const name = textOf(cellAt(g, r, cols.indicator));
    const ind = (code ? (ctx.byCode.get(code.toUpperCase()) ?? ctx.findIndicator(code)) : null) ?? (name ? ctx.findIndicator(name) : null);
    if (!ind) {
      const col = code ? cols.code : cols.indicator;
      const shown = (code || name).slice(0, 60);
      out.reject(g.name, r, col, 'unknown_indicator', shown ? `${where(col)}: "${shown}" is no indicator of this workbook (by Kode or Indikator)` : `${where(col)}: the row has a note but no Kode or Indikator`, { text: shown });
      continue;
    }
    const yearCell = cellAt(g, r, cols.year);
    const yearText = textOf(yearCell);
    let year: number | null = null;
    if (yearText && !ALL_YEARS.has(squeeze(yearText))) {
      year = /^\d{4}$/.test(yearText) ? Number(yearText) : yearCell?.kind === 'number' && Number.isInteger(yearCell.value) ? yearCell.value : NaN;
      if (Number.isNaN(year)) {
        out.reject(g.name, r, cols.year, 'not_a_number', `${where(cols.year)}: "${yearText.slice(0, 40)}" is not a year (a year, "Semua" or empty for the indicator as a whole)`, { text: yearText.slice(0, 40) });
        continue;
      }
      if (year < first || year > last) {
        out.reject(g.name, r, cols.year, 'year_outside_plan', `${where(cols.year)}: ${ind.code} ${year} is outside ${first}–${last} (the plan's target years and its horizon)`, { year: String(year), from: String(first), to: String(last), code: ind.code });
        continue;
      }
    }
    const key = reviewNoteKey({ indicatorId: ind.id, year, note: text });
    const earlier = inFile.get(key);
    if (earlier) {
      out.reject(g.name, r, cols.note, 'duplicate', `${where(cols.note)}: the same note on ${ind.code} ${year ?? ''} as ${earlier}`.replace(' ,', ','), { code: ind.code, year: year === null ? '' : String(year), first: earlier });
      continue;
    }
    inFile.set(key, where(cols.note));
    const kept = keptByKey.get(key);
    notes.push({
      sheet: g.name, row: r, column: columnLetter(cols.note), indicatorId: ind.id, indicatorCode: ind.code, year, note: text,
      // A note on the whole indicator saw no one year's target (its row's, if it had one, is another year's).
      seenTarget: cols.revised === null || year === null ? null : numberOf(cellAt(g, r, cols.revised)),
      status: kept ? 'present' : 'new', noteId: kept?.id ?? null,
    });
  }
  const fresh = notes.filter((n) => n.status === 'new').length;
  return { region: region.text.slice(0, 120), evaluator, reviewDate, scenarioName, notes, new: fresh, present: notes.length - fresh };
}

/** The Target Perubahan the evaluator saw: a number cell, or a number written as text (read the id-ID way); else null. */
function numberOf(cell: RawCell | undefined): number | null {
  if (!cell) return null;
  if (cell.kind === 'number') return cell.mergedCopy || !Number.isFinite(cell.value) ? null : cell.value;
  if (cell.kind !== 'text' || cell.text.trim().length > IMPORT_LIMITS.maxNumberText) return null;
  const read = readInConvention(cell.text.trim(), ',', { allowFootnotes: true });
  return read.ok ? read.value : null;
}
