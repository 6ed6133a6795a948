/** The demo workbook with a proposal (usulan), as the annex and import tests start from it. */
import ExcelJS from 'exceljs';
import type { Indicator, IndicatorValue, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { writeEmptyDemo } from './demo.js';
import { tempDir } from './files.js';

export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

export const SIGNER = { name: 'Ir. H. Kurniawan, M.Si', title: 'Pj. Bupati Muara Enim', nip: '19700101 199503 1 001' };
export const DATE = '2021-08-23';

export interface Demo extends Services {
  dataDir: string;
  summary: WorkbookSummary;
  ind: (code: string) => Indicator;
  usulan: Scenario;
  values: (series?: IndicatorValue['series']) => Promise<IndicatorValue[]>;
}

/**
 * Opens the demo, creates "Perubahan 2021" from the original targets, raises the 2021 and 2022
 * poverty targets (COVID-19) with a justification, and marks it usulan — all through dispatch.
 */
export async function demoWithUsulan(dataDir = tempDir()): Promise<Demo> {
  // From the demo without its worked example: the proposal these tests export is this one alone.
  await writeEmptyDemo(dataDir);
  const services = createServices({ dataDir, host: 'browser', appVersion: 'test' });
  const { dispatch } = services;
  const summary = await ok<WorkbookSummary>(dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  const s = await ok<Scenario>(dispatch('scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } }));
  const p0 = ind('P0');
  await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 12.6 }, { indicatorId: p0.id, year: 2022, value: 12.1 }] }));
  await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'Dampak pandemi COVID-19: kemiskinan naik menjadi 12,32 % pada 2020 (79.270 jiwa).' }));
  const scenarios = await ok<Scenario[]>(dispatch('scenario.setStatus', { scenarioId: s.id, status: 'usulan' }));
  const usulan = scenarios.find((x) => x.id === s.id)!;
  const values = (series?: IndicatorValue['series']) => ok<IndicatorValue[]>(dispatch('workbook.values', series ? { series: [series] } : {}));
  return { ...services, dataDir, summary, ind, usulan, values };
}

/** Takes the proposal back to draft (a proposal is frozen) for a test that goes on writing into it. */
export async function toDraft(demo: Pick<Demo, 'dispatch' | 'usulan'>): Promise<void> {
  await ok(demo.dispatch('scenario.setStatus', { scenarioId: demo.usulan.id, status: 'draft' }));
}

export async function readXlsx(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  if (typeof file === 'string') await book.xlsx.readFile(file);
  else await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

/** Every cell value of every sheet, for comparing two exports. */
export function cellDump(book: ExcelJS.Workbook): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const ws of book.worksheets) {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => cells.push([r, c, cell.value, cell.numFmt ?? null])));
    dump[ws.name] = cells;
  }
  return dump;
}

/** Finds the first cell whose text matches, as [row, col]. */
export function findCell(ws: ExcelJS.Worksheet, match: (text: string) => boolean): [number, number] | null {
  let hit: [number, number] | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!hit && typeof cell.value === 'string' && match(cell.value)) hit = [r, c];
    }),
  );
  return hit;
}
