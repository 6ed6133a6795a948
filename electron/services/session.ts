/** The one open workbook of a host (a window in Electron, the process in the browser host). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import type { Plan } from '../../shared/domain.js';
import { createDemoWorkbook } from '../workbook/demo.js';
import { Workbook, type StoreOptions } from '../workbook/store.js';
import type { ServiceOptions } from './options.js';
import { demoWorkbookPath, recentFilesPath } from './paths.js';
import { RecentFiles } from './recent-files.js';

/** Plan of a new, empty workbook when the caller gives none: the RPJMD period of the demo. */
export const DEFAULT_PLAN: Plan = {
  region: 'Kabupaten Baru',
  province: 'Sumatera Selatan',
  baselineYear: 2017,
  firstYear: 2018,
  lastYear: 2023,
};

function osUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

export class Session {
  private workbook: Workbook | undefined;
  readonly recent: RecentFiles;
  private readonly store: StoreOptions;

  /** The OS user name the change log records for every write. */
  readonly userName: string;

  constructor(readonly options: ServiceOptions) {
    this.userName = osUserName();
    this.recent = new RecentFiles(recentFilesPath(options.dataDir));
    this.store = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  }

  get current(): Workbook | undefined {
    return this.workbook;
  }

  /** The open workbook, or a no_workbook failure for methods that need one. */
  require(): Workbook {
    if (!this.workbook) throw new AppError('no_workbook', 'No workbook is open');
    return this.workbook;
  }

  async open(filePath: string, readOnly = false): Promise<Workbook> {
    // Reopening the file this session already has: keep it (its lock is ours).
    if (this.workbook && !readOnly && path.resolve(filePath) === this.workbook.path && !this.workbook.readOnly) return this.workbook;
    // Open first: a refused file leaves the current workbook open and untouched.
    const next = await Workbook.open(filePath, { ...this.store, readOnly });
    return this.replace(next);
  }

  async create(filePath: string, plan: Plan = DEFAULT_PLAN): Promise<Workbook> {
    return this.replace(await Workbook.create(filePath, { plan }, this.store));
  }

  async openDemo(): Promise<Workbook> {
    const file = demoWorkbookPath(this.options.dataDir);
    if (fs.existsSync(file)) return this.open(file);
    return this.replace(await createDemoWorkbook(file, this.store));
  }

  async saveAs(target: string, overwrite: boolean): Promise<Workbook> {
    const copy = await this.require().saveAs(target, overwrite);
    this.workbook = copy;
    this.recent.add(copy.path);
    return copy;
  }

  close(): void {
    this.workbook?.close();
    this.workbook = undefined;
  }

  private replace(next: Workbook): Workbook {
    if (this.workbook && this.workbook !== next) this.workbook.close();
    this.workbook = next;
    this.recent.add(next.path);
    return next;
  }
}
