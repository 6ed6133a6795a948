/**
 * The one API contract: method name → input schema and result type.
 * Both transports (Electron IPC, loopback HTTP) and the typed client are generated from this map,
 * so adding a method is one entry here plus its handler in electron/services/handlers.ts.
 */
import { z } from 'zod';
import type {
  AppInfo,
  CapaianSetting,
  MethodBreak,
  Person,
  PopulationView,
  WorkbookSettings,
  ChangeLogEntry,
  Finding,
  HistoryState,
  Indicator,
  ReferenceTarget,
  Severity,
  ShockYear,
  IndicatorValue,
  RecentFile,
  Scenario,
  Programme,
  ScenarioTargets,
  SaveBackResult,
  WorkbookSummary,
} from '../domain.js';
import { BENEFIT_KINDS, CAPAIAN_BAND_SCALES, COMPARISONS, PROGRAMME_CLUSTERS, PROGRAMME_STRATEGIES, REFERENCE_KINDS, REFERENCE_SCOPES, SCENARIO_STATUSES, SERIES, TYPED_SERIES, VALUE_SOURCE_MAX } from '../domain.js';
import { HISTORY_LIMITS, HISTORY_MODES, type HistoryPage } from '../history.js';
import { isIsoDate } from '../model/revision.js';
import type { FeasibilityReport } from '../model/feasibility.js';
import type { AnnexBytesResult, AnnexExportResult, ImportApplyResult, ImportPreview, Signer } from '../annex.js';
import { ANNEX_FORMATS, ANNEX_LANGUAGES, ANNEX_PAPERS, CHANGE_LOG_MODES, IMPORT_SERIES } from '../annex.js';
import { TARGET_ACTIONS } from '../changes.js';
import { NIP_DIGITS, nipProblem, PERSON_LIMITS } from '../person.js';
import { describeTextProblem, textProblem, type TextRule } from '../text-rules.js';
import { RAPERDA_LIMITS } from '../raperda.js';
import type { InterventionsView } from '../interventions.js';
import type { ProvinceReport } from '../model/province.js';
import type { ProvinceBytesResult, ProvinceExportResult } from '../province.js';
import { REVIEW_LIMITS, REVIEW_STATUSES, type ReviewNote, type ReviewWorkbookResult } from '../review.js';
import type { MethodName } from './methods.js';

/** Declares a method: its input schema now, its result type as a phantom for the type checker. */
function method<R>() {
  return <I extends z.ZodType>(input: I) => ({ input, result: undefined as unknown as R });
}

const none = z.object({}).strict();

/**
 * Text written into a workbook, held to the one text rule (shared/text-rules.ts): no control
 * characters (a multi-line field keeps TAB and LF), non-characters, lone surrogates or
 * bidirectional overrides; a name that shows nothing is refused. The issue names the field.
 */
function wellFormed(schema: z.ZodString, rule: TextRule = {}): z.ZodString {
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: describeTextProblem(problem) });
  });
}
/** One line of text (a label, a code, a signer's name); may be empty. */
const line = (max: number) => wellFormed(z.string().trim().max(max));
/** A name: one line that must show something. */
const name = (max: number, empty = 'is empty') => wellFormed(z.string().trim().min(1, empty).max(max), { name: true });
/** Text with line breaks (a description, a justification, a source, a note); may be empty. */
const prose = (max: number) => wellFormed(z.string().max(max), { multiline: true });

/**
 * A file system path as the user typed or picked it; the service resolves it. Control characters
 * (NUL among them) and broken characters cannot name a file.
 */
const filePath = z
  .string()
  .trim()
  .min(1, 'path is empty')
  .max(4096, 'path is too long')
  .superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem && (problem.kind === 'control' || problem.kind === 'surrogate')) ctx.addIssue({ code: 'custom', message: describeTextProblem(problem) });
  });

/** The years a plan may span (planInput); an opened workbook's plan is held to the same (store.ts). */
export const PLAN_YEARS = { min: 1945, max: 2100, maxSpan: 25 } as const;

const year = z.number().int().min(PLAN_YEARS.min).max(PLAN_YEARS.max);
const id = z.number().int().positive();
const scenarioName = name(120, 'name is empty');
const description = prose(4000);
const scenarioSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original') }).strict(),
  z.object({ kind: z.literal('scenario'), scenarioId: id }).strict(),
  z.object({ kind: z.literal('empty') }).strict(),
]);

const signer = z
  .object({
    place: line(200).optional(),
    name: line(200),
    title: line(200),
    nip: line(40),
  })
  .strict();

/**
 * The person behind every change (the user's profile, not the workbook): name, NIP, jabatan. The
 * NIP may be empty; when given it has 18 digits (spaces allowed), as an ASN's NIP and a PPPK's.
 */
export const personInput = z
  .object({
    name: name(PERSON_LIMITS.name, 'name is empty'),
    nip: line(PERSON_LIMITS.nip).refine((nip) => nipProblem(nip) === null, `a NIP has ${NIP_DIGITS} digits (spaces allowed), or leave it empty`),
    title: line(PERSON_LIMITS.title),
  })
  .strict();

const annexOptions = z.object({
  scenarioId: id.optional(),
  language: z.enum(ANNEX_LANGUAGES).optional(),
  paper: z.enum(ANNEX_PAPERS).optional(),
  signer: signer.optional(),
  /** Catatan Perubahan: the net change per cell (default) or every step in order. */
  changeLog: z.enum(CHANGE_LOG_MODES).optional(),
  /** Printed date, YYYY-MM-DD; default today. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').optional(),
  /** xlsx or pdf; default: annex.export the path's extension (.pdf), else xlsx. */
  format: z.enum(ANNEX_FORMATS).optional(),
});

export const planInput = z
  .object({
    region: name(200),
    province: name(200),
    baselineYear: year,
    firstYear: year,
    lastYear: year,
  })
  .strict()
  .refine((p) => p.baselineYear < p.firstYear, { message: 'baselineYear must precede firstYear', path: ['baselineYear'] })
  .refine((p) => p.firstYear <= p.lastYear && p.lastYear - p.firstYear <= PLAN_YEARS.maxSpan, {
    message: `lastYear must be within ${PLAN_YEARS.maxSpan} years after firstYear`,
    path: ['lastYear'],
  });

/** A history.list bound: a date (YYYY-MM-DD, a whole UTC day) or an ISO instant in UTC. */
const historyInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SS.sssZ')
  .refine((v) => isIsoDate(v.slice(0, 10)) && Number.isFinite(historyBound(v, false)), 'not a real date');
function historyBound(v: string, end: boolean): number {
  return v.length === 10 ? Date.parse(`${v}T00:00:00Z`) + (end ? 86_399_999 : 0) : Date.parse(v);
}

export const contract = {
  /** Name, version and which host serves the renderer. */
  'app.info': method<AppInfo>()(none),

  /** The open workbook, or null when none is open. */
  'workbook.current': method<WorkbookSummary | null>()(none),
  /** Values of the open workbook, optionally limited to some series. */
  'workbook.values': method<IndicatorValue[]>()(
    z.object({ series: z.array(z.enum(SERIES)).min(1).max(SERIES.length).optional() }).strict(),
  ),
  /**
   * Opens an existing workbook file (refusing foreign, newer or damaged files untouched, and files
   * another process has open — code 'locked' — unless readOnly is asked for).
   */
  'workbook.open': method<WorkbookSummary>()(z.object({ path: filePath, readOnly: z.boolean().optional() }).strict()),
  /** Creates a new workbook with the standard indicator set and no values; refuses to overwrite. */
  'workbook.create': method<WorkbookSummary>()(z.object({ path: filePath, plan: planInput.optional() }).strict()),
  /** Copies the open workbook to a new file with SQLite's backup API and continues there. */
  'workbook.saveAs': method<WorkbookSummary>()(
    z.object({ path: filePath, overwrite: z.boolean().optional() }).strict(),
  ),
  /**
   * Writes the local copy of a network or cloud workbook back over its original (backup API, then
   * a rename); when someone else changed the original meanwhile, ours goes beside it instead.
   */
  'workbook.saveBack': method<SaveBackResult>()(none),
  /** Closes the workbook; a network or cloud workbook is saved back first (failing keeps it open). */
  'workbook.close': method<null>()(none),
  /** Opens (creating on first use) the Muara Enim demo workbook in the user's data folder. */
  'workbook.openDemo': method<WorkbookSummary>()(none),

  'recent.list': method<RecentFile[]>()(none),

  /** Creates a scenario from the original targets, another scenario (duplicate), or empty. */
  'scenario.create': method<Scenario>()(
    z.object({ name: scenarioName, description: description.optional(), from: scenarioSource }).strict(),
  ),
  'scenario.update': method<Scenario>()(
    z.object({ scenarioId: id, name: scenarioName.optional(), description: description.optional() }).strict(),
  ),
  /** Deletes a scenario; the change log keeps its targets and justifications. */
  'scenario.delete': method<null>()(z.object({ scenarioId: id }).strict()),
  /** Marks a scenario usulan (the one proposal; any other usulan becomes draft) or draft. */
  'scenario.setStatus': method<Scenario[]>()(z.object({ scenarioId: id, status: z.enum(SCENARIO_STATUSES) }).strict()),
  'scenario.targets': method<ScenarioTargets>()(z.object({ scenarioId: id }).strict()),
  /**
   * Sets or clears revised targets: one transaction, one undo step, a change-log entry per cell.
   * One invalid cell refuses the whole call, naming it.
   */
  'targets.set': method<ScenarioTargets>()(
    z
      .object({
        scenarioId: id,
        action: z.enum(TARGET_ACTIONS),
        cells: z
          .array(z.object({ indicatorId: id, year, value: z.number().finite().nullable() }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
  ),
  'justification.set': method<ScenarioTargets>()(
    z.object({ scenarioId: id, indicatorId: id, text: prose(4000) }).strict(),
  ),
  'history.state': method<HistoryState>()(none),
  /** Undoes the last write (kept in the workbook, so it survives a restart). */
  'history.undo': method<HistoryStep>()(none),
  'history.redo': method<HistoryStep>()(none),
  /** Runs every check on a scenario (fast: reruns after each change). */
  'checks.run': method<CheckReport>()(z.object({ scenarioId: id }).strict()),
  /**
   * Kelayakan: the growth each revised P0 target needs from the region's fitted lognormal, the
   * people leaving poverty, the region's record and a rating (shared/model/feasibility.ts).
   */
  'feasibility.get': method<FeasibilityReport>()(z.object({ scenarioId: id }).strict()),
  'references.list': method<{ references: ReferenceTarget[]; shockYears: ShockYear[] }>()(none),
  /** Adds (without id) or updates a reference target; one undo step. */
  'references.save': method<{ references: ReferenceTarget[]; shockYears: ShockYear[] }>()(
    z
      .object({
        id: id.optional(),
        indicatorCode: name(40),
        scope: z.enum(REFERENCE_SCOPES).default('kabupaten'),
        kind: z.enum(REFERENCE_KINDS),
        comparison: z.enum(COMPARISONS),
        year: year.nullable(),
        value: z.number().finite(),
        label: name(200),
        source: wellFormed(z.string().trim().min(1, 'a reference needs its source').max(2000), { multiline: true, name: true }),
      })
      .strict()
      .refine((r) => (r.kind === 'level') === (r.year !== null), { message: 'a level reference needs a year; an annual change has none', path: ['year'] }),
  ),
  'references.delete': method<{ references: ReferenceTarget[]; shockYears: ShockYear[] }>()(z.object({ id }).strict()),
  'changelog.list': method<ChangeLogEntry[]>()(
    z.object({ scenarioId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  ),
  /**
   * Riwayat: the change log filtered (scenario, indicator, person, from/to — ISO instants or
   * YYYY-MM-DD, inclusive) as the net change per cell or every step, newest first, paged.
   */
  'history.list': method<HistoryPage>()(
    z
      .object({
        mode: z.enum(HISTORY_MODES).default('net'),
        scenarioId: id.optional(),
        indicatorCode: name(40).optional(),
        person: name(200).optional(),
        from: historyInstant.optional(),
        to: historyInstant.optional(),
        limit: z.number().int().min(1).max(HISTORY_LIMITS.maxLimit).optional(),
        offset: z.number().int().min(0).max(HISTORY_LIMITS.maxOffset).optional(),
      })
      .strict()
      .refine((q) => q.from === undefined || q.to === undefined || historyBound(q.from, false) <= historyBound(q.to, true), { message: 'from must not be after to', path: ['from'] }),
  ),
  /** The revision date (years realised by then are history) and the capaian band scale; one undo step. */
  'settings.update': method<WorkbookSettings>()(
    z
      .object({
        revisionDate: z.string().refine(isIsoDate, 'a date written YYYY-MM-DD').nullable().optional(),
        capaianBands: z.enum(CAPAIAN_BAND_SCALES).optional(),
        /** The Raperda annex header (shared/raperda.ts): empty text or null clears a field. */
        annexDocumentNumber: line(RAPERDA_LIMITS.documentNumber).nullable().optional(),
        annexDocumentYear: z
          .number()
          .int(`a year between ${RAPERDA_LIMITS.yearMin} and ${RAPERDA_LIMITS.yearMax}`)
          .min(RAPERDA_LIMITS.yearMin, `a year between ${RAPERDA_LIMITS.yearMin} and ${RAPERDA_LIMITS.yearMax}`)
          .max(RAPERDA_LIMITS.yearMax, `a year between ${RAPERDA_LIMITS.yearMin} and ${RAPERDA_LIMITS.yearMax}`)
          .nullable()
          .optional(),
        amendedRegulation: line(RAPERDA_LIMITS.amendedRegulation).nullable().optional(),
        /** The RPKD/RPD horizon (null: the plan's last year); checked against the plan by the editor. */
        horizonYear: year.nullable().optional(),
        /** Average size of a poor household (people, 1–20) and where it comes from. */
        poorHouseholdSize: z.number().finite().min(1, 'at least 1').max(20, 'at most 20').nullable().optional(),
        poorHouseholdSizeSource: line(VALUE_SOURCE_MAX).nullable().optional(),
      })
      .strict(),
  ),
  /** The programmes (multiple interventions) with their reach per year. */
  'programmes.list': method<Programme[]>()(none),
  /** Saves a programme (new without id), all its years at once; one undo step. */
  'programmes.save': method<Programme[]>()(
    z
      .object({
        id: id.optional(),
        name: name(200, 'is empty'),
        cluster: z.enum(PROGRAMME_CLUSTERS),
        strategy: z.enum(PROGRAMME_STRATEGIES),
        agency: line(200),
        benefitKind: z.enum(BENEFIT_KINDS),
        source: line(VALUE_SOURCE_MAX),
        illustrative: z.boolean().optional(),
        years: z
          .array(
            z.object({
              year,
              households: z.number().finite(),
              benefit: z.number().finite(),
              accuracy: z.number().finite(),
              budget: z.number().finite().nullable(),
              source: line(VALUE_SOURCE_MAX),
            }).strict(),
          )
          .max(50),
      })
      .strict(),
  ),
  'programmes.delete': method<Programme[]>()(z.object({ id }).strict()),
  /**
   * The programmes' effect on a scenario's P0 path through the fitted distribution, per year, with
   * the gap to the regency's reference targets (services/interventions.ts): model estimates.
   */
  'interventions.get': method<InterventionsView>()(z.object({ scenarioId: id }).strict()),
  /**
   * A folder of regency workbooks read for the province, READ-ONLY (no lock, no write; the files
   * stay byte-identical): each region's P0 (and the other standard poverty indicators), the
   * population-weighted aggregate, the workbooks left out with their reason, and the flags
   * (services/province.ts, shared/model/province.ts). Needs no open workbook.
   */
  'province.read': method<ProvinceReport>()(z.object({ folder: filePath }).strict()),
  /** The consolidated table of a province folder written as .xlsx or .pdf (format default: the path's extension). */
  'province.export': method<ProvinceExportResult>()(
    z
      .object({ folder: filePath, path: filePath, format: z.enum(ANNEX_FORMATS).optional(), language: z.enum(ANNEX_LANGUAGES).optional(), overwrite: z.boolean().optional() })
      .strict(),
  ),
  /** The same consolidated table as base64, for a download in the browser host. */
  'province.exportBytes': method<ProvinceBytesResult>()(
    z.object({ folder: filePath, format: z.enum(ANNEX_FORMATS).optional(), language: z.enum(ANNEX_LANGUAGES).optional() }).strict(),
  ),
  /**
   * The evaluation workbook for one region of a province folder (issue 18 item 3): its indicator
   * table with a "Catatan Evaluasi" column to fill, and the evaluator's name and date; base64 .xlsx.
   * `file` is the region's workbook file name in the folder (as province.read lists it).
   */
  'province.reviewBytes': method<ReviewWorkbookResult>()(
    z
      .object({
        folder: filePath,
        file: name(255),
        evaluator: line(REVIEW_LIMITS.evaluator),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').refine(isIsoDate, 'not a real date').optional(),
      })
      .strict(),
  ),
  /** The evaluation notes imported into the open workbook, with their follow-up. */
  'reviews.list': method<ReviewNote[]>()(none),
  /** Answers a note (tindak lanjut) and sets its status; one undo step. */
  'reviews.respond': method<ReviewNote[]>()(
    z.object({ id, response: prose(REVIEW_LIMITS.response), status: z.enum(REVIEW_STATUSES) }).strict(),
  ),
  /** Sets (or clears, with empty text or null) an indicator's Perangkat Daerah penanggung jawab; one undo step. */
  'indicators.update': method<Indicator[]>()(
    z.object({ indicatorId: id, responsibleUnit: line(RAPERDA_LIMITS.responsibleUnit).nullable() }).strict(),
  ),
  /**
   * Typed workbook values of the series a planner keys in (realisations and their standard
   * errors), each with its source; value null removes the cell. One undo step.
   */
  'values.set': method<IndicatorValue[]>()(
    z
      .object({
        cells: z
          .array(
            z.object({
              indicatorId: id,
              year,
              series: z.enum(TYPED_SERIES),
              value: z.number().finite().nullable(),
              source: line(VALUE_SOURCE_MAX),
            }).strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
  /** The population BPS poverty figures use, per plan year, with how each year's was found. */
  'population.get': method<PopulationView>()(none),
  'capaian.list': method<CapaianSetting[]>()(none),
  /** Chooses an indicator's capaian formula; null returns it to the polarity's default. */
  'capaian.set': method<CapaianSetting[]>()(
    z.object({ indicatorId: id, formula: z.enum(['higher', 'lower_a', 'lower_b']).nullable() }).strict(),
  ),
  'methodBreaks.list': method<MethodBreak[]>()(none),
  /** Adds or replaces the method change of an indicator from a year on (tidak sebanding across it). */
  'methodBreaks.save': method<MethodBreak[]>()(
    z.object({ indicatorCode: name(40), year, note: wellFormed(z.string().trim().min(1).max(500), { multiline: true, name: true }) }).strict(),
  ),
  'methodBreaks.delete': method<MethodBreak[]>()(z.object({ indicatorCode: name(40), year }).strict()),
  /** The user's profile: the person (name, NIP, jabatan) written into every change; null until given. */
  'profile.get': method<Person | null>()(none),
  /** Keeps the person in the user's profile (the data folder, not the workbook); later changes carry it. */
  'profile.set': method<Person>()(personInput),
  /** The signer last used for the annex (kept in the user data folder, not the workbook). */
  'annex.signer.get': method<Signer | null>()(none),
  'annex.signer.set': method<Signer>()(signer),
  /**
   * Writes the annex .xlsx or .pdf (default: the usulan scenario, Indonesian, A4, the remembered
   * signer, today's date; the format from the path's extension). Refused with code 'blocked'
   * while an error-level check fails.
   */
  'annex.export': method<AnnexExportResult>()(annexOptions.extend({ path: filePath, overwrite: z.boolean().optional() }).strict()),
  /** The same annex as base64 (xlsx by default, or the PDF), for a download in the browser host. */
  'annex.exportBytes': method<AnnexBytesResult>()(annexOptions.strict()),
  /** The import template (.xlsx, base64): Kode | Indikator | Satuan | one column per plan year. */
  'import.template': method<{ fileName: string; base64: string }>()(
    z.object({ language: z.enum(ANNEX_LANGUAGES).optional() }).strict(),
  ),
  /**
   * Reads an .xlsx or .csv (a path, or an uploaded file as base64) into a preview of what would
   * change; writes nothing. The preview is kept until applied or replaced by the next one.
   */
  'import.preview': method<ImportPreview>()(
    z
      .object({
        source: z.union([
          z.object({ path: filePath }).strict(),
          z.object({ name: name(255), base64: z.string().max(14_000_000) }).strict(),
        ]),
        target: z
          .object({ series: z.enum(IMPORT_SERIES), scenarioId: id.optional() })
          .strict()
          .refine((t) => t.series !== 'revised_target' || t.scenarioId !== undefined, { message: 'revised targets need a scenarioId', path: ['scenarioId'] })
          .optional(),
      })
      .strict(),
  ),
  /** Writes the kept preview: one transaction, one undo step, a change-log entry per cell. 'stale' when the workbook changed since. */
  'import.apply': method<ImportApplyResult>()(z.object({ previewId: z.string().regex(/^[0-9a-f]{16}$/, 'not a preview id') }).strict()),
};

export interface CheckReport {
  scenarioId: number;
  findings: Finding[];
  counts: Record<Severity, number>;
}

/** What undo or redo did (null when there was nothing to do) and the state after it. */
export interface HistoryStep {
  step: { label: string; scenarioId: number | null } | null;
  state: HistoryState;
}

export type Contract = typeof contract;
export type Method = keyof Contract;

// The preload's name list (methods.ts) must name exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<Method, MethodName> = true;
void namesMatch;
/** What a caller passes (before schema defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['result'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
