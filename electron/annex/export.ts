/**
 * The annex (lampiran) for the governor's review: Lampiran I (targets, Semula and Menjadi rows
 * per indicator), Lampiran II (realisations and capaian), Lampiran III (check findings), Catatan
 * Perubahan (the scenario's changes), Sumber Data (the source of every value), Kelayakan
 * Target (what the P0 targets ask of the economy) and Lampiran IV (Rencana Intervensi: the
 * programmes, their effect on the poverty path and the gap, to the RPKD/RPD horizon) and Tindak
 * Lanjut Hasil Evaluasi (the governor's evaluation notes, the regency's response, the change made).
 *
 * One source of truth, two renderers: buildAnnexDocument gathers the workbook's data once
 * (gather.ts) and lays every section out as a document (document.ts, sections/*.ts); the xlsx
 * is renderXlsx(doc) (xlsx.ts), the PDF pdf.ts's. Reads the workbook (never writes it), the
 * check report, the Kelayakan report and the Intervensi its caller made (services/checks.ts
 * checkScenario, services/feasibility.ts feasibilityReport, services/interventions.ts
 * interventionsReport, for the exported scenario), and is deterministic: the same workbook, options and report give
 * the same document (the date is an option; nothing reads the clock). writeAnnex writes beside
 * the target and renames, so the final name never holds a half-written file.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import type { AnnexLanguage } from '../../shared/annex.js';
import type { CheckReport } from '../../shared/api/contract.js';
import type { Plan, Scenario } from '../../shared/domain.js';
import type { InterventionsView } from '../../shared/interventions.js';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import type { Workbook } from '../workbook/store.js';
import { writeAnnexFile } from './annex-file.js';
import type { AnnexDocument } from './document.js';
import { gather, type AnnexData, type AnnexOptions } from './gather.js';
import { capaianSection } from './sections/capaian.js';
import { changeLogSection } from './change-log-section.js';
import { checksSection } from './sections/checks.js';
import { feasibilitySection } from './sections/feasibility.js';
import { footerText, titleLines } from './sections/common.js';
import { interventionsSection } from './sections/interventions.js';
import { reviewSection } from './sections/review.js';
import { sourcesSection } from './sections/sources.js';
import { targetsSection } from './sections/targets.js';
import { renderXlsx } from './xlsx.js';

export { resolveScenario, type AnnexOptions } from './gather.js';

export interface BuiltAnnex {
  workbook: ExcelJS.Workbook;
  scenario: Scenario;
  report: CheckReport;
}

function documentOf(d: AnnexData): AnnexDocument {
  return {
    language: d.lang,
    paper: d.opts.paper,
    title: `${d.L.docTitle} ${d.plan.region} ${d.plan.firstYear}–${d.plan.lastYear}`,
    sections: [
      targetsSection(d),
      capaianSection(d),
      checksSection(d),
      // Catatan Perubahan: change-log-section.ts, from the log gathered here.
      changeLogSection({
        scenario: d.scenario,
        indicators: d.indicators,
        language: d.lang,
        mode: d.opts.changeLog,
        titles: titleLines(d, d.L.sheet4Title),
        footer: footerText(d, d.L.sheet4Title),
        pageUnits: d.pageUnits,
        entries: d.changeLog,
        justifications: d.justification,
      }),
      sourcesSection(d),
      feasibilitySection(d),
      interventionsSection(d),
      reviewSection(d),
    ],
  };
}

/**
 * The annex as a document, every section laid out, for either renderer (renderXlsx, the PDF).
 * The caller runs the checks and refuses the export while an error-level finding remains
 * (services/annex.ts); the findings go into Lampiran III.
 */
export function buildAnnexDocument(wb: Workbook, opts: AnnexOptions, report: CheckReport, feasibility: FeasibilityReport, interventions: InterventionsView): AnnexDocument {
  return documentOf(gather(wb, opts, report, feasibility, interventions));
}

/** Builds the annex workbook (xlsx) of the scenario `report` (and `feasibility`, `interventions`) was made for. */
export function buildAnnex(wb: Workbook, opts: AnnexOptions, report: CheckReport, feasibility: FeasibilityReport, interventions: InterventionsView): BuiltAnnex {
  const d = gather(wb, opts, report, feasibility, interventions);
  const doc = documentOf(d);
  const workbook = renderXlsx(doc, { date: opts.date, subject: `${d.L.scenario}: ${d.scenario.name}` });
  return { workbook, scenario: d.scenario, report: d.report };
}

/**
 * How the annex's parts are zipped: deflate at level 1 instead of JSZip's default 6. Deflate in
 * JavaScript was a third of the export's time; level 1 takes a fraction of that for a file
 * about a third larger (the annex of a 600-indicator RPJMD: 1,4 MB instead of 1,0 MB).
 */
export const ANNEX_ZIP = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

export async function annexBuffer(wb: Workbook, opts: AnnexOptions, report: CheckReport, feasibility: FeasibilityReport, interventions: InterventionsView): Promise<{ buffer: Buffer } & BuiltAnnex> {
  const built = buildAnnex(wb, opts, report, feasibility, interventions);
  const buffer = Buffer.from(await built.workbook.xlsx.writeBuffer({ zip: ANNEX_ZIP } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
  return { ...built, buffer };
}

/** A default file name: "Lampiran-Perubahan-RPJMD-Kabupaten-Muara-Enim-2018-2023.xlsx". */
export function annexFileName(plan: Plan, lang: AnnexLanguage): string {
  const region = plan.region.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
  return `${lang === 'en' ? 'Annex-RPJMD-Revision' : 'Lampiran-Perubahan-RPJMD'}-${region}-${plan.firstYear}-${plan.lastYear}.xlsx`;
}

/** What the creator field of an annex says (exceljs writes it into docProps/core.xml). */
const ANNEX_CREATOR = 'RPJMD Workbench';

/**
 * Whether `file` is an annex this app wrote: a zip whose docProps/core.xml names RPJMD Workbench
 * as its creator. Read cheaply — the zip's end record and central directory from the end of the
 * file, then that one small part, inflated with a cap — and false for anything it cannot read.
 */
export function isOurAnnex(file: string): boolean {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const read = (position: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const n = fs.readSync(fd, buf, 0, length, position);
      return buf.subarray(0, n);
    };
    // The end of central directory record: 22 bytes, after at most 65 535 bytes of comment.
    const tailStart = Math.max(0, size - 22 - 0xffff);
    const tail = read(tailStart, size - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return false;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdSize > 4 * 1024 * 1024 || cdOffset + cdSize > size) return false;
    const cd = read(cdOffset, cdSize);
    for (let i = 0, p = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) return false;
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const local = cd.readUInt32LE(p + 42);
      const entry = cd.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (entry !== 'docProps/core.xml') continue;
      if (compressed > 256 * 1024 || (method !== 0 && method !== 8)) return false;
      const header = read(local, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return false;
      const data = read(local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), compressed);
      const xml = (method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: 1024 * 1024 })).toString('utf8');
      return new RegExp(`<dc:creator>\\s*${ANNEX_CREATOR}\\s*</dc:creator>`).test(xml);
    }
    return false;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the annex to `target` (.xlsx): into a temp file beside it, fsynced, then renamed, so the
 * final name never holds a half-written file. Refuses to overwrite unless asked, replaces only an
 * annex this app wrote (anything else at that name is refused untouched), and never writes over
 * the open workbook.
 */
export async function writeAnnex(wb: Workbook, opts: AnnexOptions, report: CheckReport, feasibility: FeasibilityReport, interventions: InterventionsView, target: string, overwrite = false): Promise<{ path: string; bytes: number } & BuiltAnnex> {
  return writeAnnexFile({ target, extension: '.xlsx', kind: 'The annex', workbookPath: wb.path, overwrite, isOurs: isOurAnnex }, () => annexBuffer(wb, opts, report, feasibility, interventions));
}
