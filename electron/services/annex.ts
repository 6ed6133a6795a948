/**
 * The annex and import services behind the contract methods annex.* and import.*: the remembered
 * signer (a JSON file in the user data folder, like the recent-files list), the export, and the
 * import preview kept in the session until it is applied or replaced.
 *
 * Parsing runs here with plain async code: in Electron the services live in a worker thread
 * (electron/host/store-worker.ts), so a large spreadsheet never blocks the window.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AnnexBytesResult, AnnexExportResult, AnnexFormat, AnnexLanguage, AnnexPaper, ChangeLogMode, ImportApplyResult, ImportCell, ImportPreview, ImportTarget, Signer } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/result.js';
import { makesImportStale } from '../../shared/changes.js';
import { applyImport } from '../annex/apply.js';
import { annexBuffer, annexFileName, buildAnnexDocument, resolveScenario, writeAnnex, type AnnexOptions } from '../annex/export.js';
import { previewImport } from '../annex/import.js';
import { IMPORT_LIMITS } from '../annex/limits.js';
import { renderPdf, writePdfFile } from '../annex/pdf.js';
import { buildTemplate } from '../annex/template.js';
import { EditCounter } from '../workbook/caches.js';
import type { Actor } from '../workbook/edit.js';
import type { Workbook } from '../workbook/store.js';
import { checkScenario, requireNoErrors } from './checks.js';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import type { InterventionsView } from '../../shared/interventions.js';
import { feasibilityReport } from './feasibility.js';
import { interventionsReport } from './interventions.js';
import type { Session } from './session.js';

export function signerPath(dataDir: string): string {
  return path.join(dataDir, 'annex-signer.json');
}

const signerSchema = z.object({
  place: z.string().max(200).optional(),
  name: z.string().max(200),
  title: z.string().max(200),
  nip: z.string().max(40),
});

/** The signer last used, kept outside any workbook (it belongs to the office, not the file). */
export class SignerStore {
  constructor(private readonly file: string) {}

  get(): Signer | null {
    try {
      const parsed = signerSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  set(signer: Signer): Signer {
    const clean: Signer = { name: signer.name.trim(), title: signer.title.trim(), nip: signer.nip.trim(), ...(signer.place?.trim() ? { place: signer.place.trim() } : {}) };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(clean, null, 2));
    fs.renameSync(temp, this.file);
    return clean;
  }
}

export interface ExportInput {
  scenarioId?: number | undefined;
  language?: AnnexLanguage | undefined;
  paper?: AnnexPaper | undefined;
  signer?: Signer | undefined;
  date?: string | undefined;
  /** xlsx (default) or pdf; annex.export without it follows the path's extension. */
  format?: AnnexFormat | undefined;
  /** Catatan Perubahan: 'net' (default) or 'full' (electron/annex/change-log-section.ts). */
  changeLog?: ChangeLogMode | undefined;
}

export type ImportSourceInput = { path: string } | { name: string; base64: string };

interface KeptPreview {
  preview: ImportPreview;
  workbookPath: string;
  /** revisionOf() when the preview was made: a later edit of values or targets makes it stale. */
  revision: string;
}

/** Today in the computer's time zone, as the annex prints it. */
function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Changes whenever an edit that an import preview depends on is committed (shared/changes.ts). */
function revisionOf(wb: Workbook): string {
  const count = wb.caches.get('import-revision', () => new EditCounter(makesImportStale)).count;
  return `${wb.caches.generation}:${count}`;
}

/**
 * The model reports the annex prints (Kelayakan Target, Lampiran IV): Kelayakan once, its σ then
 * serving the programmes' effect too.
 */
export function annexModels(wb: Workbook, scenarioId: number): [FeasibilityReport, InterventionsView] {
  const feasibility = feasibilityReport(wb, scenarioId);
  return [feasibility, interventionsReport(wb, scenarioId, feasibility)];
}

/** The checks of the scenario to export; refuses (blocked, naming the first errors) while an error remains. */
function checkedReport(wb: Workbook, opts: AnnexOptions): CheckReport {
  const report = checkScenario(wb, resolveScenario(wb, opts.scenarioId).id);
  requireNoErrors(report, 'export the annex');
  return report;
}

export class AnnexService {
  readonly signer: SignerStore;
  private kept: KeptPreview | null = null;

  constructor(private readonly session: Session) {
    this.signer = new SignerStore(signerPath(session.options.dataDir));
  }

  private options(input: ExportInput): AnnexOptions {
    return {
      scenarioId: input.scenarioId,
      language: input.language ?? 'id',
      paper: input.paper ?? 'A4',
      signer: input.signer ?? this.signer.get(),
      date: input.date ?? today(),
    };
  }

  private result(wb: Workbook, opts: AnnexOptions, built: { scenario: { id: number; name: string }; report: { counts: AnnexExportResult['findings'] } }, where: string | null, bytes: number, format: AnnexFormat = 'xlsx'): AnnexExportResult {
    const fallback = annexFileName(wb.plan(), opts.language);
    return {
      format,
      path: where,
      fileName: where ? path.basename(where) : format === 'pdf' ? fallback.replace(/\.xlsx$/, '.pdf') : fallback,
      scenarioId: built.scenario.id,
      scenarioName: built.scenario.name,
      sheets: [...ANNEX_SHEETS],
      findings: built.report.counts,
      bytes,
    };
  }

  async exportTo(input: ExportInput & { path: string; overwrite?: boolean | undefined }): Promise<AnnexExportResult> {
    const wb = this.session.require();
    const opts = this.options(input);
    const format = input.format ?? (path.extname(input.path).toLowerCase() === '.pdf' ? 'pdf' : 'xlsx');
    if (format === 'pdf') {
      const report = checkedReport(wb, opts);
      const written = await writePdfFile(() => this.pdf(wb, opts, report), input.path, wb.path, input.overwrite ?? false);
      return this.result(wb, opts, { scenario: wb.reads.scenario(report.scenarioId), report }, written.path, written.bytes, 'pdf');
    }
    const report = checkedReport(wb, opts);
    const written = await writeAnnex(wb, opts, report, ...annexModels(wb, report.scenarioId), input.path, input.overwrite ?? false);
    return this.result(wb, opts, written, written.path, written.bytes);
  }

  /** The annex PDF: the same document the xlsx is drawn from (annex/document.ts), drawn by annex/pdf.ts. */
  private pdf(wb: Workbook, opts: AnnexOptions, report: CheckReport): Promise<Buffer> {
    return renderPdf(buildAnnexDocument(wb, opts, report, ...annexModels(wb, report.scenarioId)), { date: opts.date });
  }

  async exportBytes(input: ExportInput): Promise<AnnexBytesResult> {
    const wb = this.session.require();
    const opts = this.options(input);
    if (input.format === 'pdf') {
      const report = checkedReport(wb, opts);
      const buffer = await this.pdf(wb, opts, report);
      return { ...this.result(wb, opts, { scenario: wb.reads.scenario(report.scenarioId), report }, null, buffer.length, 'pdf'), base64: buffer.toString('base64') };
    }
    const report = checkedReport(wb, opts);
    const built = await annexBuffer(wb, opts, report, ...annexModels(wb, report.scenarioId));
    return { ...this.result(wb, opts, built, null, built.buffer.length), base64: built.buffer.toString('base64') };
  }

  async template(language: AnnexLanguage): Promise<{ fileName: string; base64: string }> {
    const t = await buildTemplate(this.session.require(), language);
    return { fileName: t.fileName, base64: t.buffer.toString('base64') };
  }

  private read(source: ImportSourceInput): { name: string; bytes: Buffer } {
    const cap = IMPORT_LIMITS.maxFileBytes;
    if ('path' in source) {
      const name = path.basename(source.path);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(source.path);
      } catch {
        throw new AppError('not_found', `File not found: ${source.path}`, { file: name }, 'source.path');
      }
      if (!stat.isFile()) throw new AppError('refused_file', `${name} is not a file`, { file: name, reason: 'unsupported' });
      if (stat.size > cap) {
        throw new AppError('refused_file', `${name}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; at most ${cap / 1024 / 1024} MB can be imported`, { file: name, reason: 'too_large' });
      }
      return { name, bytes: fs.readFileSync(source.path) };
    }
    const name = path.basename(source.name.replace(/\\/g, '/'));
    if (source.base64.length > Math.ceil(cap / 3) * 4 + 4) {
      throw new AppError('refused_file', `${name}: larger than ${cap / 1024 / 1024} MB; at most that can be imported`, { file: name, reason: 'too_large' });
    }
    return { name, bytes: Buffer.from(source.base64, 'base64') };
  }

  /** Reads a file into a preview and keeps it (replacing any earlier one). Writes nothing. */
  async preview(source: ImportSourceInput, target: ImportTarget): Promise<ImportPreview> {
    const wb = this.session.require();
    const { name, bytes } = this.read(source);
    const body = await previewImport(wb, name, bytes, target);
    const preview: ImportPreview = { previewId: crypto.randomBytes(8).toString('hex'), ...body };
    this.kept = { preview, workbookPath: wb.path, revision: revisionOf(wb) };
    return preview;
  }

  /** Writes the kept preview's new and changed cells, refusing a preview the workbook has moved past. */
  apply(previewId: string, actor: Actor = { user: this.session.userName }): ImportApplyResult {
    const wb = this.session.require();
    const kept = this.kept;
    if (!kept || kept.preview.previewId !== previewId) {
      throw new AppError('not_found', 'This import preview is no longer available; read the file again', { previewId }, 'previewId');
    }
    if (kept.workbookPath !== wb.path || kept.revision !== revisionOf(wb)) {
      this.kept = null;
      throw new AppError('stale', 'The workbook changed after this preview was made; read the file again to see what would change now', { previewId });
    }
    const cells: ImportCell[] = [...kept.preview.new, ...kept.preview.changed];
    const result = applyImport(wb, actor, kept.preview.fileName, cells, { justifications: kept.preview.justifications, responsibleUnits: kept.preview.responsibleUnits, programmes: kept.preview.programmes, reviews: kept.preview.reviews });
    this.kept = null;
    return result;
  }

  discard(): void {
    this.kept = null;
  }
}
