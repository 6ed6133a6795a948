/**
 * The workbook store: one SQLite file = one region and one plan period.
 * Treated as a document (sqlite.org/appfileformat): our application_id, a user_version schema,
 * journal mode DELETE with synchronous FULL so the single file can be copied and mailed, and
 * copies made only with SQLite's backup API, never by copying a live file.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import type { CapaianSetting, Indicator, IndicatorValue, MethodBreak, Plan, ReferenceTarget, Scenario, Series, ShockYear, WorkbookSettings, WorkbookSummary } from '../../shared/domain.js';
import { AppError } from '../../shared/api/result.js';
import { POPULATION_CODE, RATE_COUNT_PAIRS } from '../../shared/domain.js';
import { susenasPopulation, type SusenasPopulation } from '../../shared/model/population.js';
import { APPLICATION_ID, readHeader } from './file-format.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import { seedReferences } from './references.js';
import type { IndicatorSpec } from './standard-indicators.js';
import type { ChangeAction } from '../../shared/changes.js';
import { Caches, type EditEffect, type Kept } from './caches.js';
import { runEdit, runReplay, type Actor, type EditContext, type EditTx } from './edit.js';
import { IndicatorIndex, WorkbookReads } from './queries.js';
import { Statements } from './statements.js';
import { WorkbookLock, type LockOwner } from './lock.js';
import { STANDARD_INDICATORS } from './standard-indicators.js';

export interface StoreOptions {
  /** Open without the write lock: reads only, every write refused (the file is open elsewhere). */
  readOnly?: boolean;
  /** better-sqlite3 native build to load (Electron's ABI build); default: the Node build. */
  nativeBinding?: string;
  /** Only tests pass their own history here. */
  migrations?: readonly Migration[];
}

export interface SeedValue {
  indicatorCode: string;
  year: number;
  series: Series;
  value: number;
  source: string;
  illustrative: boolean;
  provisional?: boolean;
}

export interface NewWorkbook {
  plan: Plan;
  indicators?: readonly IndicatorSpec[];
  values?: readonly SeedValue[];
  /** When the revision is made (ISO date); the demo's is August 2021. */
  revisionDate?: string | null;
  methodBreaks?: readonly MethodBreak[];
}

type Db = Database.Database;

function connect(filePath: string, opts: StoreOptions, readonly: boolean): Db {
  const db = new Database(filePath, {
    readonly,
    fileMustExist: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  // Functions with side effects never run from a file's own views or triggers.
  db.pragma('trusted_schema = OFF');
  return db;
}

function applyDocumentPragmas(db: Db): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 32 MiB of page cache (SQLite's default is 2 MiB): a paste of thousands of cells writes its
  // targets, undo images and change-log rows in one transaction, and a smaller cache spills
  // dirty pages into the file mid-transaction, each spill syncing the journal first. Not stored
  // in the file; memory is taken only as pages are used.
  db.pragma('cache_size = -32768');
}

function latestOf(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Checks a file before anything may write to it. Every refusal happens here, on the header bytes
 * or through a read-only connection, so a refused file stays byte-identical.
 */
function inspect(filePath: string, opts: StoreOptions): { userVersion: number; deferredCheck: boolean } {
  const name = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new AppError('not_found', `File not found: ${filePath}`, { file: filePath });
  }
  if (!stat.isFile()) throw new AppError('refused_not_workbook', `${name} is not a file`, { file: name });

  const header = readHeader(filePath);
  if (header.kind === 'not-sqlite') {
    throw new AppError('refused_not_workbook', `${name} is not an RPJMD workbook: ${header.reason}`, { file: name });
  }
  if (header.applicationId !== APPLICATION_ID) {
    const id = `0x${header.applicationId.toString(16).padStart(8, '0')}`;
    throw new AppError(
      'refused_foreign',
      `${name} is an SQLite database of another application (application_id ${id}), not an RPJMD workbook`,
      { file: name, applicationId: id },
    );
  }
  const supported = latestOf(opts.migrations ?? MIGRATIONS);
  if (header.userVersion > supported) {
    throw new AppError(
      'refused_newer',
      `${name} has schema version ${header.userVersion}, made by a newer version of the workbench; this version reads up to schema version ${supported}. Update the app to open it.`,
      { file: name, fileVersion: header.userVersion, supportedVersion: supported },
    );
  }

  // A crash mid-write leaves a hot journal that only a read-write connection can roll back; the
  // check then runs on that connection once the file is locked (see Workbook.open).
  if (hasHotJournal(filePath)) return { userVersion: header.userVersion, deferredCheck: true };
  const db = connect(filePath, opts, true);
  try {
    quickCheck(db, name);
    verifySchema(db, header.userVersion, opts.migrations ?? MIGRATIONS, name, opts.nativeBinding);
  } finally {
    db.close();
  }
  return { userVersion: header.userVersion, deferredCheck: false };
}

function hasHotJournal(filePath: string): boolean {
  try {
    return fs.statSync(`${filePath}-journal`).size > 0;
  } catch {
    return false;
  }
}

/** The schema our migrations make at each version, keyed by the migrations list (tests pass their own). */
const expectedSchemas = new WeakMap<readonly Migration[], Map<number, Map<string, string>>>();

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

/** type:name → "tbl_name|sql" with whitespace collapsed, for every object but SQLite's own. */
function schemaOf(db: Db): Map<string, string> {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as SchemaRow[];
  return new Map(rows.map((r) => [`${r.type}:${r.name}`, `${r.tbl_name}|${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`]));
}

function expectedSchema(version: number, migrations: readonly Migration[], nativeBinding: string | undefined): Map<string, string> {
  let byVersion = expectedSchemas.get(migrations);
  if (!byVersion) expectedSchemas.set(migrations, (byVersion = new Map()));
  let schema = byVersion.get(version);
  if (!schema) {
    const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      runMigrations(mem, migrations.filter((m) => m.version <= version));
      schema = schemaOf(mem);
    } finally {
      mem.close();
    }
    byVersion.set(version, schema);
  }
  return schema;
}

/**
 * A workbook from outside is hostile input: before anything runs over it, its schema must be
 * exactly what our migrations make at its version — no extra trigger that rewrites what the
 * planner types, no view in a table's place, no dropped append-only guard. Refused otherwise,
 * naming the first differences, with the file untouched.
 */
function verifySchema(db: Db, version: number, migrations: readonly Migration[], name: string, nativeBinding?: string): void {
  let actual: Map<string, string>;
  try {
    actual = schemaOf(db);
  } catch {
    return; // an unreadable schema is refused by the caller's own checks (quick_check, the first read)
  }
  const expected = expectedSchema(version, migrations, nativeBinding);
  const problems: string[] = [];
  for (const [key, def] of actual) {
    const want = expected.get(key);
    if (want === undefined) problems.push(`unexpected ${key.replace(':', ' ')}`);
    else if (want !== def) problems.push(`altered ${key.replace(':', ' ')}`);
  }
  for (const key of expected.keys()) if (!actual.has(key)) problems.push(`missing ${key.replace(':', ' ')}`);
  if (problems.length === 0) return;
  const detail = problems.slice(0, 4).join('; ') + (problems.length > 4 ? ` (and ${problems.length - 4} more)` : '');
  throw new AppError('refused_corrupt', `${name} is not a workbook as this app makes them: its schema differs (${detail}); it was not opened and is unchanged`, {
    file: name,
    detail,
  });
}

/** Refuses a file that fails PRAGMA quick_check (or cannot even be read). */
function quickCheck(db: Db, name: string): void {
  let problem: string | undefined;
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows[0]?.quick_check !== 'ok') problem = rows.map((r) => r.quick_check).slice(0, 3).join('; ');
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  if (problem !== undefined) {
    throw new AppError('refused_corrupt', `${name} failed SQLite's integrity check (quick_check): ${problem}`, {
      file: name,
      detail: problem,
    });
  }
}

/** A sibling path for temporary files, so the final rename never crosses file systems. */
function siblingTemp(target: string, tag: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${tag}-${crypto.randomBytes(4).toString('hex')}`);
}

function fsyncFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; there the rename itself is the best we get.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs every pending migration in one transaction; user_version moves with the schema. */
export function runMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
  return pending[pending.length - 1]!.version;
}

/** Path of the backup copy taken before migrating a file from `fromVersion`. */
export function migrationBackupPath(filePath: string, fromVersion: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${filePath}.v${fromVersion}-backup-${stamp}`;
}

function lockedError(filePath: string, owner: LockOwner): AppError {
  const name = path.basename(filePath);
  const who = owner.pid ? `process ${owner.pid} on ${owner.host}${owner.since ? ` since ${owner.since}` : ''}` : 'another process';
  return new AppError(
    'locked',
    `${name} is already open in another window or process (${who}). Open it read-only, or close it there first.`,
    { file: name, pid: owner.pid, host: owner.host, since: owner.since },
  );
}

export class Workbook {
  /** Prepared statements of this connection. */
  private readonly st: Statements;
  /** State kept beside the file, told of every committed edit (caches.ts). */
  readonly caches: Caches;
  /** Scenarios, targets, the change log and the undo state: the read side. */
  readonly reads: WorkbookReads;
  private index: IndicatorIndex | undefined;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    private readonly opts: StoreOptions,
    private readonly lock: WorkbookLock | null,
  ) {
    this.st = new Statements(db);
    this.caches = new Caches(this.st);
    this.reads = new WorkbookReads(this.st, this.caches, () => this.indicatorIndex());
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  /**
   * Opens an existing workbook, refusing (untouched) anything that is not one we can read, or
   * that another process has open for writing (unless read-only is asked for).
   */
  static async open(filePath: string, opts: StoreOptions = {}): Promise<Workbook> {
    const absolute = path.resolve(filePath);
    const { userVersion: headerVersion, deferredCheck } = inspect(absolute, opts);
    const migrations = opts.migrations ?? MIGRATIONS;
    if (opts.readOnly) {
      if (deferredCheck) {
        throw new AppError('read_only', `${path.basename(absolute)} was left mid-write by a crash; open it for editing once so SQLite can roll the interrupted write back`, {
          file: path.basename(absolute),
        });
      }
      const userVersion = headerVersion;
      if (userVersion < latestOf(migrations)) {
        throw new AppError('read_only', `${path.basename(absolute)} has schema version ${userVersion} and must be upgraded; open it for editing once first`, {
          file: path.basename(absolute),
        });
      }
      return new Workbook(absolute, connect(absolute, opts, true), opts, null);
    }
    const lock = WorkbookLock.acquire(absolute);
    if (!(lock instanceof WorkbookLock)) throw lockedError(absolute, lock.heldBy);
    try {
      const db = connect(absolute, opts, false);
      let backup: string | null = null;
      try {
        // The first read rolls back a hot journal; only then is the file what was last committed.
        if (deferredCheck) {
          quickCheck(db, path.basename(absolute));
          verifySchema(db, db.pragma('user_version', { simple: true }) as number, migrations, path.basename(absolute), opts.nativeBinding);
        }
        const userVersion = db.pragma('user_version', { simple: true }) as number;
        if (userVersion < latestOf(migrations)) await db.backup((backup = migrationBackupPath(absolute, userVersion)));
        applyDocumentPragmas(db);
        runMigrations(db, migrations);
        // Reading the schema compiles every CREATE statement (a damaged one passes quick_check).
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      } catch (err) {
        db.close();
        // The migration's transaction rolled back: the backup of a file we refuse is not needed.
        if (backup) fs.rmSync(backup, { force: true });
        if (err instanceof AppError) throw err;
        const detail = err instanceof Error ? err.message : String(err);
        const name = path.basename(absolute);
        throw new AppError('refused_corrupt', `${name} could not be opened: ${detail}`, { file: name, detail });
      }
      return new Workbook(absolute, db, opts, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /**
   * Creates a new workbook at `filePath` (which must not exist): built in a temporary file beside
   * it and renamed into place, so a half-built workbook never carries the final name.
   */
  static async create(filePath: string, spec: NewWorkbook, opts: StoreOptions = {}): Promise<Workbook> {
    const absolute = path.resolve(filePath);
    if (fs.existsSync(absolute)) {
      throw new AppError('already_exists', `${path.basename(absolute)} already exists; choose another name`, {
        file: path.basename(absolute),
      });
    }
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    const temp = siblingTemp(absolute, 'new');
    try {
      const db = new Database(temp, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
      try {
        applyDocumentPragmas(db);
        runMigrations(db, opts.migrations ?? MIGRATIONS);
        seed(db, spec);
      } finally {
        db.close();
      }
      fsyncFile(temp);
      fs.renameSync(temp, absolute);
      fsyncDir(path.dirname(absolute));
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
    return Workbook.open(absolute, opts);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  plan(): Plan {
    const row = this.db
      .prepare('SELECT region, province, baseline_year, first_year, last_year FROM plan WHERE id = 1')
      .get() as { region: string; province: string; baseline_year: number; first_year: number; last_year: number } | undefined;
    if (!row) throw new AppError('refused_corrupt', `${path.basename(this.path)} has no plan row`);
    return {
      region: row.region,
      province: row.province,
      baselineYear: row.baseline_year,
      firstYear: row.first_year,
      lastYear: row.last_year,
    };
  }

  /**
   * The indicators, read once: nothing writes the indicator table after a workbook is created
   * (migrations run before the workbook is handed out).
   */
  indicatorIndex(): IndicatorIndex {
    return (this.index ??= new IndicatorIndex(this.st));
  }

  /** The indicators in table order: the caller's own array of shared, read-only objects. */
  indicators(): Indicator[] {
    return [...this.indicatorIndex().list];
  }

  scenarios(): Scenario[] {
    return this.reads.scenarios();
  }

  references(): ReferenceTarget[] {
    return this.db
      .prepare(
        `SELECT id, indicator_code AS indicatorCode, scope, kind, comparison, year, value, label, source
         FROM reference_target ORDER BY indicator_code, year, id`,
      )
      .all() as ReferenceTarget[];
  }

  /** The revision date and the capaian band scale. */
  settings(): WorkbookSettings {
    const row = this.st.get('SELECT revision_date AS revisionDate, capaian_bands AS capaianBands FROM plan WHERE id = 1').get() as WorkbookSettings | undefined;
    return row ?? { revisionDate: null, capaianBands: 'permendagri_86_2017' };
  }

  /**
   * The population BPS poverty figures use, per plan year (shared/model/population.ts): the
   * 'projection' POP where entered, else implied by a published rate/count pair, else carried.
   */
  population(): SusenasPopulation {
    // Kept until workbook values change: a paste derives counts with it, and a workbook of
    // thousands of indicators should not be read for the few values it needs.
    return this.caches.get('population', () => new KeptPopulation(this.computePopulation())).value;
  }

  private computePopulation(): SusenasPopulation {
    const plan = this.plan();
    const codes = [POPULATION_CODE, ...RATE_COUNT_PAIRS.flatMap((p) => [p.rate, p.count])];
    const rows = this.st
      .get(
        `SELECT i.code AS code, v.year AS year, v.series AS series, v.value AS value FROM value v JOIN indicator i ON i.id = v.indicator_id
         WHERE v.series IN ('projection', 'realisation') AND i.code IN (${codes.map(() => '?').join(', ')})`,
      )
      .all(codes) as { code: string; year: number; series: Series; value: number }[];
    const projection = new Map<number, number>();
    const census = new Map<number, number>();
    const real = new Map<string, number>();
    for (const r of rows) {
      if (r.code === POPULATION_CODE) (r.series === 'projection' ? projection : census).set(r.year, r.value);
      else if (r.series === 'realisation') real.set(`${r.code}:${r.year}`, r.value);
    }
    const years: number[] = [];
    for (let y = plan.baselineYear; y <= plan.lastYear; y++) years.push(y);
    return susenasPopulation({ years, projection, census, realisation: (code, year) => real.get(`${code}:${year}`) });
  }

  capaianSettings(): CapaianSetting[] {
    return this.st.get('SELECT indicator_id AS indicatorId, formula FROM capaian_setting ORDER BY indicator_id').all() as CapaianSetting[];
  }

  methodBreaks(): MethodBreak[] {
    return this.st.get('SELECT indicator_code AS indicatorCode, year, note FROM method_break ORDER BY indicator_code, year').all() as MethodBreak[];
  }

  shockYears(): ShockYear[] {
    return this.db.prepare('SELECT year, reason FROM shock_year ORDER BY year').all() as ShockYear[];
  }

  values(series?: readonly Series[]): IndicatorValue[] {
    // Read in key order and put in table order here (indicator order, then series, then year):
    // grouping by indicator is linear, where SQLite's ORDER BY over a join sorted every row.
    const rows = this.db
      .prepare('SELECT indicator_id AS indicatorId, year, series, value, source, illustrative, provisional FROM value')
      .all() as (Omit<IndicatorValue, 'illustrative' | 'provisional'> & { illustrative: number | boolean; provisional: number | boolean })[];
    const wanted = series ? new Set(series) : undefined;
    const byIndicator = new Map<number, IndicatorValue[]>();
    for (const r of rows) {
      if (wanted && !wanted.has(r.series)) continue;
      // In place: a copy of every row cost as much as reading it (84.000 rows at 6.000 indicators).
      r.illustrative = r.illustrative === 1;
      r.provisional = r.provisional === 1;
      const list = byIndicator.get(r.indicatorId);
      if (list) list.push(r as IndicatorValue);
      else byIndicator.set(r.indicatorId, [r as IndicatorValue]);
    }
    const out: IndicatorValue[] = [];
    const bySeriesYear = (a: IndicatorValue, b: IndicatorValue) => (a.series < b.series ? -1 : a.series > b.series ? 1 : a.year - b.year);
    for (const ind of this.indicatorIndex().list) {
      const list = byIndicator.get(ind.id);
      if (!list) continue;
      list.sort(bySeriesYear);
      for (const v of list) out.push(v);
    }
    return out;
  }

  summary(): WorkbookSummary {
    return {
      path: this.path,
      fileName: path.basename(this.path),
      schemaVersion: this.schemaVersion,
      plan: this.plan(),
      indicators: this.indicators(),
      scenarios: this.scenarios(),
      readOnly: this.readOnly,
      location: { kind: 'local' },
      settings: this.settings(),
    };
  }

  /** A consistent image of the workbook written to `file` with SQLite's backup API; this stays open. */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
    fsyncFile(file);
  }

  /**
   * Save As: the backup API writes a consistent copy to a temp file beside the target, which is
   * then renamed over it. The original stays as it was; the returned workbook is the copy.
   */
  async saveAs(target: string, overwrite = false): Promise<Workbook> {
    const absolute = path.resolve(target);
    if (absolute === this.path) {
      throw new AppError('bad_input', 'Save As needs a different file than the open one', { file: path.basename(absolute) }, 'path');
    }
    if (!overwrite && fs.existsSync(absolute)) {
      throw new AppError('already_exists', `${path.basename(absolute)} already exists`, { file: path.basename(absolute) });
    }
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    // Never replace a file another process is editing.
    const targetLock = WorkbookLock.acquire(absolute);
    if (!(targetLock instanceof WorkbookLock)) throw lockedError(absolute, targetLock.heldBy);
    const temp = siblingTemp(absolute, 'saving');
    try {
      await this.db.backup(temp);
      fsyncFile(temp);
      fs.renameSync(temp, absolute);
      fsyncDir(path.dirname(absolute));
    } catch (err) {
      fs.rmSync(temp, { force: true });
      targetLock.release();
      if (err instanceof AppError) throw err;
      throw new AppError('io_error', `Could not save ${path.basename(absolute)}: ${(err as Error).message}`, {
        file: path.basename(absolute),
      });
    }
    // Hand the target's lock over to the copy's own open.
    targetLock.release();
    const copy = await Workbook.open(absolute, { ...this.opts, readOnly: false });
    this.close();
    return copy;
  }

  /** How the connection is set up; shown in Tentang and asserted by tests. */
  connectionSettings(): { journalMode: string; synchronous: number; foreignKeys: boolean } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      foreignKeys: Number(this.db.pragma('foreign_keys', { simple: true })) === 1,
    };
  }

  /**
   * The one way anything writes to the workbook: `fn` runs inside one transaction as one undo
   * step labelled `action`; every cell it writes is checked against its indicator's rules, the
   * change log records it as `actor`, and the kept state hears of it once it is committed.
   */
  edit<T>(actor: Actor, action: ChangeAction, scenarioId: number | null, fn: (tx: EditTx) => T): T {
    this.requireWritable();
    return runEdit(this.editContext(actor), this.db, action, scenarioId, fn, (e) => this.afterEdit(e));
  }

  /** Takes back the newest step; null when there is none. */
  undo(actor: Actor): { label: ChangeAction; scenarioId: number | null } | null {
    this.requireWritable();
    return runReplay(this.editContext(actor), this.db, 'undo', (e) => this.afterEdit(e));
  }

  /** Makes the step undone last again; null when there is none. */
  redo(actor: Actor): { label: ChangeAction; scenarioId: number | null } | null {
    this.requireWritable();
    return runReplay(this.editContext(actor), this.db, 'redo', (e) => this.afterEdit(e));
  }

  private editContext(actor: Actor): EditContext {
    this.caches.validate();
    return { st: this.st, plan: this.plan(), indicators: this.indicatorIndex(), reads: this.reads, actor };
  }

  private afterEdit(effect: EditEffect): void {
    this.caches.afterEdit(effect);
  }

  requireWritable(): void {
    if (this.readOnly) {
      throw new AppError('read_only', `${path.basename(this.path)} is open read-only; close it elsewhere and open it again to edit`, {
        file: path.basename(this.path),
      });
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }
}

/** The Susenas population, kept until an edit changes workbook values. */
class KeptPopulation implements Kept {
  constructor(readonly value: SusenasPopulation) {}
  afterEdit(effect: EditEffect): boolean {
    return !effect.otherData;
  }
}

function seed(db: Db, spec: NewWorkbook): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    const p = spec.plan;
    db.prepare(
      'INSERT INTO plan (id, region, province, baseline_year, first_year, last_year, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
    ).run(p.region, p.province, p.baselineYear, p.firstYear, p.lastYear, now);
    // Tests build files of older schemas through create(); those lack the later tables.
    const has = (name: string) => db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(name) !== undefined;
    if (has('reference_target')) seedReferences(db, p.province, has('method_break'));
    if (has('method_break')) {
      if (spec.revisionDate) db.prepare('UPDATE plan SET revision_date = ? WHERE id = 1').run(spec.revisionDate);
      const insertBreak = db.prepare('INSERT INTO method_break (indicator_code, year, note) VALUES (?, ?, ?)');
      for (const b of spec.methodBreaks ?? []) insertBreak.run(b.indicatorCode, b.year, b.note);
    }
    const insertIndicator = db.prepare(
      `INSERT INTO indicator (code, name_id, name_en, unit, polarity, decimals, grp, definition, min_value, max_value, sort_order)
       VALUES (@code, @nameId, @nameEn, @unit, @polarity, @decimals, @group, @definition, @minValue, @maxValue, @sortOrder)`,
    );
    const ids = new Map<string, number | bigint>();
    (spec.indicators ?? STANDARD_INDICATORS).forEach((ind, i) => {
      ids.set(ind.code, insertIndicator.run({ ...ind, sortOrder: (i + 1) * 10 }).lastInsertRowid);
    });
    // A file of an older schema (tests build them through create()) has no provisional column.
    const provisional = has('method_break');
    const insertValue = db.prepare(
      provisional
        ? 'INSERT INTO value (indicator_id, year, series, value, source, illustrative, provisional) VALUES (?, ?, ?, ?, ?, ?, ?)'
        : 'INSERT INTO value (indicator_id, year, series, value, source, illustrative) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const v of spec.values ?? []) {
      const id = ids.get(v.indicatorCode);
      if (id === undefined) throw new Error(`Seed value names unknown indicator ${v.indicatorCode}`);
      if (v.year < p.baselineYear || v.year > p.lastYear) {
        throw new Error(`Seed value ${v.indicatorCode} ${v.year} is outside the plan years`);
      }
      const row = [id, v.year, v.series, v.value, v.source, v.illustrative ? 1 : 0];
      insertValue.run(provisional ? [...row, v.provisional ? 1 : 0] : row);
    }
  })();
}

export { LATEST_VERSION };
