/**
 * Builds the Kabupaten Muara Enim demo workbook from resources/demo/muara-enim.json, the data
 * file that names a source for every value (never a binary blob in git).
 */
import { z } from 'zod';
import demoData from '../../resources/demo/muara-enim.json' with { type: 'json' };
import { SERIES } from '../../shared/domain.js';
import type { NewWorkbook, SeedValue, StoreOptions } from './store.js';
import { Workbook } from './store.js';

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
  return {
    plan: data.plan,
    values,
    revisionDate: data.revisionDate,
    methodBreaks: data.methodBreaks.map((b) => ({ indicatorCode: b.indicator, year: b.year, note: b.note })),
  };
}

export function createDemoWorkbook(filePath: string, opts: StoreOptions = {}): Promise<Workbook> {
  return Workbook.create(filePath, demoSpec(), opts);
}
