/** The one open workbook of a host (a window in Electron, the process in the browser host). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/result.js';
import type { Plan, SaveBackResult, WorkbookSummary } from '../../shared/domain.js';
import { createDemoWorkbook } from '../workbook/demo.js';
import { LocalCopy } from '../workbook/local-copy.js';
import { sameFile } from '../workbook/lock.js';
import { classifyLocation, systemLocationProbe, type LocationProbe } from '../workbook/location.js';
import { Workbook, type StoreOptions } from '../workbook/store.js';
import type { ServiceOptions } from './options.js';
import { demoWorkbookPath, localCopiesPath, recentFilesPath } from './paths.js';
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
  /** Set while the open workbook is the local copy of a network or cloud file. */
  private remote: LocalCopy | undefined;
  readonly recent: RecentFiles;
  private readonly store: StoreOptions;
  private readonly probe: () => LocationProbe;

  /** The OS user name the change log records for every write. */
  readonly userName: string;

  constructor(
    readonly options: ServiceOptions,
    probe: () => LocationProbe = () => systemLocationProbe(),
  ) {
    this.userName = osUserName();
    this.recent = new RecentFiles(recentFilesPath(options.dataDir));
    this.store = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    this.probe = probe;
  }

  /** What the renderer shows: for a network or cloud file, the original's name and the copy's state. */
  summary(wb: Workbook = this.require()): WorkbookSummary {
    const base = wb.summary();
    if (!this.remote || wb !== this.workbook) return base;
    return { ...base, path: this.remote.original, fileName: path.basename(this.remote.original), location: this.remote.describe() };
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
    const absolute = path.resolve(filePath);
    // Reopening the file this session already has, by any of its names (a symlink, a hard
    // link): keep it (its lock is ours).
    const openPath = this.remote?.original ?? this.workbook?.path;
    if (this.workbook && !readOnly && openPath !== undefined && !this.workbook.readOnly && (absolute === openPath || sameFile(absolute, openPath))) return this.workbook;
    const location = classifyLocation(absolute, this.probe());
    if (location.kind === 'local' || readOnly) {
      // Open first: a refused file leaves the current workbook open and untouched.
      return this.replace(await Workbook.open(absolute, { ...this.store, readOnly }));
    }
    const copy = await LocalCopy.prepare(absolute, location, localCopiesPath(this.options.dataDir), async (file) => {
      (await Workbook.open(file, this.store)).close();
    });
    let next: Workbook;
    try {
      next = await Workbook.open(copy.local, this.store);
    } catch (err) {
      copy.release();
      throw err;
    }
    return this.replace(next, copy);
  }

  async create(filePath: string, plan: Plan = DEFAULT_PLAN): Promise<Workbook> {
    const absolute = path.resolve(filePath);
    const wb = await Workbook.create(absolute, { plan }, this.store);
    if (classifyLocation(absolute, this.probe()).kind === 'local') return this.replace(wb);
    // Created in place (a rename of a whole file), then edited through a local copy like any share file.
    wb.close();
    return this.open(absolute);
  }

  /** Writes the local copy of a network or cloud workbook back to its original. */
  async saveBack(): Promise<SaveBackResult> {
    const wb = this.require();
    if (!this.remote) {
      throw new AppError('bad_input', `${path.basename(wb.path)} is on a local disk and is saved as you work; nothing to save back`, { file: path.basename(wb.path) });
    }
    const result = await this.remote.saveBack((file) => wb.backupTo(file));
    return { ...result, summary: this.summary(wb) };
  }

  async openDemo(): Promise<Workbook> {
    const file = demoWorkbookPath(this.options.dataDir);
    if (fs.existsSync(file)) return this.open(file);
    return this.replace(await createDemoWorkbook(file, this.store));
  }

  async saveAs(target: string, overwrite: boolean): Promise<Workbook> {
    const absolute = path.resolve(target);
    if (this.remote && (absolute === this.remote.original || sameFile(absolute, this.remote.original))) {
      throw new AppError('bad_input', 'Save As needs a different file than the open one', { file: path.basename(absolute) }, 'path');
    }
    const copy = await this.require().saveAs(absolute, overwrite);
    // The edits now live in the new file; the original keeps what was last saved back to it.
    this.remote?.release();
    this.remote = undefined;
    this.workbook = copy;
    this.recent.add(copy.path);
    if (classifyLocation(absolute, this.probe()).kind !== 'local') {
      copy.close();
      this.workbook = undefined;
      return this.open(absolute);
    }
    return copy;
  }

  /**
   * Closes the open workbook. A network or cloud workbook is saved back first; when that fails
   * (the share is gone) it stays open and the failure says where the edits are safe.
   */
  async close(): Promise<void> {
    if (this.remote?.unsaved && this.workbook) {
      const wb = this.workbook;
      await this.remote.saveBack((file) => wb.backupTo(file));
    }
    this.closeNow();
  }

  /** Closing for good (the process ends): save back when possible, never throw; an unsaved copy stays to be resumed. */
  async shutdown(): Promise<void> {
    try {
      await this.close();
    } catch (err) {
      console.error(`[session] ${err instanceof Error ? err.message : String(err)}`);
      this.closeNow();
    }
  }

  private closeNow(): void {
    this.workbook?.close();
    this.remote?.release();
    this.workbook = undefined;
    this.remote = undefined;
  }

  private async replace(next: Workbook, remote?: LocalCopy): Promise<Workbook> {
    if (this.workbook && this.workbook !== next) {
      const previous = this.workbook;
      const previousRemote = this.remote;
      if (previousRemote?.unsaved) {
        try {
          await previousRemote.saveBack((file) => previous.backupTo(file));
        } catch (err) {
          // The share is gone: the copy keeps the edits and is resumed when the original is next opened.
          console.error(`[session] ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      previous.close();
      previousRemote?.release();
    }
    this.workbook = next;
    this.remote = remote;
    this.recent.add(remote?.original ?? next.path);
    return next;
  }
}
