/**
 * Spreadsheet import, step 2: writes a confirmed preview as one edit ('import.apply'): one undo
 * step, and a change-log entry per cell with where the number came from ("Impor: <file>,
 * <sheet>!<cell>"). Every cell meets the same rules as a typed one (the edit refuses the whole
 * import, naming the cell, otherwise). Imported values replace the source text and clear the
 * ilustrasi mark of the values they overwrite; a value BPS marks provisional ("12,32*") is written
 * with that status (value.provisional), any other imported value without it. Imported revised
 * targets are 'entered' (no rate↔count derivation: the checks flag an inconsistent pair). An
 * annex also brings each indicator's Alasan Perubahan (for the scenario its Menjadi rows go to)
 * and Perangkat Daerah, written in the same step. A programme list (layout 'programmes') is written
 * as one 'programme.save' edit through the programmes editor, the file's years merged into each
 * programme's own (importProgrammes). An evaluation workbook (layout 'review') is written as one
 * 'review.import' edit through the notes editor: its new notes added, the ones the workbook
 * already keeps left as they are (importReviewNotes).
 */
import type { ImportApplyResult, ImportCell, ImportJustification, ImportProgrammes, ImportResponsibleUnit, ImportReviews } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import { POPULATION_CODE, RATE_COUNT_PAIRS } from '../../shared/domain.js';
import { countFromRate } from '../../shared/model/rate-count.js';
import type { Actor, TargetWrite, ValueWrite } from '../workbook/edit.js';
import { importProgrammes, type ProgrammeImportInput } from '../workbook/editors/programmes.js';
import { importReviewNotes, type ReviewNoteInput } from '../workbook/editors/reviews.js';
import type { Workbook } from '../workbook/store.js';

export function importSource(fileName: string, c: Pick<ImportCell, 'sheet' | 'row' | 'column'>): string {
  return `Impor: ${fileName}, ${c.sheet}!${c.column}${c.row}`;
}

/** What an annex brings besides its numbers (preview.justifications, preview.responsibleUnits). */
export interface ImportTexts {
  justifications?: readonly ImportJustification[] | undefined;
  responsibleUnits?: readonly ImportResponsibleUnit[] | undefined;
  /** A programme list's programmes (preview.programmes). */
  programmes?: ImportProgrammes | undefined;
  /** An evaluation workbook's notes (preview.reviews). */
  reviews?: ImportReviews | undefined;
}

export function applyImport(wb: Workbook, actor: Actor, fileName: string, cells: readonly ImportCell[], texts: ImportTexts = {}): ImportApplyResult {
  const justifications = texts.justifications ?? [];
  const units = texts.responsibleUnits ?? [];
  if (texts.programmes) {
    if (cells.length > 0 || justifications.length > 0 || units.length > 0) throw new Error('A programme list carries no indicator cells');
    return applyProgrammes(wb, actor, fileName, texts.programmes);
  }
  if (texts.reviews) {
    if (cells.length > 0 || justifications.length > 0 || units.length > 0) throw new Error('An evaluation workbook carries no indicator cells');
    return applyReviews(wb, actor, fileName, texts.reviews);
  }
  if (cells.length === 0 && justifications.length === 0 && units.length === 0) return { applied: 0, new: 0, changed: 0, undoLabel: null };
  const scenarioIds = new Set([...cells.map((c) => c.scenarioId), ...justifications.map((j) => j.scenarioId)]);
  const stepScenario = scenarioIds.size === 1 ? ([...scenarioIds][0] ?? null) : null;
  const fresh = cells.filter((c) => c.oldValue === null).length;
  const at = new Date().toISOString();
  wb.edit(actor, 'import.apply', stepScenario, (tx) => {
    // Justifications first, so the change log of each imported target carries the reason it came with.
    for (const j of justifications) {
      const before = tx.put('justification', { scenario_id: j.scenarioId, indicator_id: j.indicatorId, text: j.newText.trim(), updated_at: at });
      const old = (before?.text as string | undefined) ?? '';
      if (old !== j.newText.trim()) tx.note({ scenarioId: j.scenarioId, indicatorCode: j.indicatorCode, justification: j.newText.trim(), detail: old || null });
    }
    for (const u of units) tx.put('indicator', { id: u.indicatorId, responsible_unit: u.newValue?.trim() || null });
    const values: ValueWrite[] = [];
    const targets = new Map<number, TargetWrite[]>();
    for (const c of cells) {
      const where = c.provisional
        ? `${importSource(fileName, c)} (angka sementara "${c.footnote ?? '*'}")`
        : c.footnote
          ? `${importSource(fileName, c)} (catatan kaki "${c.footnote}" dibuang)`
          : importSource(fileName, c);
      if (c.series === 'revised_target') {
        let list = targets.get(c.scenarioId!);
        if (!list) targets.set(c.scenarioId!, (list = []));
        list.push({ indicatorId: c.indicatorId, year: c.year, value: c.newValue, origin: 'entered', where });
      } else {
        values.push({ indicatorId: c.indicatorId, year: c.year, series: c.series, value: c.newValue, source: importSource(fileName, c), illustrative: false, provisional: c.provisional === true, where });
      }
    }
    if (values.length) tx.setValues(values);
    for (const [scenarioId, list] of targets) tx.setTargets(scenarioId, markDerived(wb, scenarioId, list));
  });
  return { applied: cells.length + justifications.length + units.length, new: fresh, changed: cells.length - fresh + justifications.length + units.length, undoLabel: 'import.apply' };
}

/**
 * A count of poor people imported beside its rate, equal to the count the rate gives through the
 * population (as the Target grid derives it), is stored as derived — as it was in the scenario the
 * annex came from — so a round trip adds no "justification missing" for it.
 */
function markDerived(wb: Workbook, scenarioId: number, list: TargetWrite[]): TargetWrite[] {
  const byCode = wb.indicatorIndex().byCode;
  const pop = byCode.get(POPULATION_CODE);
  if (!pop) return list;
  const at = new Map(list.map((t) => [`${t.indicatorId}:${t.year}`, t]));
  const current = new Map(wb.reads.targets(scenarioId).targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
  const susenas = wb.population();
  return list.map((t) => {
    const pair = RATE_COUNT_PAIRS.find((p) => byCode.get(p.count)?.id === t.indicatorId);
    const rate = pair ? byCode.get(pair.rate) : undefined;
    const rateCell = rate ? at.get(`${rate.id}:${t.year}`) : undefined;
    if (!rateCell || rateCell.value === null || t.value === null) return t;
    const population = at.get(`${pop.id}:${t.year}`)?.value ?? current.get(`${pop.id}:${t.year}`) ?? susenas.byYear.get(t.year)?.value;
    if (population === undefined || population === null || population <= 0) return t;
    return countFromRate(rateCell.value, population) === t.value ? { ...t, origin: 'derived' as const } : t;
  });
}

/**
 * A programme list: the new and changed programmes (with the years the file gives, unchanged ones
 * too, so a programme's mark follows the file) written as ONE edit, 'programme.save'. Programmes
 * the file repeats exactly are left alone.
 */
export function applyProgrammes(wb: Workbook, actor: Actor, fileName: string, part: ImportProgrammes): ImportApplyResult {
  const all = wb.reads.programmes();
  const list: ProgrammeImportInput[] = part.programmes
    .filter((p) => p.status !== 'unchanged')
    .map((p) => {
      const stored = p.programmeId === null ? undefined : all.find((x) => x.id === p.programmeId);
      return {
        ...(p.programmeId !== null ? { id: p.programmeId } : {}),
        name: p.name,
        cluster: p.cluster,
        strategy: p.strategy,
        agency: p.agency,
        benefitKind: stored?.benefitKind ?? 'transfer',
        source: stored?.source ?? `Impor: ${fileName}`,
        illustrative: p.illustrative,
        years: p.years.map((y) => y.newValues),
      };
    });
  if (list.length === 0) return { applied: 0, new: 0, changed: 0, undoLabel: null };
  const names = list.map((p) => p.name);
  const shown = names.length > 3 ? `${names.slice(0, 3).join('; ')}; +${names.length - 3}` : names.join('; ');
  importProgrammes(wb, actor, list, `Impor: ${fileName} (${shown})`);
  return { applied: part.changes, new: part.new, changed: part.changes - part.new, undoLabel: 'programme.save' };
}

/**
 * An evaluation workbook: its new notes written as ONE edit, 'review.import' (each with status
 * belum); notes the workbook already keeps stay as they are. Refused while the title block lacks
 * the evaluator's name or the date (the preview lists where).
 */
export function applyReviews(wb: Workbook, actor: Actor, fileName: string, part: ImportReviews): ImportApplyResult {
  const fresh = part.notes.filter((n) => n.status === 'new');
  if (fresh.length === 0) return { applied: 0, new: 0, changed: 0, undoLabel: null };
  if (!part.evaluator || !part.reviewDate) {
    const missing = [!part.evaluator ? 'the evaluator\'s name (Nama Evaluator)' : null, !part.reviewDate ? 'the evaluation date (Tanggal Evaluasi)' : null].filter(Boolean).join(' and ');
    throw new AppError('bad_input', `${fileName}: ${missing} ${!part.evaluator && !part.reviewDate ? 'are' : 'is'} missing or unreadable in the title block; correct the file and read it again`,
      { file: fileName, reason: 'review_title_incomplete', evaluator: part.evaluator ? 1 : 0, date: part.reviewDate ? 1 : 0 });
  }
  const list: ReviewNoteInput[] = fresh.map((n) => ({
    indicatorId: n.indicatorId, year: n.year, note: n.note, evaluator: part.evaluator, reviewDate: part.reviewDate,
    seenTarget: n.seenTarget, scenarioName: part.scenarioName, sourceFile: fileName.slice(0, 255),
  }));
  const done = importReviewNotes(wb, actor, list, `Impor: ${fileName} (${part.evaluator}, ${part.reviewDate})`);
  return { applied: done.added, new: done.added, changed: 0, undoLabel: done.added > 0 ? 'review.import' : null };
}
