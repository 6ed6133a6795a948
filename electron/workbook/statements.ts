/**
 * Prepared statements of one connection, by SQL text. A paste of thousands of cells runs the same
 * few statements thousands of times; preparing each time cost more than running them.
 */
import type Database from 'better-sqlite3';

export class Statements {
  private readonly map = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let st = this.map.get(sql);
    if (!st) this.map.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
}
