/**
 * The Node measures of `npm run bench` (issue #7, docs/PERFORMANCE.md). Each one times the real
 * path through the services (dispatch → handlers → store) against the floor of the same work
 * measured in the same run: the same rows read or written with a bare prepared statement, the
 * same cells written or read with bare exceljs, the same cells converted by LibreOffice, the same
 * cells' text laid out as plain tables by bare pdfmake.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Dispatch } from '../shared/api/dispatch.js';
import type { Result } from '../shared/api/result.js';
import type { Indicator, Scenario, TargetCell } from '../shared/domain.js';
import { roundTo } from '../shared/model/rounding.js';
import { createServices, type Services } from '../electron/services/index.js';
import type { AnnexDocument } from '../electron/annex/document.js';
import { ANNEX_ZIP, buildAnnex, buildAnnexDocument } from '../electron/annex/export.js';
import { PDF_FONT_FAMILY, pdfFontFaces } from '../electron/annex/fonts.js';
import { cellText, PDF_PAGE } from '../electron/annex/pdf.js';
import { Workbook } from '../electron/workbook/store.js';
import { checkScenario } from '../electron/services/checks.js';
import { annexModels } from '../electron/services/annex.js';
import { generateSized, generateWorkbook, SIZE_SPECS, TENTH_SPEC, type BenchSize } from './generate.js';
import { formatMeasure, growth, measure, median, skipped, time, timeInterleaved, type Goal, type Measure } from './measure.js';


interface Options {
  quick: boolean;
  sizes: BenchSize[];
  /** Timed runs of the fast measures and of the slow ones (export, import, LibreOffice). */
  runs: number;
  slowRuns: number;
  browserModule: string | null;
  /** Only the measures whose name contains one of these (e.g. --only paste). */
  only: string[];
  log: (line: string) => void;
}

const GOALS = {
  paste: { kind: 'ratio', max: 2 },
  checks: { kind: 'absolute', max: 5 },
  export: { kind: 'ratio', max: 1.3 },
  exportVsLibreOffice: { kind: 'ratio', max: 0.3 },
  import: { kind: 'ratio', max: 1.5 },
  pdf: { kind: 'ratio', max: 2 },
  growth: { kind: 'slope', max: 1.1 },
} satisfies Record<string, Goal>;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function call<T>(dispatch: Dispatch, method: string, input: unknown = {}): Promise<T> {
  const r = (await dispatch(method, input)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.code}: ${r.message}`);
  return r.value;
}

class Bench {
  private n = 0;
  constructor(
    readonly dir: string,
    readonly opts: Options,
  ) {}

  /** A fresh copy of a generated workbook, so one measure's writes never reach another. */
  copy(source: string, tag: string): string {
    const file = path.join(this.dir, `${tag}-${++this.n}.rpjmd`);
    fs.copyFileSync(source, file);
    return file;
  }

  services(): Services {
    return createServices({ dataDir: path.join(this.dir, 'data'), host: 'browser', appVersion: 'bench' });
  }
}

// ---------------------------------------------------------------- open + first page

async function measureOpen(b: Bench, file: string, size: BenchSize): Promise<Measure> {
  const wbFile = b.copy(file, 'open');
  const services = b.services();
  const [real, floor] = await timeInterleaved(
    [
      {
        fn: async () => {
          await call(services.dispatch, 'workbook.open', { path: wbFile });
          await call(services.dispatch, 'workbook.current');
          await call(services.dispatch, 'workbook.values', {});
        },
        before: gc,
        after: () => call(services.dispatch, 'workbook.close'),
      },
      {
        // The floor: a bare read-only connection reading the same rows with prepared statements.
        fn: () => {
          const db = new Database(wbFile, { readonly: true, fileMustExist: true });
          db.prepare('SELECT region, province, baseline_year, first_year, last_year FROM plan WHERE id = 1').get();
          db.prepare('SELECT * FROM indicator ORDER BY sort_order, id').all();
          db.prepare('SELECT * FROM scenario ORDER BY id').all();
          db.prepare('SELECT v.* FROM value v JOIN indicator i ON i.id = v.indicator_id ORDER BY i.sort_order, v.series, v.year').all();
          db.close();
        },
        before: gc,
      },
    ],
    { runs: b.opts.runs },
  );
  await services.close();
  return measure({ name: 'open + quick_check + first page', size, samples: real!, floor: { name: 'bare prepared SELECTs', samples: floor! } });
}

// ---------------------------------------------------------------- paste

interface PasteBlock {
  scenarioId: number;
  cells: { indicatorId: number; year: number; value: number }[][];
}

/** Two alternating blocks of up to 5,000 cells (the first indicators × every year) of a draft scenario. */
function pasteBlocks(file: string, want: number): PasteBlock {
  const db = new Database(file, { readonly: true });
  try {
    const scenario = db.prepare("SELECT id FROM scenario WHERE status = 'draft' ORDER BY id LIMIT 1").get() as { id: number };
    const inds = db.prepare('SELECT id, decimals FROM indicator ORDER BY sort_order, id').all() as Pick<Indicator, 'id' | 'decimals'>[];
    const targets = db.prepare('SELECT indicator_id AS indicatorId, year, value FROM scenario_target WHERE scenario_id = ?').all(scenario.id) as TargetCell[];
    const byKey = new Map(targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
    const decimals = new Map(inds.map((i) => [i.id, i.decimals]));
    const order = new Map(inds.map((i, k) => [i.id, k]));
    const cells = targets
      .sort((a, b) => order.get(a.indicatorId)! - order.get(b.indicatorId)! || a.year - b.year)
      .slice(0, want)
      .map((t) => ({ indicatorId: t.indicatorId, year: t.year }));
    const block = (factor: number) =>
      cells.map((c) => ({ ...c, value: roundTo(byKey.get(`${c.indicatorId}:${c.year}`)! * factor, decimals.get(c.indicatorId)!) }));
    // 0,98× and 1,02×: every cell changes on every run, and values stay in their ranges.
    return { scenarioId: scenario.id, cells: [block(0.98), block(1.02)] };
  } finally {
    db.close();
  }
}

function documentDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

async function measurePaste(b: Bench, file: string, size: BenchSize): Promise<Measure[]> {
  const want = 5000;
  const realFile = b.copy(file, 'paste');
  const { scenarioId, cells } = pasteBlocks(realFile, want);
  const count = cells[0]!.length;
  const services = b.services();
  await call(services.dispatch, 'workbook.open', { path: realFile });
  let i = 0;
  const paste = () => call(services.dispatch, 'targets.set', { scenarioId, action: 'target.paste', cells: cells[i++ % 2] });

  // The floor: the same rows upserted with one bare prepared statement in one transaction, on a
  // connection set up like the app's (journal DELETE, synchronous FULL).
  const db = documentDb(b.copy(file, 'paste-floor'));
  const upsertSql =
    "INSERT INTO scenario_target (scenario_id, indicator_id, year, value, origin) VALUES (?, ?, ?, ?, 'entered') ON CONFLICT (scenario_id, indicator_id, year) DO UPDATE SET value = excluded.value, origin = excluded.origin";
  const upsert = db.prepare(upsertSql);
  const write = db.transaction((block: PasteBlock['cells'][number]) => {
    for (const c of block) upsert.run(scenarioId, c.indicatorId, c.year, c.value);
  });
  let j = 0;

  // What bounds it: the rows the real path must write — each target, one change-log entry per
  // indicator (its years packed, with the justification stored by value), the step's change_step
  // row and its one packed undo row — with bare prepared statements.
  const bdb = documentDb(b.copy(file, 'paste-bound'));
  const bUpsert = bdb.prepare(upsertSql);
  const bStep = bdb.prepare("INSERT INTO undo_step (label, scenario_id, at, changes) VALUES ('target.paste', ?, ?, ?)");
  const bChange = bdb.prepare("INSERT INTO change_step (at, user, action, kind, scenario_id, scenario_name, undo_step_id) VALUES (?, 'bench', 'target.paste', 'do', ?, 'Moderat', ?)");
  const bLog = bdb.prepare(
    `INSERT INTO change_entry (change_step_id, scenario_id, indicator_code, series, justification, cells)
     VALUES (?, ?, ?, 'revised_target', ?, ?)`,
  );
  const codes = new Map((bdb.prepare('SELECT id, code FROM indicator').all() as { id: number; code: string }[]).map((r) => [r.id, r.code]));
  const reasons = new Map(
    (bdb.prepare('SELECT indicator_id, text FROM justification WHERE scenario_id = ?').all(scenarioId) as { indicator_id: number; text: string }[]).map((r) => [r.indicator_id, r.text]),
  );
  const current = new Map<string, number>();
  const bWrite = bdb.transaction((block: PasteBlock['cells'][number]) => {
    const at = new Date().toISOString();
    const change = bChange.run(at, scenarioId, 1).lastInsertRowid;
    const packed: unknown[] = [];
    const byIndicator = new Map<number, unknown[][]>();
    for (const c of block) {
      const k = `${c.indicatorId}:${c.year}`;
      const old = current.get(k) ?? null;
      bUpsert.run(scenarioId, c.indicatorId, c.year, c.value);
      packed.push([0, [scenarioId, c.indicatorId, c.year], [old, 'entered'], [c.value, 'entered']]);
      let cellsOf = byIndicator.get(c.indicatorId);
      if (!cellsOf) byIndicator.set(c.indicatorId, (cellsOf = []));
      cellsOf.push([c.year, old, c.value, 0]);
      current.set(k, c.value);
    }
    for (const [id, cellsOf] of byIndicator) bLog.run(change, scenarioId, codes.get(id) ?? null, reasons.get(id) ?? null, JSON.stringify(cellsOf));
    bStep.run(scenarioId, at, JSON.stringify({ t: [['scenario_target', ['scenario_id', 'indicator_id', 'year'], ['value', 'origin']]], r: packed }));
  });
  let k = 0;

  const [real, floor, bound] = await timeInterleaved(
    [
      { fn: paste, before: gc },
      { fn: () => write(cells[j++ % 2]!), before: gc },
      { fn: () => bWrite(cells[k++ % 2]!), before: gc },
    ],
    { runs: b.opts.runs },
  );
  await services.close();
  db.close();
  bdb.close();
  return [
    measure({
      name: 'paste 5,000 cells',
      size,
      samples: real!,
      floor: { name: 'bare prepared upsert, one transaction', samples: floor! },
      // The goal is for a 5,000-cell paste; a smaller workbook's whole scenario is timed without it.
      goal: count < want ? null : GOALS.paste,
      ...(count < want ? { note: `${count} cells: the whole scenario at this size (no goal)` } : {}),
    }),
    measure({
      name: 'paste 5,000 cells vs its rows written bare',
      size,
      samples: real!,
      floor: { name: 'bare upsert + one change-log entry per indicator + one change step + one packed undo row, one transaction', samples: bound! },
      note: `those rows alone are ${(median(bound!) / median(floor!)).toFixed(2)}× the bare upsert`,
    }),
  ];
}

// ---------------------------------------------------------------- checks after an edit

async function measureChecks(b: Bench, file: string, size: BenchSize): Promise<Measure> {
  const wbFile = b.copy(file, 'checks');
  const services = b.services();
  await call(services.dispatch, 'workbook.open', { path: wbFile });
  const { scenarios, indicators } = await call<{ scenarios: Scenario[]; indicators: Indicator[] }>(services.dispatch, 'workbook.current');
  const decimals = new Map(indicators.map((ind) => [ind.id, ind.decimals]));
  // A proposal (usulan) is frozen: the edits go into a draft.
  const scenario = scenarios.find((s) => s.status === 'draft')!;
  const targets = (await call<{ targets: TargetCell[] }>(services.dispatch, 'scenario.targets', { scenarioId: scenario.id })).targets;
  // One edit per run, alternating between indicators and years, then every check recomputed.
  const edits = targets.filter((t) => t.origin === 'entered').filter((_, k) => k % 97 === 0);
  let i = 0;
  const real = await time(() => call(services.dispatch, 'checks.run', { scenarioId: scenario.id }), {
    runs: b.opts.runs * 3,
    before: async () => {
      const t = edits[i++ % edits.length]!;
      await call(services.dispatch, 'targets.set', { scenarioId: scenario.id, action: 'target.edit', cells: [{ indicatorId: t.indicatorId, year: t.year, value: i % 2 ? roundTo(t.value * 0.99, decimals.get(t.indicatorId) ?? 0) : t.value }] });
      gc();
    },
  });
  await services.close();
  return measure({ name: 'checks after one edit', size, samples: real, goal: size === 'rpjmd' ? GOALS.checks : null });
}

// ---------------------------------------------------------------- annex export

/** Each sheet's cells: row and column numbers in typed arrays, values beside them (little garbage). */
type Grid = { name: string; rows: Int32Array; cols: Int32Array; values: ExcelJS.CellValue[] }[];

/** The cells of the annex (values only), read from the exceljs workbook the export builds. */
async function gridOf(file: string, scenarioId: number): Promise<Grid> {
  const wb = await Workbook.open(file, { readOnly: true });
  try {
    const built = buildAnnex(wb, { scenarioId, language: 'id', paper: 'A4', signer: null, date: '2027-06-30' }, checkScenario(wb, scenarioId), ...annexModels(wb, scenarioId));
    return built.workbook.worksheets.map((ws) => {
      const rows: number[] = [];
      const cols: number[] = [];
      const values: ExcelJS.CellValue[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          rows.push(r);
          cols.push(c);
          values.push(cell.value);
        }),
      );
      return { name: ws.name, rows: Int32Array.from(rows), cols: Int32Array.from(cols), values };
    });
  } finally {
    wb.close();
  }
}

function writeSynced(file: string, bytes: Buffer | ArrayBuffer): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, Buffer.from(bytes as ArrayBuffer));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function bareExcelWrite(grid: Grid, out: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const sheet of grid) {
    const ws = book.addWorksheet(sheet.name);
    for (let i = 0; i < sheet.values.length; i++) ws.getCell(sheet.rows[i]!, sheet.cols[i]!).value = sheet.values[i]!;
  }
  // The same zip settings as the export, so the ratio is the annex's own work over exceljs's.
  writeSynced(out, await book.xlsx.writeBuffer({ zip: ANNEX_ZIP } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
}

function csvOf(grid: Grid): string {
  // Every sheet's rows one after another, as one sheet: the same cells LibreOffice converts.
  const lines: string[] = [];
  for (const sheet of grid) {
    const rows = new Map<number, Map<number, ExcelJS.CellValue>>();
    let maxRow = 0;
    for (let i = 0; i < sheet.values.length; i++) {
      const [r, c, v] = [sheet.rows[i]!, sheet.cols[i]!, sheet.values[i]];
      if (!rows.has(r)) rows.set(r, new Map());
      rows.get(r)!.set(c, v);
      maxRow = Math.max(maxRow, r);
    }
    for (let r = 1; r <= maxRow; r++) {
      const row = rows.get(r);
      if (!row) {
        lines.push('');
        continue;
      }
      const maxCol = Math.max(...row.keys());
      const fields: string[] = [];
      for (let c = 1; c <= maxCol; c++) {
        const v = row.get(c);
        const t = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
        fields.push(/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
      }
      lines.push(fields.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function libreOffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return name;
  }
  return null;
}

interface ExportResult {
  real: Measure;
  vsLibreOffice: Measure | null;
  annexFile: string;
}

async function measureExport(b: Bench, file: string, size: string, withLibreOffice: boolean): Promise<ExportResult> {
  const wbFile = b.copy(file, 'export');
  const services = b.services();
  await call(services.dispatch, 'workbook.open', { path: wbFile });
  const summary = await call<{ scenarios: Scenario[] }>(services.dispatch, 'workbook.current');
  const scenarioId = summary.scenarios.find((s) => s.status === 'usulan')!.id;
  const out = path.join(b.dir, `annex-${size}.xlsx`);
  // The largest size runs after the others in the same process: fewer runs, no warm-up.
  const runs = size === 'rpjmd10x' ? Math.min(3, b.opts.slowRuns) : b.opts.slowRuns;
  const warmup = size === 'rpjmd10x' ? 0 : 1;
  const exportOnce = () => call(services.dispatch, 'annex.export', { scenarioId, path: out, overwrite: true, date: '2027-06-30' });
  await exportOnce(); // the file the grid and the import read
  const grid = await gridOf(wbFile, scenarioId);
  const cells = grid.reduce((n, s) => n + s.values.length, 0);
  const bareOut = path.join(b.dir, `bare-${size}.xlsx`);
  const lo = withLibreOffice ? libreOffice() : null;
  const csv = path.join(b.dir, `cells-${size}.csv`);
  if (lo) fs.writeFileSync(csv, csvOf(grid));
  const outDir = path.join(b.dir, 'lo-out');
  const profile = pathToFileURL(path.join(b.dir, 'lo-profile')).href;
  const convert = () =>
    execFileSync(lo!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, csv], { stdio: 'ignore', timeout: 600_000 });
  const [real, floor, loRuns] = await timeInterleaved(
    [{ fn: exportOnce, before: gc }, { fn: () => bareExcelWrite(grid, bareOut), before: gc }, ...(lo ? [{ fn: convert }] : [])],
    { runs, warmup },
  );
  await services.close();
  const m = measure({
    name: 'annex export',
    size,
    samples: real!,
    floor: { name: 'bare exceljs write, no styling', samples: floor! },
    goal: GOALS.export,
    note: `${cells.toLocaleString('en')} cells, ${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB`,
  });

  let vsLibreOffice: Measure | null = null;
  if (withLibreOffice) {
    vsLibreOffice = lo
      ? measure({
          name: 'annex export vs LibreOffice',
          size,
          samples: real!,
          floor: { name: 'soffice --headless --convert-to xlsx of the same cells (CSV)', samples: loRuns! },
          goal: GOALS.exportVsLibreOffice,
        })
      : skipped('annex export vs LibreOffice', size, 'LibreOffice (soffice) is not installed', GOALS.exportVsLibreOffice);
  }
  return { real: m, vsLibreOffice, annexFile: out };
}

// ---------------------------------------------------------------- annex PDF

/**
 * The floor of the PDF: the same cells' text, one plain table per section (no spans, fills,
 * styles, header block, notes or footers), laid out and written by bare pdfmake in the same font.
 */
async function barePdf(doc: AnnexDocument): Promise<Buffer> {
  const pdfmake = ((await import('pdfmake')) as unknown as { default: typeof import('pdfmake') }).default;
  pdfmake.setFonts({ [PDF_FONT_FAMILY]: pdfFontFaces() });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  // A section without a table row (one that says only why it is empty) has no cells to lay out: pdfmake refuses an empty table.
  const tabled = doc.sections.filter((s) => s.table.columns.length > 0 && s.table.header.length + s.table.body.length > 0);
  const content = tabled.map((s, i) => {
    const n = s.table.columns.length;
    const body = [...s.table.header, ...s.table.body].map((row) => {
      const texts = row.map((c) => cellText(c, doc.language)).slice(0, n);
      while (texts.length < n) texts.push('');
      return texts;
    });
    return { table: { widths: s.table.columns.map(() => '*'), body }, ...(i > 0 ? { pageBreak: 'before' as const } : {}) };
  });
  const page = PDF_PAGE[doc.paper];
  const pdf = pdfmake.createPdf({ pageSize: { width: page.width, height: page.height }, pageOrientation: 'landscape', defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 8.1 }, content });
  return Buffer.from(await pdf.getBuffer());
}

/**
 * The annex as a PDF through the services (annex.export to a .pdf: gather, the document, pdf.ts,
 * the atomic write) against bare pdfmake laying out the same cells; the xlsx time of the same
 * annex, measured just before, is named beside it.
 */
async function measurePdf(b: Bench, file: string, size: string, xlsx: Measure | undefined): Promise<Measure> {
  const wbFile = b.copy(file, 'pdf');
  const services = b.services();
  await call(services.dispatch, 'workbook.open', { path: wbFile });
  const summary = await call<{ scenarios: Scenario[] }>(services.dispatch, 'workbook.current');
  const scenarioId = summary.scenarios.find((s) => s.status === 'usulan')!.id;
  const out = path.join(b.dir, `annex-${size}.pdf`);
  const bareOut = path.join(b.dir, `bare-${size}.pdf`);
  const exportOnce = () => call(services.dispatch, 'annex.export', { scenarioId, path: out, overwrite: true, date: '2027-06-30' });
  await exportOnce();
  const wb = await Workbook.open(wbFile, { readOnly: true });
  let doc: AnnexDocument;
  try {
    doc = buildAnnexDocument(wb, { scenarioId, language: 'id', paper: 'A4', signer: null, date: '2027-06-30' }, checkScenario(wb, scenarioId), ...annexModels(wb, scenarioId));
  } finally {
    wb.close();
  }
  const [real, floor] = await timeInterleaved(
    [{ fn: exportOnce, before: gc }, { fn: async () => writeSynced(bareOut, await barePdf(doc)), before: gc }],
    // Tens of seconds a run at rpjmd: no warm-up, at most 3 runs.
    { runs: Math.min(3, b.opts.slowRuns), warmup: 0 },
  );
  await services.close();
  const pages = (fs.readFileSync(out).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const cells = doc.sections.reduce((n, s) => n + s.table.header.length + s.table.body.reduce((k, r) => k + r.length, 0), 0);
  return measure({
    name: 'annex PDF',
    size,
    samples: real!,
    floor: { name: 'bare pdfmake: the same cells as plain tables', samples: floor! },
    goal: GOALS.pdf,
    note: `${pages} pages, ${cells.toLocaleString('en')} cells, ${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB; the xlsx of the same annex: ${xlsx && !xlsx.skipped ? `${(xlsx.median / 1000).toFixed(2)} s` : 'not measured'}`,
  });
}

// ---------------------------------------------------------------- import

async function measureImport(b: Bench, file: string, size: string, annexFile: string): Promise<Measure> {
  const wbFile = b.copy(file, 'import');
  const services = b.services();
  await call(services.dispatch, 'workbook.open', { path: wbFile });
  const runs = size === 'rpjmd10x' ? Math.min(3, b.opts.slowRuns) : b.opts.slowRuns;
  const warmup = size === 'rpjmd10x' ? 0 : 1;
  const probe = await services.dispatch('import.preview', { source: { path: annexFile }, target: { series: 'realisation' } });
  if (!probe.ok) {
    await services.close();
    return skipped('import of the exported annex', size, `the import refuses the annex: ${probe.message}`, GOALS.import);
  }
  const [real, floor] = await timeInterleaved(
    [
      { fn: () => call(services.dispatch, 'import.preview', { source: { path: annexFile }, target: { series: 'realisation' } }), before: gc },
      {
        fn: async () => {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(fs.readFileSync(annexFile) as unknown as ArrayBuffer);
          let n = 0;
          book.worksheets.forEach((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, () => void n++)));
          return n;
        },
        before: gc,
      },
    ],
    { runs, warmup },
  );
  await services.close();
  return measure({ name: 'import of the exported annex', size, samples: real!, floor: { name: 'bare exceljs read', samples: floor! }, goal: GOALS.import });
}

// ---------------------------------------------------------------- driver

function parse(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const sizes = (value('--sizes')?.split(',') as BenchSize[] | undefined) ?? (quick ? ['regency', 'rpjmd'] : ['regency', 'rpjmd', 'rpjmd10x']);
  return {
    quick,
    sizes,
    runs: Number(value('--runs') ?? (quick ? 3 : 7)),
    slowRuns: Number(value('--slow-runs') ?? (quick ? 1 : 5)),
    browserModule: argv.includes('--no-browser') ? null : value('--browser-module'),
    only: (value('--only') ?? '').split(',').filter(Boolean),
    log: (line) => console.log(line),
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export async function runBench(argv: readonly string[]): Promise<number> {
  const opts = parse(argv);
  const started = new Date();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpjmd-bench-'));
  const b = new Bench(dir, opts);
  const log = opts.log;
  const want = (name: string) => opts.only.length === 0 || opts.only.some((o) => name.includes(o));
  const measures: Measure[] = [];
  const emit = (m: Measure) => {
    measures.push(m);
    log(formatMeasure(m));
  };
  log(`bench: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${opts.quick ? 'quick' : 'full'} run (${opts.runs} runs, ${opts.slowRuns} for export/import, 3 at rpjmd10x), workbooks in ${dir}`);
  const files = new Map<BenchSize, string>();
  const bySize = new Map<string, Measure>();
  try {
    for (const size of opts.sizes) {
      const file = path.join(dir, `${size}.rpjmd`);
      const t0 = performance.now();
      const g = await generateWorkbook(file, size);
      files.set(size, file);
      log(
        `generated ${size}: ${g.indicators} indicators × ${g.years} years × ${g.scenarios} scenarios, ${g.changeLog.toLocaleString('en')} change-log rows, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const keep = (m: Measure) => {
        bySize.set(`${m.name}@${size}`, m);
        emit(m);
      };
      if (want('open')) keep(await measureOpen(b, file, size));
      if (want('paste')) for (const m of await measurePaste(b, file, size)) keep(m);
      if (want('checks')) keep(await measureChecks(b, file, size));
      let annexFile: string | null = null;
      if (want('export') || want('import')) {
        const e = await measureExport(b, file, size, size === 'rpjmd');
        annexFile = e.annexFile;
        if (want('export')) {
          keep(e.real);
          if (e.vsLibreOffice) emit(e.vsLibreOffice);
        }
      }
      if (want('import') && annexFile) keep(await measureImport(b, file, size, annexFile));
      // The PDF at the size of a full RPJMD, beside the xlsx time measured above.
      if (size === 'rpjmd' && (want('annex PDF') || want('export'))) keep(await measurePdf(b, file, size, bySize.get(`annex export@${size}`)));
    }
    // Growth from the full RPJMD to ten times its indicators.
    if (files.has('rpjmd') && files.has('rpjmd10x')) {
      const scale = SIZE_SPECS.rpjmd10x.indicators / SIZE_SPECS.rpjmd.indicators;
      for (const name of ['open + quick_check + first page', 'paste 5,000 cells', 'checks after one edit', 'annex export', 'import of the exported annex']) {
        const small = bySize.get(`${name}@rpjmd`);
        const large = bySize.get(`${name}@rpjmd10x`);
        if (!small || !large) continue;
        if (small.skipped || large.skipped) emit(skipped(`growth: ${name}`, 'rpjmd→rpjmd10x', `not measured at ${small.skipped ? 'rpjmd' : 'rpjmd10x'}`, GOALS.growth));
        else emit(growth(name, small, large, scale, GOALS.growth));
      }
    }
    // The import refuses rpjmd10x's annex (its caps): its growth is taken from a tenth of rpjmd instead.
    const importAtRpjmd = bySize.get('import of the exported annex@rpjmd');
    if (want('import') && importAtRpjmd && !importAtRpjmd.skipped && (!files.has('rpjmd10x') || bySize.get('import of the exported annex@rpjmd10x')?.skipped)) {
      const tenthFile = path.join(dir, 'rpjmd-tenth.rpjmd');
      await generateSized(tenthFile, 'rpjmd-tenth', TENTH_SPEC);
      const e = await measureExport(b, tenthFile, 'rpjmd-tenth', false);
      const small = await measureImport(b, tenthFile, 'rpjmd-tenth', e.annexFile);
      emit(small);
      if (!small.skipped) {
        const g = growth('import of the exported annex', small, importAtRpjmd, SIZE_SPECS.rpjmd.indicators / TENTH_SPEC.indicators, GOALS.growth);
        emit({ ...g, note: `${g.note}; rpjmd-tenth→rpjmd, as rpjmd10x's annex is over the import caps` });
      }
    }
    if (opts.browserModule && fs.existsSync(opts.browserModule) && want('browser') && files.has('rpjmd')) {
      const mod = (await import(pathToFileURL(opts.browserModule).href)) as {
        runBrowserBench?: (o: { workbookFile: string; log: (line: string) => void; size?: string }) => Promise<Measure[]>;
      };
      if (mod.runBrowserBench) {
        for (const m of await mod.runBrowserBench({ workbookFile: b.copy(files.get('rpjmd')!, 'browser'), log, size: 'rpjmd' })) emit(m);
      } else {
        log(`browser: ${opts.browserModule} exports no runBrowserBench; skipped`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const goals = measures.filter((m) => m.goal);
  log('');
  log(`goals: ${goals.filter((m) => m.met === true).length} met, ${goals.filter((m) => m.met === false).length} not met, ${goals.filter((m) => m.met === null).length} not measured`);
  for (const m of goals) log(`  ${m.met === null ? 'not measured' : m.met ? 'met' : 'NOT MET'}: ${m.name} [${m.size}]`);

  const resultsDir = path.resolve('bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const out = path.join(resultsDir, `bench-${stamp}.json`);
  const cpus = os.cpus();
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        timestamp: started.toISOString(),
        durationSeconds: (Date.now() - started.getTime()) / 1000,
        machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, memoryBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, node: process.version },
        git: { commit: gitCommit() },
        options: { quick: opts.quick, sizes: opts.sizes, runs: opts.runs, slowRuns: opts.slowRuns },
        sizes: Object.fromEntries(opts.sizes.map((s) => [s, SIZE_SPECS[s]])),
        measures,
      },
      null,
      2,
    ),
  );
  log(`results: ${path.relative(process.cwd(), out)}`);
  return 0;
}
