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
import { horizonOf, MAX_HORIZON_YEARS, POPULATION_CODE, RATE_COUNT_PAIRS } from '../../shared/domain.js';
import { susenasPopulation, type SusenasPopulation } from '../../shared/model/population.js';
import { PLAN_YEARS } from '../../shared/api/contract.js';
import { REVIEW_LIMITS, REVIEW_STATUSES } from '../../shared/review.js';
import { APPLICATION_ID, existingTarget, isWriteError, readHeader, writeFailure } from './file-format.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import { seedReferences } from './references.js';
import type { IndicatorSpec } from './standard-indicators.js';
import type { ChangeAction } from '../../shared/changes.js';
import { Caches, type EditEffect, type Kept } from './caches.js';
import { runEdit, runReplay, type Actor, type EditContext, type EditTx } from './edit.js';
import { IndicatorIndex, WorkbookReads } from './queries.js';
import { Statements } from './statements.js';
import { startHistoryHere } from './history.js';
import { sameFile, WorkbookLock, type LockOwner } from './lock.js';
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
  /** The Raperda annex header (schema v5): the Perda it amends, its number and year. */
  annexHeader?: Partial<Pick<WorkbookSettings, 'annexDocumentNumber' | 'annexDocumentYear' | 'amendedRegulation'>>;
  /** The average size of a poor household and its source (schema v7). */
  poorHousehold?: { size: number; source: string };
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
    verifyRows(db, name);
  } finally {
    db.close();
  }
  return { userVersion: header.userVersion, deferredCheck: false };
}

/**
 * A read-only open of a workbook an older version made (the province reads its regencies'
 * files, which it must never write): the file, already checked by inspect() at its own version,
 * is copied into memory (SQLite's serialize) and upgraded THERE by the same migrations an open
 * for editing runs, then its rows are checked again at the new version. The file is read once
 * and stays byte-identical; nothing is written anywhere (no backup copy either, as nothing is
 * replaced). The Workbook is read-only as any other (no lock: requireWritable refuses).
 */
function upgradedInMemory(filePath: string, opts: StoreOptions, migrations: readonly Migration[]): Db {
  const file = connect(filePath, opts, true);
  let image: Buffer;
  try {
    image = file.serialize();
  } finally {
    file.close();
  }
  const db = new Database(image, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations);
    verifyRows(db, path.basename(filePath));
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
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

/**
 * The rows that shape the work every read and check does — the plan's years (every loop runs over
 * them) and each indicator's decimals, range and polarity — must be what the app could have
 * written: a file whose plan claims years ±100 000 000 (they pass the table's own CHECK) would
 * otherwise hang a paste or run the checks out of memory. Checked with a few bounded queries on
 * the read-only connection, before anything iterates over them; refused naming what was found.
 */
function verifyRows(db: Db, name: string): void {
  const refuse = (what: string): never => {
    throw new AppError('refused_corrupt', `${name} is not a workbook this app can work with: ${what}; it was not opened and is unchanged`, { file: name, detail: what });
  };
  type PlanRow = { n: number; b: unknown; f: unknown; l: unknown; tb: string; tf: string; tl: string; h: unknown };
  type BadIndicator = { code: unknown; decimals: unknown; lo: unknown; hi: unknown };
  let plan: PlanRow | undefined;
  let bad: BadIndicator[];
  try {
    // A version-0 shell (no tables yet) has nothing to iterate over; its migration makes them.
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name IN ('plan', 'indicator')").all().length < 2) return;
    // The RPKD/RPD horizon (schema v7) bounds the years loops run over, like the plan's own.
    const hasHorizon = db.prepare("SELECT 1 FROM pragma_table_info('plan') WHERE name = 'horizon_year'").get() !== undefined;
    plan = db
      .prepare(
        `SELECT (SELECT count(*) FROM plan) AS n, baseline_year AS b, first_year AS f, last_year AS l,
                typeof(baseline_year) AS tb, typeof(first_year) AS tf, typeof(last_year) AS tl, ${hasHorizon ? 'horizon_year' : 'NULL'} AS h
         FROM plan WHERE id = 1`,
      )
      .get() as PlanRow | undefined;
    const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('indicator')").all() as { name: string }[]).map((c) => c.name));
    const ranged = columns.has('min_value') && columns.has('max_value');
    // A bound is a finite number (SQLite keeps ±Infinity as REAL) or NULL, and min ≤ max.
    const badBound = (c: string) => `(${c} IS NOT NULL AND (typeof(${c}) NOT IN ('integer', 'real') OR ${c} > 1.7976931348623157e308 OR ${c} < -1.7976931348623157e308))`;
    bad = db
      .prepare(
        `SELECT code, decimals, ${ranged ? 'min_value' : 'NULL'} AS lo, ${ranged ? 'max_value' : 'NULL'} AS hi FROM indicator
         WHERE typeof(decimals) <> 'integer' OR decimals < 0 OR decimals > 6
            OR polarity NOT IN ('lower', 'higher', 'neutral') OR grp NOT IN ('makro', 'kemiskinan')
            ${ranged ? `OR ${badBound('min_value')} OR ${badBound('max_value')} OR (min_value IS NOT NULL AND max_value IS NOT NULL AND min_value > max_value)` : ''}
         LIMIT 3`,
      )
      .all() as BadIndicator[];
  } catch (err) {
    return refuse(`its plan and indicators cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!plan) return refuse('it has no plan row (region, period)');
  if (plan.n !== 1) return refuse(`it has ${plan.n} plan rows instead of one`);
  const { min, max, maxSpan } = PLAN_YEARS;
  const whole = plan.tb === 'integer' && plan.tf === 'integer' && plan.tl === 'integer';
  const [b, f, l] = [Number(plan.b), Number(plan.f), Number(plan.l)];
  const shown = `baseline ${String(plan.b)}, targets ${String(plan.f)}–${String(plan.l)}`;
  if (!whole || [b, f, l].some((y) => y < min || y > max) || !(b < f && f <= l) || l - f > maxSpan) {
    return refuse(`its plan years (${shown}) are not a plan period (years ${min}–${max}, the baseline before the first target year, at most ${maxSpan} years from the first target year to the last)`);
  }
  if (plan.h !== null && !(Number.isInteger(plan.h) && Number(plan.h) >= l && Number(plan.h) <= l + MAX_HORIZON_YEARS)) {
    return refuse(`its horizon year (${String(plan.h).slice(0, 40)}) is not a year from the plan's last year ${l} to ${l + MAX_HORIZON_YEARS}`);
  }
  if (bad.length > 0) {
    const list = bad.map((i) => `${String(i.code).slice(0, 40)} (decimals ${String(i.decimals)}, range ${String(i.lo ?? '–')}…${String(i.hi ?? '–')})`).join('; ');
    return refuse(`indicator${bad.length > 1 ? 's' : ''} ${list} ${bad.length > 1 ? 'have' : 'has'} decimals outside 0–6, a range that is not two finite numbers in order, or an unknown polarity or group`);
  }
  let badNote: string | null;
  try {
    badNote = badReviewNote(db, f, plan.h === null ? l : Number(plan.h));
  } catch (err) {
    return refuse(`its evaluation notes cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (badNote) return refuse(badNote);
  let long: string | null;
  try {
    long = longestValueOverCap(db);
  } catch (err) {
    return refuse(`its values cannot be measured (${err instanceof Error ? err.message : String(err)})`);
  }
  if (long) return refuse(`a value in ${long} is longer than ${formatCount(MAX_STORED_TEXT)} characters, far more than the app writes`);
}

/** Longest file or scenario name a note keeps (the file it came from, the usulan it was written from). */
const MAX_NOTE_NAME = 255;

/**
 * The first evaluation note (schema v8) the app could not have written, as "review_note.column
 * of note N: what", or null. The app reads and shows every note, so a crafted one (a status
 * outside the enum, a note of 90 000 characters, an indicator that does not exist, a year
 * outside the plan) is refused at open rather than met by the UI. One bounded query.
 */
function badReviewNote(db: Db, firstYear: number, horizon: number): string | null {
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'review_note'").get() === undefined) return null;
  const text = (c: string, min: number, max: number) => `typeof(${c}) <> 'text' OR length(${c}) < ${min} OR length(${c}) > ${max}`;
  const statuses = REVIEW_STATUSES.map((s) => `'${s}'`).join(', ');
  const row = db
    .prepare(
      `SELECT id, CASE
         WHEN status IS NULL OR typeof(status) <> 'text' OR status NOT IN (${statuses}) THEN 'status'
         WHEN NOT EXISTS (SELECT 1 FROM indicator i WHERE i.id = r.indicator_id) THEN 'indicator_id'
         WHEN year IS NOT NULL AND (typeof(year) <> 'integer' OR year < @first OR year > @last) THEN 'year'
         WHEN ${text('note', 1, REVIEW_LIMITS.note)} THEN 'note'
         WHEN ${text('response', 0, REVIEW_LIMITS.response)} THEN 'response'
         WHEN ${text('evaluator', 1, REVIEW_LIMITS.evaluator)} THEN 'evaluator'
         WHEN typeof(review_date) <> 'text' OR length(review_date) <> 10 OR review_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN 'review_date'
         WHEN seen_target IS NOT NULL AND (typeof(seen_target) NOT IN ('integer', 'real') OR abs(seen_target) > 1.7976931348623157e308) THEN 'seen_target'
         WHEN scenario_name IS NOT NULL AND (${text('scenario_name', 0, MAX_NOTE_NAME)}) THEN 'scenario_name'
         WHEN ${text('source_file', 0, MAX_NOTE_NAME)} THEN 'source_file'
         WHEN responded_by IS NOT NULL AND (${text('responded_by', 0, MAX_NOTE_NAME)}) THEN 'responded_by'
         END AS col, status, year, length(note) AS note, length(response) AS response, length(evaluator) AS evaluator
       FROM review_note r WHERE col IS NOT NULL ORDER BY id LIMIT 1`,
    )
    .get({ first: firstYear, last: horizon }) as { id: unknown; col: string; status: unknown; year: unknown; note: unknown; response: unknown; evaluator: unknown } | undefined;
  if (!row) return null;
  const at = `review_note.${row.col} of note ${String(row.id).slice(0, 20)}`;
  switch (row.col) {
    case 'status':
      return `${at} is "${String(row.status).slice(0, 40)}", not one of ${REVIEW_STATUSES.join(', ')}`;
    case 'indicator_id':
      return `${at} names an indicator the workbook does not have`;
    case 'year':
      return `${at} (${String(row.year).slice(0, 40)}) is not a year from ${firstYear} to ${horizon}`;
    case 'note':
    case 'response':
    case 'evaluator': {
      const max = REVIEW_LIMITS[row.col];
      return `${at} is not text of ${row.col === 'response' ? 0 : 1} to ${formatCount(max)} characters (${String(row[row.col] ?? 'none')})`;
    }
    case 'review_date':
      return `${at} is not a date YYYY-MM-DD`;
    case 'seen_target':
      return `${at} is not a finite number`;
    default:
      return `${at} is not text of at most ${MAX_NOTE_NAME} characters`;
  }
}

/**
 * The longest text the app writes is a justification or a source of a few thousand characters
 * (shared/api/contract.ts); a value 25× that is not ours. Capped at open so no read can return
 * a crafted file's megabytes of text (a 10 MB justification made the change log 400 MB). Every
 * column of every table is measured — SQLite lets any column hold text — except the undo
 * steps' packed changes, which a large paste legitimately makes long and only undo reads.
 */
export const MAX_STORED_TEXT = 100_000;

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "table.column" of the first value longer than MAX_STORED_TEXT, or null. One scan per table. */
function longestValueOverCap(db: Db): string | null {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(
      (c) => !(table === 'undo_step' && c === 'changes'),
    );
    if (columns.length === 0) continue;
    const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const over = db
      .prepare(`SELECT ${columns.map((c) => `length(${q(c)}) > ${MAX_STORED_TEXT}`).join(', ')} FROM ${quoted} WHERE ${columns.map((c) => `length(${q(c)}) > ${MAX_STORED_TEXT}`).join(' OR ')} LIMIT 1`)
      .raw()
      .get() as number[] | undefined;
    if (over) return `${table}.${columns[over.findIndex((x) => x === 1)] ?? '?'}`;
  }
  return null;
}

/** A sibling path for temporary files, so the final rename never crosses file systems. */
function siblingTemp(target: string, tag: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${tag}-${crypto.randomBytes(4).toString('hex')}`);
}

/**
 * A workbook about to be replaced whole may carry a hot journal (a crash mid-write): left beside
 * the new file, SQLite would roll the old file's pages into it at its first open. It is rolled
 * back into the old file first (a read on a read-write connection does that), so a crash before
 * the rename still leaves the old workbook whole; a journal that will not roll back (or whose
 * workbook is gone) is removed, as the file it belongs to is replaced next.
 */
function settleJournal(target: string, opts: StoreOptions): void {
  const journal = `${target}-journal`;
  if (!fs.existsSync(journal)) return;
  try {
    const db = connect(target, opts, false);
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } finally {
      db.close();
    }
  } catch {
    // A damaged or foreign old file: it is replaced next anyway.
  }
  fs.rmSync(journal, { force: true });
}

/** The permission bits of a file, or undefined when it cannot be read. */
function fileMode(filePath: string): number | undefined {
  try {
    return fs.statSync(filePath).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * Creates the empty temp file a workbook is written into, with its final mode from the start (a
 * private workbook is never readable by others, not even while it is written). `mode.keep`: the
 * mode of the workbook being replaced, kept as it was (its owner may always read and write, as
 * the app goes on editing it); `mode.atMost`: the default mode (after the umask) narrowed to it.
 * Fails with the folder's own error when it cannot be written there.
 */
function makeTemp(temp: string, target: string, mode: { keep?: number | undefined; atMost?: number | undefined } = {}): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const bits = (mode.keep ?? mode.atMost ?? 0o666) | 0o600;
  const fd = fs.openSync(temp, 'wx', bits);
  try {
    // The umask applied to openSync's mode; a kept mode is set exactly.
    if (mode.keep !== undefined && process.platform !== 'win32') fs.fchmodSync(fd, bits);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
}

/**
 * Gives `temp` the name `target` unless that name is taken (then false, and `temp` stays):
 * a hard link, which fails when the name exists; a rename after a last look where the file
 * system has no hard links.
 */
function placeWithoutReplacing(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target);
    fs.rmSync(temp, { force: true });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code)) throw err;
  }
  if (fs.existsSync(target)) return false;
  fs.renameSync(temp, target);
  return true;
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
      if (headerVersion < latestOf(migrations)) return new Workbook(absolute, upgradedInMemory(absolute, opts, migrations), opts, null);
      return new Workbook(absolute, connect(absolute, opts, true), opts, null);
    }
    let lock: ReturnType<typeof WorkbookLock.acquire>;
    try {
      lock = WorkbookLock.acquire(absolute);
    } catch (err) {
      // The lock file cannot be written beside it (a read-only USB stick, a folder of someone else's).
      const failure = writeFailure(err, absolute, 'open for editing');
      if (failure.params?.reason !== 'read_only_folder') throw failure;
      throw new AppError('io_error', `${failure.message}; open it read-only to read it`, failure.params);
    }
    if (!(lock instanceof WorkbookLock)) throw lockedError(absolute, lock.heldBy);
    try {
      const db = connect(absolute, opts, false);
      let backup: string | null = null;
      try {
        // The first read rolls back a hot journal; only then is the file what was last committed.
        if (deferredCheck) {
          quickCheck(db, path.basename(absolute));
          verifySchema(db, db.pragma('user_version', { simple: true }) as number, migrations, path.basename(absolute), opts.nativeBinding);
          verifyRows(db, path.basename(absolute));
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
    const exists = () =>
      new AppError('already_exists', `${path.basename(absolute)} already exists; choose another name`, {
        file: path.basename(absolute),
      });
    if (existingTarget(absolute) !== 'none') throw exists();
    const temp = siblingTemp(absolute, 'new');
    try {
      // Made by us first, so a folder we may not write in fails here with its reason.
      makeTemp(temp, absolute);
    } catch (err) {
      throw writeFailure(err, absolute, 'create');
    }
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
      // A journal left by a deleted workbook of that name would roll into the new one.
      if (existingTarget(absolute) === 'none') settleJournal(absolute, opts);
      // Never over a file that appeared meanwhile: a link fails when the name is taken.
      if (!placeWithoutReplacing(temp, absolute)) throw exists();
      fsyncDir(path.dirname(absolute));
    } catch (err) {
      fs.rmSync(temp, { force: true });
      // A plan the schema refuses (its CHECK) is the caller's; only a failed write is said as one.
      if (err instanceof AppError || !isWriteError(err)) throw err;
      throw writeFailure(err, absolute, 'create');
    }
    return Workbook.open(absolute, opts);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  plan(): Plan {
    const row = this.db
      .prepare('SELECT * FROM plan WHERE id = 1')
      .get() as { region: string; province: string; baseline_year: number; first_year: number; last_year: number; horizon_year?: number | null } | undefined;
    if (!row) throw new AppError('refused_corrupt', `${path.basename(this.path)} has no plan row`);
    return {
      region: row.region,
      province: row.province,
      baselineYear: row.baseline_year,
      firstYear: row.first_year,
      lastYear: row.last_year,
      // A file of an older schema (tests build them through create()) has no horizon column.
      ...(row.horizon_year != null ? { horizonYear: row.horizon_year } : {}),
    };
  }

  /**
   * The indicators, kept until an edit changes an indicator's row (its Perangkat Daerah) or
   * another connection writes (caches.ts).
   */
  indicatorIndex(): IndicatorIndex {
    return this.caches.get('indicators', () => new KeptIndicators(new IndicatorIndex(this.st))).index;
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
    const row = this.st.get('SELECT * FROM plan WHERE id = 1').get() as Record<string, unknown> | undefined;
    // Columns of later schemas are absent in files of older ones (tests build them through create()).
    const of = <T,>(key: string, fallback: T): T => (row && key in row && row[key] !== undefined ? (row[key] as T) : fallback);
    return {
      revisionDate: of<string | null>('revision_date', null),
      capaianBands: of<WorkbookSettings['capaianBands']>('capaian_bands', 'permendagri_86_2017'),
      annexDocumentNumber: of<string | null>('annex_document_number', null),
      annexDocumentYear: of<number | null>('annex_document_year', null),
      amendedRegulation: of<string | null>('amended_regulation', null),
      horizonYear: of<number | null>('horizon_year', null),
      poorHouseholdSize: of<number | null>('poor_household_size', null),
      poorHouseholdSizeSource: of<string | null>('poor_household_size_source', null),
    };
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
    // To the RPKD/RPD horizon: counts after the plan period follow their rates too.
    for (let y = plan.baselineYear; y <= horizonOf(plan); y++) years.push(y);
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
    const name = path.basename(absolute);
    // The open file under another name (a symlink or a hard link) is still the open file.
    if (absolute === this.path || sameFile(absolute, this.path)) {
      throw new AppError('bad_input', 'Save As needs a different file than the open one', { file: name }, 'path');
    }
    // Only one of our workbooks is ever replaced, and only when asked; anything else that holds
    // the name is refused untouched, saying no more about it than that it is not a workbook.
    const refusal = (found: 'none' | 'workbook' | 'other'): AppError | null => {
      if (found === 'none') return null;
      if (!overwrite) return new AppError('already_exists', `${name} already exists`, { file: name }, 'path');
      if (found === 'workbook') return null;
      return new AppError('already_exists', `${name} cannot be replaced: it is not a workbook of this app`, { file: name, reason: 'not_a_workbook' }, 'path');
    };
    const existing = existingTarget(absolute);
    const refused = refusal(existing);
    if (refused) throw refused;
    // The copy keeps the mode of the workbook it replaces (a 0600 file stays 0600); a new file
    // is never more open than the workbook it copies.
    const mode = existing === 'workbook' ? { keep: fileMode(absolute) } : { atMost: fileMode(this.path) };
    const temp = siblingTemp(absolute, 'saving');
    let targetLock: ReturnType<typeof WorkbookLock.acquire>;
    try {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      // Never replace a file another process is editing.
      targetLock = WorkbookLock.acquire(absolute);
    } catch (err) {
      throw writeFailure(err, absolute, 'save');
    }
    if (!(targetLock instanceof WorkbookLock)) throw lockedError(absolute, targetLock.heldBy);
    try {
      makeTemp(temp, absolute, mode);
      await this.db.backup(temp);
      fsyncFile(temp);
      // Checked again under the lock: a file that took the name meanwhile is not replaced.
      const late = refusal(existingTarget(absolute));
      if (late) throw late;
      settleJournal(absolute, this.opts);
      fs.renameSync(temp, absolute);
      fsyncDir(path.dirname(absolute));
    } catch (err) {
      fs.rmSync(temp, { force: true });
      targetLock.release();
      throw writeFailure(err, absolute, 'save');
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

  /**
   * The present state becomes the start of undo (history.ts startHistoryHere), in one transaction;
   * for a file just made (the demo's example), never for a planner's workbook.
   */
  startHistoryHere(): void {
    this.requireWritable();
    this.db.transaction(() => startHistoryHere(this.st))();
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

/** The indicator index, kept until an edit changes an indicator's row. */
class KeptIndicators implements Kept {
  constructor(readonly index: IndicatorIndex) {}
  afterEdit(effect: EditEffect): boolean {
    return effect.indicators.size === 0;
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
    if (db.prepare("SELECT 1 FROM pragma_table_info('plan') WHERE name = 'horizon_year'").get()) {
      if (p.horizonYear !== undefined && p.horizonYear !== p.lastYear) db.prepare('UPDATE plan SET horizon_year = ? WHERE id = 1').run(p.horizonYear);
      if (spec.poorHousehold) {
        db.prepare('UPDATE plan SET poor_household_size = ?, poor_household_size_source = ? WHERE id = 1').run(spec.poorHousehold.size, spec.poorHousehold.source);
      }
    }
    const header = spec.annexHeader;
    if (header && db.prepare("SELECT 1 FROM pragma_table_info('plan') WHERE name = 'amended_regulation'").get()) {
      db.prepare('UPDATE plan SET annex_document_number = ?, annex_document_year = ?, amended_regulation = ? WHERE id = 1')
        .run(header.annexDocumentNumber ?? null, header.annexDocumentYear ?? null, header.amendedRegulation ?? null);
    }
    const insertIndicator = db.prepare(
      `INSERT INTO indicator (code, name_id, name_en, unit, polarity, decimals, grp, definition, min_value, max_value, sort_order)
       VALUES (@code, @nameId, @nameEn, @unit, @polarity, @decimals, @group, @definition, @minValue, @maxValue, @sortOrder)`,
    );
    const ids = new Map<string, number | bigint>();
    // A file of an older schema has no responsible_unit column.
    const setUnit = db.prepare('SELECT 1 FROM pragma_table_info(\'indicator\') WHERE name = \'responsible_unit\'').get()
      ? db.prepare('UPDATE indicator SET responsible_unit = ? WHERE id = ?')
      : null;
    (spec.indicators ?? STANDARD_INDICATORS).forEach((ind, i) => {
      const id = insertIndicator.run({ ...ind, sortOrder: (i + 1) * 10 }).lastInsertRowid;
      ids.set(ind.code, id);
      if (setUnit && ind.responsibleUnit) setUnit.run(ind.responsibleUnit, id);
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
      if (v.year < p.baselineYear || v.year > horizonOf(p)) {
        throw new Error(`Seed value ${v.indicatorCode} ${v.year} is outside the plan years and horizon`);
      }
      const row = [id, v.year, v.series, v.value, v.source, v.illustrative ? 1 : 0];
      insertValue.run(provisional ? [...row, v.provisional ? 1 : 0] : row);
    }
  })();
}

export { LATEST_VERSION };
