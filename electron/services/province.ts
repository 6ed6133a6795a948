/**
 * A folder of regency workbooks, read for the province (issue 18, item 1;
 * `npm run cli -- province --folder DIR`): every *.rpjmd in it is opened READ-ONLY (no lock
 * file, no write; the files stay byte-identical) and its P0 read — realisations, original
 * targets, the usulan's revised targets —, with the Susenas population the region's own rate ↔
 * count uses (Workbook.population(), never the census) and the error-level findings of its own
 * checks on the usulan. The store's refusals (refused_newer, refused_corrupt,
 * refused_not_workbook, refused_foreign, read_only…) are kept as the file's reason. The
 * aggregation itself is pure: shared/model/province.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import { horizonOf } from '../../shared/domain.js';
import { provinceReport, type Excluded, type ProvinceReport, type RegionInput, type YearMap } from '../../shared/model/province.js';
import type { StoreOptions } from '../workbook/store.js';
import { Workbook } from '../workbook/store.js';
import { checkScenario } from './checks.js';

export const WORKBOOK_EXTENSION = '.rpjmd';
const P0 = 'P0';

/** The *.rpjmd files of a folder (not its subfolders), sorted by name. */
export function workbookFiles(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.name.toLowerCase().endsWith(WORKBOOK_EXTENSION) && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort();
}

/** What the province reads from one open workbook. */
export function regionInput(wb: Workbook, file: string): RegionInput {
  const plan = wb.plan();
  const horizon = horizonOf(plan);
  const p0 = wb.indicatorIndex().byCode.get(P0);
  const realised: YearMap = {};
  const original: YearMap = {};
  if (p0) {
    for (const v of wb.values(['realisation', 'original_target'])) {
      if (v.indicatorId !== p0.id) continue;
      (v.series === 'realisation' ? realised : original)[String(v.year)] = v.value;
    }
  }
  const population: YearMap = {};
  for (const [year, p] of wb.population().byYear) population[String(year)] = p.value;
  const usulan = wb.scenarios().find((s) => s.status === 'usulan') ?? null;
  let revised: YearMap | null = null;
  let checkErrors = 0;
  if (usulan) {
    revised = {};
    if (p0) for (const t of wb.reads.targets(usulan.id).targets) if (t.indicatorId === p0.id) revised[String(t.year)] = t.value;
    checkErrors = checkScenario(wb, usulan.id).counts.error;
  }
  return {
    name: plan.region,
    file,
    province: plan.province,
    firstYear: plan.firstYear,
    lastYear: plan.lastYear,
    horizonYear: horizon,
    population,
    p0: realised,
    original,
    revised,
    usulan: usulan?.name ?? null,
    checkErrors,
  };
}

/** Reads one file read-only: its region, or why it is left out. */
export async function readRegion(file: string, opts: StoreOptions = {}): Promise<RegionInput | Excluded> {
  const name = path.basename(file);
  let wb: Workbook;
  try {
    wb = await Workbook.open(file, { ...opts, readOnly: true });
  } catch (err) {
    if (err instanceof AppError) return { file: name, reason: err.code, message: err.message };
    return { file: name, reason: 'refused_corrupt', message: `${name} could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    return regionInput(wb, name);
  } catch (err) {
    const reason = err instanceof AppError ? err.code : 'refused_corrupt';
    return { file: name, reason, message: `${name} could not be read: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    wb.close();
  }
}

/** The province report of every *.rpjmd in `folder`, read-only. */
export async function readProvinceFolder(folder: string, opts: StoreOptions = {}): Promise<ProvinceReport> {
  const dir = path.resolve(folder);
  let files: string[];
  try {
    files = workbookFiles(dir);
  } catch (err) {
    throw new AppError('not_found', `${dir} cannot be read as a folder: ${err instanceof Error ? err.message : String(err)}`, { file: dir });
  }
  const read: RegionInput[] = [];
  const refused: Excluded[] = [];
  for (const f of files) {
    const r = await readRegion(path.join(dir, f), opts);
    if ('reason' in r) refused.push(r);
    else read.push(r);
  }
  return provinceReport(read, refused);
}
