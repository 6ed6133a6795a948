/**
 * Evaluation notes (issue 18 items 3–4): the evaluation workbook written for one region of a
 * province folder, and the notes kept in the regency's workbook with their follow-up.
 */
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import { buildReviewWorkbook, todayIso } from '../annex/review-workbook.js';
import type { ReviewNote, ReviewStatus, ReviewWorkbookResult } from '../../shared/review.js';
import type { Actor } from '../workbook/edit.js';
import { respondToNote as respondToNoteEdit } from '../workbook/editors/reviews.js';
import { Workbook, type StoreOptions } from '../workbook/store.js';
import { folderWorkbooks } from './province.js';

export interface ReviewOutInput {
  folder: string;
  /** The region's workbook file name in the folder. */
  file: string;
  evaluator: string;
  /** YYYY-MM-DD; default today. */
  date?: string | undefined;
}

/**
 * The evaluation workbook for one region of a province folder: `file` resolved inside the folder
 * only, the workbook opened read-only (it stays byte-identical).
 */
export async function reviewWorkbookBytes(input: ReviewOutInput): Promise<ReviewWorkbookResult> {
  return reviewWorkbookFor(input);
}

/** The evaluation notes kept in the open workbook, with their follow-up. */
export function listReviewNotes(wb: Workbook): ReviewNote[] {
  return wb.reads.reviewNotes();
}

/** Answers a note (tindak lanjut) and sets its status: one undo step ('review.respond'). */
export function respondToNote(wb: Workbook, actor: Actor, id: number, response: string, status: ReviewStatus): ReviewNote[] {
  return respondToNoteEdit(wb, actor, id, response, status);
}

/**
 * The region's workbook named by `file` inside `folder` only: a bare file name the folder lists
 * (no path separator, no "..", one of its *.rpjmd). Returns the full path or refuses, naming it.
 */
export function regionFileIn(folder: string, file: string): string {
  const dir = path.resolve(folder);
  if (file !== path.basename(file) || /[/\\]/.test(file) || file === '..' || file === '.' || file.includes('\0')) {
    throw new AppError('bad_input', `"${file.slice(0, 120)}" is not a file name in ${dir}: give the workbook's name as the folder lists it, without a path`, { reason: 'review_file_path', file: file.slice(0, 120), folder: dir }, 'file');
  }
  const { files } = folderWorkbooks(dir);
  if (!files.includes(file)) {
    throw new AppError('not_found', `${file} is not a workbook of ${dir} (its workbooks: ${files.join(', ') || 'none'})`, { reason: 'review_file_missing', file, folder: dir }, 'file');
  }
  return path.join(dir, file);
}

/** The evaluation workbook of one region of a folder (province.reviewBytes). */
export async function reviewWorkbookFor(input: { folder: string; file: string; evaluator: string; date?: string | undefined }, opts: StoreOptions = {}): Promise<ReviewWorkbookResult> {
  const full = regionFileIn(input.folder, input.file);
  const wb = await Workbook.open(full, { ...opts, readOnly: true });
  try {
    const built = await buildReviewWorkbook(wb, { file: input.file, evaluator: input.evaluator.trim(), date: input.date ?? todayIso() });
    return { fileName: built.fileName, base64: built.buffer.toString('base64'), region: built.region, rows: built.rows };
  } finally {
    wb.close();
  }
}

/** "Kabupaten Muara Enim", "muara enim", "KOTA palembang" → one key: case, accents, spacing and the Kabupaten/Kota word ignored. */
function regionKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^(kabupaten|kab\.?|kota)\s+/, '');
}

/**
 * The workbook file of the region `name` in `folder`: the region as its plan names it (case
 * ignored, with or without "Kabupaten"/"Kota"), or the file name (with or without .rpjmd). Each
 * workbook is opened read-only to read its plan; one the store refuses is skipped. Refuses
 * ('not_found') listing the regions when none or more than one matches.
 */
export async function findRegionFile(folder: string, name: string, opts: StoreOptions = {}): Promise<{ file: string; region: string }> {
  const dir = path.resolve(folder);
  const { files } = folderWorkbooks(dir);
  const regions: { file: string; region: string }[] = [];
  for (const file of files) {
    try {
      const wb = await Workbook.open(path.join(dir, file), { ...opts, readOnly: true });
      try {
        regions.push({ file, region: wb.plan().region });
      } finally {
        wb.close();
      }
    } catch {
      // A file the store refuses has no region to match; province --folder lists why.
    }
  }
  const wanted = name.trim();
  const byFile = regions.filter((r) => r.file === wanted || r.file.toLowerCase() === `${wanted.toLowerCase()}.rpjmd` || r.file.toLowerCase() === wanted.toLowerCase());
  const hits = byFile.length > 0 ? byFile : regions.filter((r) => regionKey(r.region) === regionKey(wanted) || r.region.toLowerCase() === wanted.toLowerCase());
  const list = regions.map((r) => `${r.region} (${r.file})`).join(', ') || 'none';
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) throw new AppError('not_found', `No workbook in ${dir} is of the region "${wanted}"; its regions: ${list}`, { reason: 'review_region_unknown', region: wanted, regions: list });
  throw new AppError('bad_input', `"${wanted}" names more than one workbook in ${dir}: ${hits.map((r) => `${r.region} (${r.file})`).join(', ')}; give the file name`, { reason: 'review_region_ambiguous', region: wanted });
}
