/**
 * `npm run cli -- <command>`: batch work on workbooks without the app (the province handles 17
 * regencies; IT scripts backups). The same services as the app, through dispatch: no logic here
 * beyond reading arguments and printing results.
 *
 *   export  --workbook FILE [--scenario NAME] --out FILE.xlsx|FILE.pdf [--lang id|en] [--paper A4|F4] …
 *   import  --workbook FILE --from FILE.xlsx|csv [--series …] [--scenario NAME] [--partial] [--dry-run]
 *   check   --workbook FILE [--scenario NAME] [--lang id|en]
 *   feasibility --workbook FILE [--scenario NAME] [--json] [--lang id|en]
 *   province --folder DIR [--json]
 *   province --folder DIR --region NAME --review-out FILE.xlsx [--evaluator NAME] [--date YYYY-MM-DD] [--force]
 *
 * Exit codes: 0 done; 1 an error-level check fails (check; export refused), or an import had
 * rejected cells and wrote nothing (no --partial); 2 bad arguments or any other failure (message
 * on stderr).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import type { AnnexExportResult, CellText, ImportApplyResult, ImportCell, ImportPreview, ImportProgramme, ImportProgrammeYear, Signer } from '../../shared/annex.js';
import type { CheckReport } from '../../shared/api/contract.js';
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { Failure } from '../../shared/api/result.js';
import type { Indicator, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { formatExact, formatNumber, formatShare } from '../../shared/format/number.js';
import type { InterventionsView } from '../../shared/interventions.js';
import type { FeasibilityRating, FeasibilityReport } from '../../shared/model/feasibility.js';
import { GOVERNOR_TARGET, LOOSEST_FLAGGED, type ProvinceReport, type YearMap } from '../../shared/model/province.js';
import { createServices } from '../services/index.js';
import { readProvinceFolder } from '../services/province.js';
import { REVIEW_LIMITS, type ReviewWorkbookResult } from '../../shared/review.js';
import { findRegionFile, reviewWorkbookFor } from '../services/reviews.js';
import { defaultDataDir } from '../services/paths.js';
import { isIsoDate } from '../../shared/model/revision.js';

const HELP: Record<string, string> = {
  main: `RPJMD Workbench command line ${pkg.version}

Usage: npm run cli -- <command> [options]

Commands:
  export   write the annex (lampiran) of a scenario as .xlsx or .pdf
  import   read realisations or targets from an .xlsx or .csv into a workbook
  check    run the checks (pemeriksaan) on a scenario; exit code 1 on errors
  feasibility  the growth each poverty target needs (kelayakan), from the region's own distribution
  province the regencies' workbooks in a folder side by side, with the province's aggregate

Run "npm run cli -- <command> --help" for the options of a command.
`,
  export: `Usage: npm run cli -- export --workbook FILE --out FILE.xlsx|FILE.pdf [options]

Writes the annex for the governor's review (Lampiran I–III, Catatan Perubahan, Sumber Data,
Kelayakan Target, Lampiran IV, Tindak Lanjut Hasil Evaluasi):
the workbook (.xlsx), or the same annex as a PDF (.pdf: a section per sheet, the font embedded).
The extension of --out chooses. Refused (exit code 1) while an error-level check fails.

  --workbook FILE      the .rpjmd workbook (opened read-only)
  --out FILE           where to write the annex: FILE.xlsx or FILE.pdf
  --scenario NAME      scenario to export (default: the one marked usulan)
  --lang id|en         labels in Indonesian (default) or English
  --paper A4|F4        paper size (default A4); F4 = folio 215 × 330 mm
  --date YYYY-MM-DD    date printed on the annex (default: today)
  --signer-name TEXT   signer's name   } default: the signer remembered by the app;
  --signer-title TEXT  signer's title  } given values are used for this export only
  --signer-nip TEXT    signer's NIP    }
  --place TEXT         place of signing (default: the region's name)
  --force              overwrite --out if it exists
`,
  import: `Usage: npm run cli -- import --workbook FILE --from FILE.xlsx|FILE.csv [options]

Reads numbers from our own annex (round trip) or from a sheet with a header row
"Indikator | Satuan | <year> | <year> …", a programme list, or the notes of an evaluation
workbook (province --review-out; its Catatan Evaluasi column) (CSV: comma or semicolon; UTF-8, or Windows-1252 when
not UTF-8) and prints what would change, at full precision. Numbers written as text are read in
the file's convention (decimal comma 12,32 or decimal point 12.32), decided from its
unambiguous cells and printed; when none decides, the id-ID decimal comma is assumed and said.
A BPS mark "*" or "**" (angka sementara) is kept as the value's provisional status.

Rejected cells are listed with sheet, row and column. When any cell is rejected, nothing is
written and the exit code is 1, unless --partial is given: then the valid cells are written
and the exit code is 0 (the rejected cells are still listed). The cells written are one undo
step, with a change-log entry per cell.

  --workbook FILE      the .rpjmd workbook
  --from FILE          the spreadsheet to read
  --series SERIES      where template numbers go: realisation (default), original_target,
                       baseline, projection, se (the standard error of each realisation,
                       in the indicator's unit), revised_target (needs --scenario)
  --scenario NAME      scenario for revised targets (annex files name their own)
  --partial            write the valid cells even when others are rejected
  --dry-run            print the preview only; write nothing (exit code as the import would have)

Exit codes: 0 written (or nothing to write); 1 cells rejected and nothing written (no
--partial); 2 bad arguments, or a file refused as a whole.
`,
  check: `Usage: npm run cli -- check --workbook FILE [--scenario NAME] [--lang id|en]

Prints every finding of the checks on a scenario (default: the one marked usulan, or the only
scenario). Exit code 1 when an error-level check fails, 0 otherwise.

  --workbook FILE      the .rpjmd workbook (opened read-only)
  --scenario NAME      scenario to check
  --lang id|en         language of the findings (default id)
`,
  feasibility: `Usage: npm run cli -- feasibility --workbook FILE [--scenario NAME] [--json] [--lang id|en]

Kelayakan: fits a lognormal of consumption to the base year's P0 and P1 (else the Gini ratio),
then prints for each revised P0 target after the base year the distribution-neutral growth of
mean consumption it needs (cumulative and a year), the people who leave poverty that year, the
region's own record (the growth its realised falls implied, against economic growth: the
pass-through) and a rating (realistic, ambitious, beyond the record). Missing numbers are named
with indicator, year and series. See docs/METHODS.md, "Feasibility from the distribution".

  --workbook FILE      the .rpjmd workbook (opened read-only; nothing is written)
  --scenario NAME      scenario to assess (default: the one marked usulan, else the first)
  --json               print the report as JSON: rates as shares (0.1232), growth as
                       fractions (0.0145), people as whole numbers; with \`interventions\`:
                       per year p0Without, p0With, peopleLifted, budget, costPerPersonLifted
                       (and the gap to the regency's reference target), model estimates
  --lang id|en         language of the messages and ratings (default id)
`,
  province: `Usage: npm run cli -- province --folder DIR [--json]

Opens every *.rpjmd in DIR (not its subfolders) READ-ONLY — no lock is taken and nothing is
written; the files stay byte-identical — and shows per region and year the P0 realisations,
the original targets (target awal), the revised targets of the region's usulan scenario (none
without one) and the population the region's own rate ↔ count uses (the Susenas population,
never the census). The provincial aggregate per year is the population-weighted mean
Σ P0ₖ × popₖ ÷ Σ popₖ over the regions that have both that year (it says how many); the same for
the target path (each region's revised target, else its original one).

The province and plan period are those most workbooks name. Workbooks of another province or
plan period, a second file of the same region, and files the store refuses (a newer version,
damaged, not a workbook, another application's, left mid-write) are listed with the reason
and left out of the aggregate.

Flags: regions whose 2024 P0 (revised, else original, within their horizon) is not below 10 %
(the Governor of Sumatera Selatan's target for every regency) or that have none; regions whose
workbook fails its own error-level checks on its usulan.

  --folder DIR         the folder of workbooks
  --json               print the report as JSON:
                         { province, period, rates: "percent",
                           regions: [{ name, file, population: {year: n}, p0: {year: rate},
                                       original: {year: rate}, revised: {year: rate} | null,
                                       usulan, horizonYear, checkErrors, illustrative,
                                       indicators: { P0|P0E|P1|P2|JPM|JPME:
                                         { realised, original, revised } } }],
                           aggregate: { p0: {year: rate}, coverage: {year: n},
                                        population: {year: n},
                                        target: { p0, coverage, population },
                                        indicators: { CODE: { realised, target:
                                          { value, coverage, population } } } },
                           excluded: [{ file, reason, message }],
                           flags: { notBelowTenIn2024: [{ name, file, value, from }],
                                    failingChecks: [{ name, file, errors }],
                                    loosening: the 3 loosest of "loosening" },
                           loosening: [{ name, file, year, original, revised, change }]
                                      (every region looser than its original, loosest first),
                           provinceTargets: { yearlyFall: [{ year, from, to, fall, meets,
                                                             complete }],
                                              range2021: { value, within, complete … } } }
                       P0, P0E, P1, P2 add up as population-weighted means (FGT measures
                       decompose by population share); JPM and JPME as sums.
                       Rates are in percent as the workbook stores them (12,32 % → 12.32),
                       unrounded in the aggregate; years are keys ("2020").

Evaluation workbook of one region (for the governor's evaluation team):

  npm run cli -- province --folder DIR --region NAME --review-out FILE.xlsx
                 [--evaluator NAME] [--date YYYY-MM-DD] [--force]

  --region NAME        the region as its plan names it (case ignored, with or without
                       "Kabupaten"/"Kota": "Muara Enim", "Kota Palembang") or its file name
  --review-out FILE    the .xlsx to write (refused when it exists, unless --force): sheet
                       "Evaluasi" with the title block (Provinsi, Kabupaten/Kota, Berkas,
                       Usulan, Nama Evaluator, Tanggal Evaluasi) and one row per standard
                       indicator and year: Kode | Indikator | Satuan | Tahun | Realisasi |
                       Target Awal | Target Perubahan | Catatan Evaluasi (the column to fill);
                       the region imports it back (Ekspor → Impor, or cli import)
  --evaluator NAME     prefilled as Nama Evaluator (may be left to fill in Excel)
  --date YYYY-MM-DD    prefilled as Tanggal Evaluasi (default today)
The region's workbook is opened read-only, as above.

Exit codes: 0 the report (or the evaluation workbook) was made (flags do not change it); 2 bad
arguments, an unknown region (the folder's regions are listed) or the folder cannot be read.
`,
};

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function call<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) {
    const f = r as Failure;
    throw new CliError(f.message, f.code === 'blocked' ? 1 : 2);
  }
  return r.value as T;
}

function required(value: string | undefined, flag: string, command: string): string {
  if (!value) throw new CliError(`${command}: ${flag} is required (see npm run cli -- ${command} --help)`, 2);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`, 2);
  return value as T;
}

function scenarioId(summary: WorkbookSummary, name: string | undefined, fallback: 'usulan' | 'usulan-or-only'): number | undefined {
  if (name !== undefined) {
    const s = summary.scenarios.find((x) => x.name === name);
    if (!s) {
      const names = summary.scenarios.map((x) => `"${x.name}"`).join(', ') || 'none';
      throw new CliError(`${summary.fileName} has no scenario named "${name}" (scenarios: ${names})`, 2);
    }
    return s.id;
  }
  const usulan = summary.scenarios.find((s) => s.status === 'usulan');
  if (usulan) return usulan.id;
  if (fallback === 'usulan-or-only' && summary.scenarios.length === 1) return summary.scenarios[0]!.id;
  if (fallback === 'usulan-or-only') {
    const names = summary.scenarios.map((x) => `"${x.name}"`).join(', ') || 'none';
    throw new CliError(`${summary.fileName} has no scenario marked usulan; name one with --scenario (scenarios: ${names})`, 2);
  }
  return undefined;
}

const options = {
  workbook: { type: 'string' },
  scenario: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  paper: { type: 'string' },
  date: { type: 'string' },
  'signer-name': { type: 'string' },
  'signer-title': { type: 'string' },
  'signer-nip': { type: 'string' },
  place: { type: 'string' },
  force: { type: 'boolean' },
  from: { type: 'string' },
  series: { type: 'string' },
  'dry-run': { type: 'boolean' },
  partial: { type: 'boolean' },
  json: { type: 'boolean' },
  folder: { type: 'string' },
  region: { type: 'string' },
  'review-out': { type: 'string' },
  evaluator: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function runExport(dispatch: Dispatch, v: Values): Promise<number> {
  const workbook = required(v.workbook, '--workbook', 'export');
  const target = required(v.out, '--out', 'export');
  const format = { '.xlsx': 'xlsx', '.pdf': 'pdf' }[path.extname(target).toLowerCase()];
  if (!format) throw new CliError(`--out must name an .xlsx or a .pdf file; got "${path.basename(target)}"`, 2);
  const language = oneOf(v.lang, ['id', 'en'] as const, '--lang');
  const paper = oneOf(v.paper, ['A4', 'F4'] as const, '--paper');
  const summary = await call<WorkbookSummary>(dispatch, 'workbook.open', { path: workbook, readOnly: true });
  let signer: Signer | undefined;
  if (v['signer-name'] || v['signer-title'] || v['signer-nip'] || v.place) {
    const remembered = await call<Signer | null>(dispatch, 'annex.signer.get', {});
    signer = {
      name: v['signer-name'] ?? remembered?.name ?? '',
      title: v['signer-title'] ?? remembered?.title ?? '',
      nip: v['signer-nip'] ?? remembered?.nip ?? '',
      ...((v.place ?? remembered?.place) ? { place: v.place ?? remembered?.place } : {}),
    };
  }
  const r = await call<AnnexExportResult>(dispatch, 'annex.export', {
    path: path.resolve(target),
    scenarioId: scenarioId(summary, v.scenario, 'usulan'),
    ...(language ? { language } : {}),
    ...(paper ? { paper } : {}),
    ...(signer ? { signer } : {}),
    ...(v.date ? { date: v.date } : {}),
    overwrite: v.force ?? false,
    format,
  });
  out(`Annex written: ${r.path}`);
  out(`  scenario: ${r.scenarioName}`);
  out(`  ${r.format === 'pdf' ? 'sections' : 'sheets'}: ${r.sheets.join(', ')}`);
  out(`  findings (in Lampiran III): ${r.findings.error} errors, ${r.findings.warning} warnings, ${r.findings.info} info`);
  return 0;
}

/** A value at full precision (never rounded to the indicator's decimals), with its provisional mark. */
function shown(value: number | null, decimals: number, provisional: boolean | undefined): string {
  if (value === null) return '–';
  return `${formatExact(value, decimals)}${provisional ? ' provisional' : ''}`;
}

function describeCell(c: ImportCell, inds: Map<number, Indicator>): string {
  const d = inds.get(c.indicatorId)?.decimals ?? 0;
  const mark = c.footnote ? (c.provisional ? `, BPS mark "${c.footnote}": angka sementara` : `, footnote "${c.footnote}" stripped`) : '';
  return `${c.indicatorCode} ${c.year} ${c.series}: ${shown(c.oldValue, d, c.oldProvisional)} → ${shown(c.newValue, d, c.provisional)}  (${c.sheet}!${c.column}${c.row}${mark})`;
}

const cellText = (c: CellText) => `${c.sheet}!${c.column}${c.row} "${c.text}"`;
const decimalName = (d: ',' | '.' | null) => (d === ',' ? 'decimal comma' : d === '.' ? 'decimal point' : 'no convention (ambiguous cells rejected)');
const thousandsName = (t: string | null) => (t === null ? '' : `, thousands "${t === ' ' ? 'space' : t}"`);

const rupiah = (v: number | null) => (v === null ? '–' : `Rp ${formatNumber(v)}`);
const yearNumbers = (v: ImportProgrammeYear['newValues'] | null) =>
  v === null ? '–' : `${formatNumber(v.households)} households, ${rupiah(v.benefit)}/household/month, accuracy ${formatExact(v.accuracy)} %, budget ${rupiah(v.budget)}`;
const PROGRAMME_MARK = { new: '+ new     ', changed: '~ changed ', unchanged: '= same    ' } as const;

/** A programme of a programme list and its year rows (old → new), as lines. */
function describeProgramme(p: ImportProgramme): string[] {
  const fields = [`cluster ${p.old && p.old.cluster !== p.cluster ? `${p.old.cluster} → ` : ''}${p.cluster}`,
    `strategy ${p.old && p.old.strategy !== p.strategy ? `${p.old.strategy} → ` : ''}${p.strategy}${p.strategyDefaulted ? ' (from the cluster)' : ''}`,
    `Perangkat Daerah "${p.old && p.old.agency !== p.agency ? `${p.old.agency}" → "` : ''}${p.agency}"`];
  if (p.old?.illustrative && !p.illustrative) fields.push('ilustrasi mark removed');
  return [
    `  ${PROGRAMME_MARK[p.status]} programme ${p.name}: ${fields.join(', ')}  (${p.sheet}!${p.column}${p.row})`,
    ...p.years
      .filter((y) => y.status !== 'unchanged')
      .map((y) => `      ${PROGRAMME_MARK[y.status]} ${y.year}: ${y.oldValues ? `${yearNumbers(y.oldValues)} → ` : ''}${yearNumbers(y.newValues)}  (${y.sheet}!${y.column}${y.row})`),
  ];
}

/** How the preview read numbers written as text, as lines. */
function describeConvention(p: ImportPreview): string[] {
  const c = p.convention;
  if (!c) return ['  numbers: stored as numbers or written without separators (no convention needed)'];
  if (!c.decidedBy) return [`  numbers: ${decimalName(c.decimal)} (id-ID) assumed: no cell shows which convention the file uses`];
  if (!c.perColumn) return [`  numbers: ${decimalName(c.decimal)}${thousandsName(c.thousands)} (decided by ${cellText(c.decidedBy)})`];
  return [
    '  numbers: the file mixes conventions; each column is read in its own:',
    ...c.perColumn.map((k) => `    ${k.sheet}!${k.column}: ${decimalName(k.decimal)}${thousandsName(k.thousands)}${k.decidedBy ? ` (decided by ${cellText(k.decidedBy)})` : ''}`),
  ];
}

async function runImport(dispatch: Dispatch, v: Values): Promise<number> {
  const workbook = required(v.workbook, '--workbook', 'import');
  const from = required(v.from, '--from', 'import');
  const raw = v.series === 'revised' ? 'revised_target' : v.series;
  const series = oneOf(raw, ['realisation', 'original_target', 'baseline', 'projection', 'se', 'revised_target'] as const, '--series') ?? 'realisation';
  const dryRun = v['dry-run'] ?? false;
  const partial = v.partial ?? false;
  const summary = await call<WorkbookSummary>(dispatch, 'workbook.open', { path: workbook, readOnly: dryRun });
  const target: { series: string; scenarioId?: number } = { series };
  if (series === 'revised_target') {
    const id = scenarioId(summary, required(v.scenario, '--scenario', 'import'), 'usulan');
    if (id !== undefined) target.scenarioId = id;
  } else if (v.scenario !== undefined) {
    // For our own annex: import the Menjadi columns into this scenario rather than the one named in the file.
    target.series = 'revised_target';
    target.scenarioId = scenarioId(summary, v.scenario, 'usulan')!;
  }
  const p = await call<ImportPreview>(dispatch, 'import.preview', { source: { path: path.resolve(from) }, target });
  const inds = new Map(summary.indicators.map((i) => [i.id, i]));
  const changes = p.new.length + p.changed.length + (p.programmes?.changes ?? 0) + (p.reviews?.new ?? 0);
  out(`Import preview: ${p.fileName} (layout: ${p.layout}${p.scenario ? `, scenario "${p.scenario.name}"` : ''}) → ${summary.fileName}`);
  for (const line of describeConvention(p)) out(line);
  if (p.encoding === 'windows-1252') out('  encoding: Windows-1252 (the file is not UTF-8)');
  // A programme list counts its year rows (programme and year).
  // An evaluation workbook counts its notes (a note already kept is unchanged, never duplicated).
  const counted = p.programmes
    ? { new: p.programmes.new, changed: p.programmes.changed, unchanged: p.programmes.unchanged, unit: ' programme year(s)' }
    : p.reviews
      ? { new: p.reviews.new, changed: 0, unchanged: p.reviews.present, unit: ' note(s)' }
      : { new: p.new.length, changed: p.changed.length, unchanged: p.unchanged, unit: '' };
  if (p.reviews) out(`  evaluation of ${p.reviews.region} by ${p.reviews.evaluator}, ${p.reviews.reviewDate}${p.reviews.scenarioName ? ` (usulan "${p.reviews.scenarioName}")` : ''}`);
  if (p.programmes) out(`  programmes: ${p.programmes.programmes.length} (${p.programmes.programmes.filter((x) => x.status === 'new').length} new, ${p.programmes.programmes.filter((x) => x.status === 'changed').length} changed)`);
  out(`  new: ${counted.new}${counted.unit}`);
  out(`  changed: ${counted.changed}${counted.unit}`);
  out(`  unchanged: ${counted.unchanged}${counted.unit}`);
  out(`  rejected: ${p.rejected.length}`);
  for (const c of p.new) out(`  + new      ${describeCell(c, inds)}`);
  for (const c of p.changed) out(`  ~ changed  ${describeCell(c, inds)}`);
  for (const prog of p.programmes?.programmes ?? []) for (const line of describeProgramme(prog)) out(line);
  for (const n of p.reviews?.notes ?? []) {
    out(`  ${n.status === 'new' ? '+ new     ' : '= kept    '} ${n.sheet}!${n.column}${n.row} ${n.indicatorCode} ${n.year ?? 'all years'}: ${n.note.replace(/\s+/g, ' ')}`);
  }
  for (const r of p.rejected) out(`  ! rejected ${r.sheet}!${r.column}${r.row} [${r.code}] ${r.message}`);
  for (const n of p.notices) out(`  i note     ${n.sheet ? `${n.sheet}!${n.column}${n.row} ` : ''}[${n.code}] ${n.message}`);
  out(`${changes} changes.`);
  const hidden = p.notices.some((n) => n.code === 'too_many_rejections');
  const rejected = `${p.rejected.length}${hidden ? '+' : ''} rejected cell(s)`;
  if (p.rejected.length > 0 && !partial) {
    // Nothing is written from a file with rejected cells unless asked: a half-imported file is harder to notice than a refused one.
    out(`Nothing written: ${rejected} (listed above). Correct the file, or run with --partial to write the ${changes} valid change(s) without them.`);
    return 1;
  }
  if (dryRun) {
    out('Dry run: nothing written.');
    return 0;
  }
  if (changes > 0) {
    const applied = await call<ImportApplyResult>(dispatch, 'import.apply', { previewId: p.previewId });
    out(`Written: ${applied.applied} ${p.programmes ? 'programme change(s)' : p.reviews ? 'evaluation note(s)' : 'cells'} (${applied.new} new, ${applied.changed} changed) as one undo step (${applied.undoLabel}).`);
  }
  if (p.rejected.length > 0) out(`Not written: ${rejected} (--partial).`);
  return 0;
}

async function runCheck(dispatch: Dispatch, v: Values): Promise<number> {
  const workbook = required(v.workbook, '--workbook', 'check');
  const lang = oneOf(v.lang, ['id', 'en'] as const, '--lang') ?? 'id';
  const summary = await call<WorkbookSummary>(dispatch, 'workbook.open', { path: workbook, readOnly: true });
  const id = scenarioId(summary, v.scenario, 'usulan-or-only')!;
  const report = await call<CheckReport>(dispatch, 'checks.run', { scenarioId: id });
  const name = summary.scenarios.find((s) => s.id === id)?.name ?? String(id);
  out(`Checks of scenario "${name}" in ${summary.fileName}: ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} info`);
  for (const f of report.findings) {
    out(`  ${f.severity.toUpperCase().padEnd(7)} ${f.indicatorCode}${f.year !== null ? ` ${f.year}` : ''} [${f.checkId}] ${f.message[lang]}`);
  }
  return report.counts.error > 0 ? 1 : 0;
}

const RATING_TEXT: Record<FeasibilityRating, { id: string; en: string }> = {
  realistic: { id: 'realistis', en: 'realistic' },
  ambitious: { id: 'ambisius', en: 'ambitious' },
  beyond_record: { id: 'di luar catatan', en: 'beyond the record' },
  no_record: { id: 'tanpa catatan', en: 'no record' },
};

/** A share or a growth fraction as a percentage, id-ID: 0.004817 → "0,48 %"; null → "–". */
const asPercent = (v: number | null, decimals = 2) => (v === null ? '–' : `${formatShare(v, decimals)} %`);
const asNumber = (v: number | null, decimals: number) => (v === null ? '–' : formatNumber(v, decimals));

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`.trimEnd());
}

async function runFeasibility(dispatch: Dispatch, v: Values): Promise<number> {
  const workbook = required(v.workbook, '--workbook', 'feasibility');
  const lang = oneOf(v.lang, ['id', 'en'] as const, '--lang') ?? 'id';
  const summary = await call<WorkbookSummary>(dispatch, 'workbook.open', { path: workbook, readOnly: true });
  let scenario: Scenario | undefined;
  let chosen: string;
  if (v.scenario !== undefined) {
    scenario = summary.scenarios.find((s) => s.id === scenarioId(summary, v.scenario, 'usulan'));
    chosen = 'named with --scenario';
  } else {
    scenario = summary.scenarios.find((s) => s.status === 'usulan');
    chosen = 'the usulan';
    if (!scenario) {
      scenario = summary.scenarios[0];
      chosen = summary.scenarios.length === 1 ? 'the only scenario' : `the first of ${summary.scenarios.length}; none is usulan (--scenario NAME picks another)`;
    }
  }
  if (!scenario) throw new CliError(`${summary.fileName} has no scenario to assess`, 2);
  const r = await call<FeasibilityReport>(dispatch, 'feasibility.get', { scenarioId: scenario.id });
  const iv = await call<InterventionsView>(dispatch, 'interventions.get', { scenarioId: scenario.id });
  // Issue 17: the programmes' effect per year beside the feasibility (model estimates).
  const interventions = iv.report.years.map((y) => ({
    year: y.year, p0Without: y.p0Without, p0With: y.p0With, peopleLifted: y.peopleLifted, budget: y.budget, costPerPersonLifted: y.costPerPersonLifted,
    target: y.target, gapPp: y.gapPp, gapPeople: y.gapPeople, budgetToClose: y.budgetToClose,
  }));
  if (v.json) {
    out(JSON.stringify({ ...r, interventions, interventionProblems: iv.report.problems }, null, 2));
    return 0;
  }
  const b = r.base;
  out(`Kelayakan (feasibility) of the P0 targets of scenario "${scenario.name}" (${chosen}) in ${summary.fileName}`);
  if (r.illustrative) out('  (some numbers used are marked ilustrasi)');
  out('');
  if (b.year === null) out('Base year: none (see the problems below)');
  else {
    const from = b.fittedFrom === 'p1' ? `from P1 ${asNumber(b.p1 === null ? null : b.p1 * 100, 2)}` : b.fittedFrom === 'gini' ? `from the Gini ratio ${asNumber(b.gini, 3)}` : 'not fitted';
    out(`Base year ${b.year}: P0 ${asPercent(b.p0)}${b.provisional ? ' (sementara)' : ''}, ${b.poor === null ? '' : `${formatNumber(b.poor, 0)} poor of ${formatNumber(b.population, 0)}; `}σ ${asNumber(b.sigma, 4)} (${from}), a ${asNumber(b.a, 4)}`);
    if (b.sigma !== null) {
      out(`  the fitted lognormal: P1 ${asNumber(b.p1Predicted === null ? null : b.p1Predicted * 100, 2)}, P2 ${asNumber(b.p2Predicted === null ? null : b.p2Predicted * 100, 3)} (realised ${asNumber(b.p2 === null ? null : b.p2 * 100, 2)}${b.p2Gap === null ? '' : `, gap ${formatNumber(b.p2Gap * 100, 3)}`}), Gini ${asNumber(b.giniPredicted, 3)} (realised ${asNumber(b.gini, 3)})`);
    }
  }
  out('');
  out("Record (the consumption growth each realised year's change of P0 implies, with the base σ):");
  if (r.record.years.length === 0) out('  none: no two consecutive realised years with P0');
  else {
    out(
      table([
        ['year', 'P0 from', 'P0 to', 'implied growth', 'economic growth (PE)'],
        ...r.record.years.map((y) => [String(y.year), asPercent(y.p0From), asPercent(y.p0To), asPercent(y.impliedGrowth), asPercent(y.economicGrowth)]),
      ]).join('\n'),
    );
    out(`  mean ${asPercent(r.record.meanImpliedGrowth)} a year, best ${asPercent(r.record.bestImpliedGrowth)}; pass-through (Σ implied ÷ Σ economic growth) ${asNumber(r.record.passThrough, 3)}`);
    out(`  realistic up to ${asPercent(r.record.realisticUpTo)} a year, ambitious up to ${asPercent(r.record.ambitiousUpTo)}`);
  }
  out('');
  out('Targets (growth of mean consumption, distribution-neutral; people: the fall in the number of poor that year):');
  if (r.years.length === 0) out('  none after the base year');
  else {
    out(
      table([
        ['year', 'target P0', 'growth needed (cumul.)', 'a year', 'from year before', 'people out', 'rating', 'economic growth needed'],
        ...r.years.map((y) => [
          String(y.year),
          asPercent(y.target),
          asPercent(y.requiredGrowth),
          asPercent(y.requiredGrowthPerYear),
          asPercent(y.requiredGrowthFromPrevious),
          asNumber(y.peopleOut, 0),
          y.rating === null ? '–' : RATING_TEXT[y.rating][lang],
          asPercent(y.economicGrowthNeeded),
        ]),
      ]).join('\n'),
    );
  }
  out('');
  out('Programmes (a model estimate: the path with the programmes against the scenario\'s own path; gap to the regency\'s reference):');
  const withEffect = interventions.filter((y) => y.budget !== null || (y.peopleLifted ?? 0) > 0);
  if (withEffect.length === 0) out('  none with an effect');
  else {
    out(
      table([
        ['year', 'P0 without', 'P0 with', 'people lifted', 'budget (Rp)', 'Rp per person lifted', 'reference', 'gap (pp)', 'budget to close (Rp)'],
        ...withEffect.map((y) => [
          String(y.year), asPercent(y.p0Without), asPercent(y.p0With), asNumber(y.peopleLifted, 0), asNumber(y.budget, 0), asNumber(y.costPerPersonLifted, 0),
          asPercent(y.target), y.gapPp === null ? '–' : formatNumber(y.gapPp * 100, 2), asNumber(y.budgetToClose, 0),
        ]),
      ]).join('\n'),
    );
  }
  if (r.problems.length > 0) {
    out('');
    out('Problems:');
    for (const p of r.problems) {
      const at = [p.indicator, p.year ?? '', p.series].filter((x) => x !== '').join(' ');
      out(`  ${p.severity.toUpperCase().padEnd(7)} ${at}: ${p.message[lang]}`);
    }
  }
  return 0;
}

/**
 * province --region NAME --review-out FILE.xlsx: the evaluation workbook of one region (issue 18
 * item 3), its workbook opened read-only. An unknown region exits 2 listing the folder's regions.
 */
async function runReviewOut(folder: string, v: Values): Promise<number> {
  const region = required(v.region, '--region', 'province');
  const target = required(v['review-out'], '--review-out', 'province');
  if (!target.toLowerCase().endsWith('.xlsx')) throw new CliError(`province: --review-out must name an .xlsx file; got "${target}"`, 2);
  if (v.date !== undefined && !isIsoDate(v.date)) throw new CliError(`province: --date must be a date YYYY-MM-DD; got "${v.date}"`, 2);
  const evaluator = (v.evaluator ?? '').trim();
  if (evaluator.length > REVIEW_LIMITS.evaluator) throw new CliError(`province: --evaluator is longer than ${REVIEW_LIMITS.evaluator} characters`, 2);
  let made: ReviewWorkbookResult;
  try {
    const { file } = await findRegionFile(folder, region);
    made = await reviewWorkbookFor({ folder, file, evaluator, date: v.date });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  try {
    fs.writeFileSync(target, Buffer.from(made.base64, 'base64'), { flag: v.force ? 'w' : 'wx' });
  } catch (err) {
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
    throw new CliError(exists ? `${target} already exists; give --force to replace it` : `${target} cannot be written: ${(err as Error).message}`, 2);
  }
  out(`${path.resolve(target)}: evaluation workbook of ${made.region} (${made.rows} indicator × year rows; fill in the Catatan Evaluasi column). ${path.resolve(folder)} was read only; nothing in it was written.`);
  return 0;
}

/** The province report as the --json contract gives it (see HELP.province). */
function provinceJson(r: ProvinceReport): unknown {
  return {
    province: r.province,
    period: r.period,
    rates: 'percent',
    regions: r.regions.map((x) => ({
      name: x.name,
      file: x.file,
      population: x.population,
      p0: x.p0,
      original: x.original,
      revised: x.revised,
      usulan: x.usulan,
      horizonYear: x.horizonYear,
      checkErrors: x.checkErrors,
      illustrative: x.illustrative,
      indicators: x.indicators,
    })),
    aggregate: {
      p0: r.aggregate.p0,
      coverage: r.aggregate.coverage,
      population: r.aggregate.population,
      target: { p0: r.aggregate.target.rate, coverage: r.aggregate.target.coverage, population: r.aggregate.target.population },
      indicators: r.aggregate.indicators,
    },
    excluded: r.excluded,
    loosening: r.loosening,
    flags: r.flags,
    provinceTargets: r.provinceTargets,
  };
}

async function runProvince(v: Values): Promise<number> {
  const folder = required(v.folder, '--folder', 'province');
  if (v['review-out'] !== undefined || v.region !== undefined) return runReviewOut(folder, v);
  let r: ProvinceReport;
  try {
    r = await readProvinceFolder(folder);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  if (v.json) {
    out(JSON.stringify(provinceJson(r), null, 2));
    return 0;
  }
  const rate = (m: YearMap | null | undefined, y: number) => (m?.[y] === undefined ? '–' : formatNumber(m[y], 2));
  const count = (m: YearMap, y: number) => (m[y] === undefined ? '–' : formatNumber(m[y], 0));
  out(`Province ${r.province ?? '–'}${r.period ? `, plan ${r.period.firstYear}–${r.period.lastYear}` : ''}: ${r.regions.length} regions in ${path.resolve(folder)} (read-only; nothing written)`);
  for (const x of r.regions) {
    const years = [...new Set([...Object.keys(x.population), ...Object.keys(x.p0), ...Object.keys(x.original), ...Object.keys(x.revised ?? {})])].map(Number).sort((a, b) => a - b);
    out('');
    out(`${x.name} (${x.file})${x.usulan ? `, usulan "${x.usulan}"` : ', no usulan'}${x.checkErrors > 0 ? `, ${x.checkErrors} error-level check findings` : ''}`);
    out(
      table([
        ['year', 'population (Susenas)', 'P0 realised', 'P0 target awal', 'P0 revised'],
        ...years.map((y) => [String(y), count(x.population, y), rate(x.p0, y), rate(x.original, y), x.revised ? rate(x.revised, y) : '–']),
      ]).join('\n'),
    );
  }
  out('');
  out('Aggregate (Σ P0ₖ × popₖ ÷ Σ popₖ over the regions that have both that year):');
  const aggYears = [...new Set([...Object.keys(r.aggregate.p0), ...Object.keys(r.aggregate.target.rate)])].map(Number).sort((a, b) => a - b);
  if (aggYears.length === 0) out('  none');
  else {
    out(
      table([
        ['year', 'P0 realised', 'regions', 'P0 target (revised, else awal)', 'regions'],
        ...aggYears.map((y) => [
          String(y),
          rate(r.aggregate.p0, y),
          r.aggregate.coverage[y] === undefined ? '0' : `${r.aggregate.coverage[y]}/${r.regions.length}`,
          rate(r.aggregate.target.rate, y),
          r.aggregate.target.coverage[y] === undefined ? '0' : `${r.aggregate.target.coverage[y]}/${r.regions.length}`,
        ]),
      ]).join('\n'),
    );
  }
  out('');
  out(`Flags: 2024 P0 not below ${GOVERNOR_TARGET.below} % (the Governor's target for every regency):`);
  if (r.flags.notBelowTenIn2024.length === 0) out('  none');
  for (const f of r.flags.notBelowTenIn2024) out(`  ${f.name} (${f.file}): ${f.value === null ? 'no 2024 target within its horizon' : `${formatNumber(f.value, 2)} % (${f.from === 'revised' ? 'revised' : 'target awal'})`}`);
  out('Flags: workbooks failing their own error-level checks (usulan):');
  if (r.flags.failingChecks.length === 0) out('  none');
  for (const f of r.flags.failingChecks) out(`  ${f.name} (${f.file}): ${f.errors} errors`);
  out(`Flags: the ${LOOSEST_FLAGGED} regions whose revised P0 loosens most against the original (of ${r.loosening.length} that loosen; loosest year):`);
  if (r.flags.loosening.length === 0) out('  none');
  for (const f of r.flags.loosening) out(`  ${f.name} (${f.file}): ${f.year} ${formatNumber(f.original, 2)} → ${formatNumber(f.revised, 2)} (+${formatNumber(f.change, 2)} pp)`);
  out('');
  const pt = r.provinceTargets;
  const partial = (complete: boolean) => (complete ? '' : ' (not every region: not comparable)');
  out(`Province targets on the aggregate target path:`);
  out(`  ${pt.range2021.year} within ${formatNumber(pt.range2021.low, 2)}–${formatNumber(pt.range2021.high, 2)} %: ${pt.range2021.value === null ? 'no aggregate' : `${formatNumber(pt.range2021.value, 2)} % — ${pt.range2021.within ? 'yes' : 'no'}${partial(pt.range2021.complete)}`}`);
  for (const f of pt.yearlyFall) out(`  ${f.year - 1}→${f.year} falls ≥ 1 pp: ${formatNumber(f.fall, 2)} pp — ${f.meets ? 'yes' : 'no'}${partial(f.complete)}`);
  if (r.excluded.length > 0) {
    out('');
    out('Left out of the aggregate:');
    for (const e of r.excluded) out(`  ${e.file}: ${e.reason} — ${e.message}`);
  }
  return 0;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message} (see npm run cli -- --help)`, 2);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}"`, 2);
  if (!command || command === 'help') {
    out(HELP.main!);
    return command || values.help ? 0 : 2;
  }
  if (command === 'province') {
    if (values.help) {
      out(HELP.province!);
      return 0;
    }
    return runProvince(values);
  }
  const runner = { export: runExport, import: runImport, check: runCheck, feasibility: runFeasibility }[command];
  if (!runner) throw new CliError(`unknown command "${command}" (commands: export, import, check, feasibility, province)`, 2);
  if (values.help) {
    out(HELP[command]!);
    return 0;
  }
  const services = createServices({ dataDir: defaultDataDir(), host: 'browser', appVersion: pkg.version });
  try {
    return await runner(services.dispatch, values);
  } finally {
    await services.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`cli: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof CliError ? err.exitCode : 2);
  },
);
