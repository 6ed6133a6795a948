/**
 * Builds the Kabupaten Muara Enim demo workbook from resources/demo/muara-enim.json, the data
 * file that names a source for every value (never a binary blob in git), and — unless asked for
 * an empty one — the worked example of the 2021 revision from resources/demo/perubahan-2021-contoh.json
 * (illustrative revised targets, made through the one write path as a planner would make them).
 */
import { z } from 'zod';
import demoData from '../../resources/demo/muara-enim.json' with { type: 'json' };
import exampleData from '../../resources/demo/perubahan-2021-contoh.json' with { type: 'json' };
import programmeData from '../../resources/demo/program-contoh.json' with { type: 'json' };
import { BENEFIT_KINDS, PROGRAMME_CLUSTERS, PROGRAMME_STRATEGIES, SERIES } from '../../shared/domain.js';
import { RAPERDA_LIMITS } from '../../shared/raperda.js';
import { textProblem } from '../../shared/text-rules.js';
import { STANDARD_INDICATORS } from './standard-indicators.js';
import type { Actor } from './edit.js';
import { saveProgrammes } from './editors/programmes.js';
import { createScenario, setScenarioStatus } from './editors/scenarios.js';
import { setJustification, setTargets } from './editors/targets.js';
import type { NewWorkbook, SeedValue, StoreOptions } from './store.js';
import { Workbook } from './store.js';

/** One line of text within `max` characters, well-formed (shared/text-rules.ts), as the contract holds it. */
const headerText = (max: number) =>
  z.string().trim().min(1).max(max).refine((t) => textProblem(t) === null, 'not well-formed text');

const demoSchema = z.object({
  plan: z.object({
    region: z.string(),
    province: z.string(),
    baselineYear: z.number().int(),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    /** The RPKD/RPD horizon after the plan period (schema v7). */
    horizonYear: z.number().int().optional(),
  }),
  /** The average size of a poor household and its source (schema v7). */
  poorHousehold: z.object({ size: z.number().min(1).max(20), source: z.string().min(1) }).optional(),
  sources: z.record(z.string(), z.string()),
  revisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  methodBreaks: z.array(z.object({ indicator: z.string(), year: z.number().int(), note: z.string().min(1) })),
  /** The Raperda annex header: the Perda it amends (with its source); number and year when known. */
  annexHeader: z.object({
    amendedRegulation: headerText(RAPERDA_LIMITS.amendedRegulation),
    sources: z.array(z.string()).min(1),
    documentNumber: headerText(RAPERDA_LIMITS.documentNumber).nullable(),
    documentYear: z.number().int().min(RAPERDA_LIMITS.yearMin).max(RAPERDA_LIMITS.yearMax).nullable(),
  }),
  /** Perangkat Daerah per indicator code: illustrative configuration (see the data file's $responsibleUnits). */
  responsibleUnits: z.record(z.string(), headerText(RAPERDA_LIMITS.responsibleUnit)),
  illustrativeSource: z.string().min(1),
  values: z.array(
    z.object({
      indicator: z.string(),
      series: z.enum(SERIES),
      year: z.number().int(),
      value: z.number().finite(),
      sources: z.array(z.string()).optional(),
      illustrative: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
});

/** The demo's contents: plan, standard indicators, and every value with its source text. */
export function demoSpec(raw: unknown = demoData): NewWorkbook {
  const data = demoSchema.parse(raw);
  const values: SeedValue[] = data.values.map((v, i) => {
    const illustrative = v.illustrative === true;
    if (!illustrative && !v.sources?.length) throw new Error(`Demo value #${i} (${v.indicator} ${v.year}) has no source`);
    const cited = (v.sources ?? []).map((key) => {
      const text = data.sources[key];
      if (!text) throw new Error(`Demo value #${i} cites unknown source [${key}]`);
      return `[${key}] ${text}`;
    });
    const source = illustrative ? data.illustrativeSource : [...cited, ...(v.note ? [`catatan: ${v.note}`] : [])].join('; ');
    return { indicatorCode: v.indicator, year: v.year, series: v.series, value: v.value, source, illustrative };
  });
  for (const key of data.annexHeader.sources) if (!data.sources[key]) throw new Error(`The demo's annex header cites unknown source [${key}]`);
  // The Perangkat Daerah of each indicator is illustrative configuration, not a sourced fact: the
  // Bab IX table of Perda 7/2019 was not found; the agencies are those such tables usually name.
  const units = new Map(Object.entries(data.responsibleUnits));
  for (const code of units.keys()) {
    if (!STANDARD_INDICATORS.some((i) => i.code === code)) throw new Error(`The demo names a Perangkat Daerah for unknown indicator ${code}`);
  }
  return {
    plan: data.plan,
    indicators: STANDARD_INDICATORS.map((i) => ({ ...i, responsibleUnit: units.get(i.code) ?? null })),
    annexHeader: {
      amendedRegulation: data.annexHeader.amendedRegulation,
      annexDocumentNumber: data.annexHeader.documentNumber,
      annexDocumentYear: data.annexHeader.documentYear,
    },
    values,
    revisionDate: data.revisionDate,
    ...(data.poorHousehold ? { poorHousehold: data.poorHousehold } : {}),
    methodBreaks: data.methodBreaks.map((b) => ({ indicatorCode: b.indicator, year: b.year, note: b.note })),
  };
}

const exampleSchema = z.object({
  /** Who the change log names for the example's steps (an account, no person). */
  actor: z.string().min(1),
  name: z.string().min(1).max(120),
  description: z.string().min(1),
  /**
   * Per indicator: the revised rates by year (counts are derived by the app from each rate and
   * the year's Susenas population, never written here) and the justification.
   */
  rates: z.array(
    z.object({
      indicator: z.string(),
      values: z.record(z.string().regex(/^\d{4}$/), z.number().finite()).optional(),
      justification: z.string().min(1),
    }),
  ),
});

export type DemoExample = z.infer<typeof exampleSchema>;

/** The worked example's contents (resources/demo/perubahan-2021-contoh.json). */
export function demoExample(raw: unknown = exampleData): DemoExample {
  return exampleSchema.parse(raw);
}

/** The worked example's name, as the example scenario is stored. */
export const DEMO_EXAMPLE_NAME = demoExample().name;

/**
 * Adds the worked example to a demo workbook through the one write path, step by step as a
 * planner would: the scenario from the original targets, each indicator's revised rates (its
 * count follows through the population), each justification, then usulan (which freezes it).
 */
export function addDemoExample(wb: Workbook, example: DemoExample = demoExample()): number {
  const actor: Actor = { user: example.actor, person: null };
  const byCode = wb.indicatorIndex().byCode;
  const indicator = (code: string) => {
    const ind = byCode.get(code);
    if (!ind) throw new Error(`The demo's example names unknown indicator ${code}`);
    return ind;
  };
  const scenario = createScenario(wb, actor, example.name, example.description, { kind: 'original' });
  for (const r of example.rates) {
    if (!r.values) continue;
    const id = indicator(r.indicator).id;
    setTargets(wb, actor, scenario.id, Object.entries(r.values).map(([year, value]) => ({ indicatorId: id, year: Number(year), value })), 'target.edit');
  }
  for (const r of example.rates) setJustification(wb, actor, scenario.id, indicator(r.indicator).id, r.justification);
  setScenarioStatus(wb, actor, scenario.id, 'usulan');
  return scenario.id;
}

const programmesSchema = z.object({
  source: z.string().min(1),
  programmes: z.array(
    z.object({
      name: z.string().min(1),
      cluster: z.enum(PROGRAMME_CLUSTERS),
      strategy: z.enum(PROGRAMME_STRATEGIES),
      agency: z.string(),
      benefitKind: z.enum(BENEFIT_KINDS),
      /** Year → [households, benefit Rp per household per month, accuracy %, budget Rp]. */
      years: z.record(z.string().regex(/^\d{4}$/), z.tuple([z.number(), z.number(), z.number(), z.number().nullable()])),
    }),
  ),
});

/**
 * The demo's illustrative programmes (resources/demo/program-contoh.json), saved as one edit
 * through the programmes editor, each marked ilustrasi with the file's source text.
 */
export function addDemoProgrammes(wb: Workbook, actor: Actor, raw: unknown = programmeData): void {
  const data = programmesSchema.parse(raw);
  saveProgrammes(wb, actor, data.programmes.map((p) => ({
    name: p.name, cluster: p.cluster, strategy: p.strategy, agency: p.agency, benefitKind: p.benefitKind, source: data.source, illustrative: true,
    years: Object.entries(p.years).map(([year, [households, benefit, accuracy, budget]]) => ({ year: Number(year), households, benefit, accuracy, budget, source: data.source })),
  })), 'program contoh (ilustrasi)');
}

export interface DemoOptions {
  /** Without the worked example (`npm run demo -- --empty FILE`, tests that need a blank slate). */
  empty?: boolean;
}

export async function createDemoWorkbook(filePath: string, opts: StoreOptions = {}, demo: DemoOptions = {}): Promise<Workbook> {
  const wb = await Workbook.create(filePath, demoSpec(), opts);
  if (demo.empty) return wb;
  try {
    addDemoExample(wb);
    addDemoProgrammes(wb, { user: demoExample().actor, person: null });
    // The example is the demo's starting point: Riwayat shows how it was made, Ctrl+Z does not undo it.
    wb.startHistoryHere();
  } catch (err) {
    wb.close();
    throw err;
  }
  return wb;
}
