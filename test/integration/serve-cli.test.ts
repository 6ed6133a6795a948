/** `npm run serve -- --workbook FILE` refuses what it cannot open, with the reason, untouched. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../electron/workbook/migrations.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { foreignSqlite, newerWorkbook, TEST_PLAN, textFile } from '../helpers/fixtures.js';
import { Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';

const entry = path.resolve('dist/node/serve.mjs');

function serve(args: string[]) {
  return spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, RPJMD_WORKBENCH_HOME: tempDir() },
  });
}

describe('browser host CLI refusals', () => {
  it('has been built (test/setup/build-node.ts builds it)', () => {
    expect(fs.existsSync(entry)).toBe(true);
  });

  const cases: [string, (dir: string) => string | Promise<string>, RegExp][] = [
    ['a text file', textFile, /catatan\.rpjmd is not an RPJMD workbook/],
    ['a foreign SQLite file', foreignSqlite, /another application/],
    ['a workbook with a higher user_version', (d) => newerWorkbook(d, LATEST_VERSION + 1), new RegExp(`schema version ${LATEST_VERSION + 1}.*up to schema version ${LATEST_VERSION}\\.`)],
  ];
  for (const [label, make, reason] of cases) {
    it(`exits non-zero naming the reason for ${label}, leaving it byte-identical`, async () => {
      const dir = tempDir();
      const file = await make(dir);
      const before = sha256(file);
      const names = listing(dir);
      const run = serve(['--workbook', file, '--port', '0']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).not.toMatch(/token=/);
      expect(sha256(file)).toBe(before);
      expect(listing(dir)).toEqual(names);
    });
  }

  it('a second process opening a workbook this one has open is refused and changes no byte of it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dipakai.rpjmd');
    const first = await Workbook.create(file, { plan: TEST_PLAN });
    const before = sha256(file);
    const run = serve(['--workbook', file, '--port', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/dipakai\.rpjmd is already open in another window or process/);
    expect(sha256(file)).toBe(before);
    // The first keeps working.
    createScenario(first, { user: 'planner' }, 'Perubahan 2021', '', { kind: 'original' });
    expect(first.scenarios()).toHaveLength(1);
    first.close();
  });

  it('rejects a bad --port value', () => {
    const run = serve(['--port', 'abc']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--port must be 0–65535/);
  });
});
