/**
 * Builds the Kabupaten Muara Enim demo workbook from resources/demo/muara-enim.json, the data
 * file that names a source for every value (never a binary blob in git).
 */
import { z } from 'zod';
import demoData from '../../resources/demo/muara-enim.json' with { type: 'json' };
import { SERIES } from '../../shared/domain.js';
import { RAPERDA_LIMITS } from '../../shared/raperda.js';
import { textProblem } from '../../shared/text-rules.js';
import { STANDARD_INDICATORS } from './standard-indicators.js';
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
  }),
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
    methodBreaks: data.methodBreaks.map((b) => ({ indicatorCode: b.indicator, year: b.year, note: b.note })),
  };
}

export function createDemoWorkbook(filePath: string, opts: StoreOptions = {}): Promise<Workbook> {
  return Workbook.create(filePath, demoSpec(), opts);
}
