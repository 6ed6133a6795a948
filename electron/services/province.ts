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
import { PROVINCE_INDICATORS, provinceReport, type Excluded, type ProvinceIndicator, type ProvinceReport, type RegionInput, type RegionSeries, type YearMap } from '../../shared/model/province.js';
import type { StoreOptions } from '../workbook/store.js';
import { Workbook } from '../workbook/store.js';
import { checkScenario } from './checks.js';

export const WORKBOOK_EXTENSION = '.rpjmd';
const P0: ProvinceIndicator = 'P0';

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
  const byCode = wb.indicatorIndex().byCode;
  const usulan = wb.scenarios().find((s) => s.status === 'usulan') ?? null;
  const codeOf = new Map<number, ProvinceIndicator>();
  const indicators: Partial<Record<ProvinceIndicator, RegionSeries>> = {};
  for (const code of PROVINCE_INDICATORS) {
    const ind = byCode.get(code);
    if (!ind) continue;
    codeOf.set(ind.id, code);
    indicators[code] = { realised: {}, original: {}, revised: usulan ? {} : null };
  }
  const illustrative: RegionInput['illustrative'] = {};
  for (const v of wb.values(['realisation', 'original_target'])) {
    const code = codeOf.get(v.indicatorId);
    if (code === undefined) continue;
    const s = indicators[code]!;
    (v.series === 'realisation' ? s.realised : s.original)[String(v.year)] = v.value;
    if (v.illustrative) {
      const series = v.series === 'realisation' ? 'realised' : 'original';
      const marked = (illustrative[code] ??= []);
      if (!marked.includes(series)) marked.push(series);
    }
  }
  let checkErrors = 0;
  if (usulan) {
    for (const t of wb.reads.targets(usulan.id).targets) {
      const code = codeOf.get(t.indicatorId);
      if (code !== undefined) indicators[code]!.revised![String(t.year)] = t.value;
    }
    checkErrors = checkScenario(wb, usulan.id).counts.error;
  }
  // An indicator the workbook has no number for at all is left out (it would only add empty rows).
  for (const code of PROVINCE_INDICATORS) {
    const s = indicators[code];
    if (s && Object.keys(s.realised).length + Object.keys(s.original).length + Object.keys(s.revised ?? {}).length === 0) delete indicators[code];
  }
  const population: YearMap = {};
  for (const [year, p] of wb.population().byYear) population[String(year)] = p.value;
  const p0 = indicators[P0] ?? { realised: {}, original: {}, revised: usulan ? {} : null };
  return {
    name: plan.region,
    file,
    province: plan.province,
    firstYear: plan.firstYear,
    lastYear: plan.lastYear,
    horizonYear: horizon,
    population,
    p0: p0.realised,
    original: p0.original,
    revised: p0.revised,
    usulan: usulan?.name ?? null,
    checkErrors,
    indicators,
    illustrative,
  };
}

/** A refusal's params the page may word (strings and numbers only). */
function plainParams(params: Record<string, unknown> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** Reads one file read-only: its region, or why it is left out. */
export async function readRegion(file: string, opts: StoreOptions = {}): Promise<RegionInput | Excluded> {
  const name = path.basename(file);
  let wb: Workbook;
  try {
    wb = await Workbook.open(file, { ...opts, readOnly: true });
  } catch (err) {
    if (err instanceof AppError) return { file: name, reason: err.code, message: err.message, params: plainParams(err.params) };
    return { file: name, reason: 'refused_corrupt', message: `${name} could not be read: ${err instanceof Error ? err.message : String(err)}`, params: {} };
  }
  try {
    return regionInput(wb, name);
  } catch (err) {
    const reason = err instanceof AppError ? err.code : 'refused_corrupt';
    return { file: name, reason, message: `${name} could not be read: ${err instanceof Error ? err.message : String(err)}`, params: err instanceof AppError ? plainParams(err.params) : {} };
  } finally {
    wb.close();
  }
}

/** The folder, resolved, and its *.rpjmd files; refused ('not_found') when it cannot be read as a folder. */
export function folderWorkbooks(folder: string): { dir: string; files: string[] } {
  const dir = path.resolve(folder);
  try {
    return { dir, files: workbookFiles(dir) };
  } catch (err) {
    throw new AppError('not_found', `${dir} cannot be read as a folder: ${err instanceof Error ? err.message : String(err)}`, { file: dir });
  }
}

/** The province report of every *.rpjmd in `folder`, read-only. */
export async function readProvinceFolder(folder: string, opts: StoreOptions = {}): Promise<ProvinceReport> {
  const { dir, files } = folderWorkbooks(folder);
  const read: RegionInput[] = [];
  const refused: Excluded[] = [];
  for (const f of files) {
    const r = await readRegion(path.join(dir, f), opts);
    if ('reason' in r) refused.push(r);
    else read.push(r);
  }
  return provinceReport(read, refused);
}
