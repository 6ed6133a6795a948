import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary } from '../../scripts/electron-binary.mjs';

const temps: string[] = [];
function fakeElectronPackage(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('findElectronBinary (what npm start decides on)', () => {
  it('says "not available" when path.txt is missing (the offline install)', () => {
    const r = findElectronBinary(fakeElectronPackage(), {});
    expect(r.available).toBe(false);
    expect(!r.available && r.reason).toMatch(/path\.txt is missing/);
  });

  it('says "not available" when path.txt names a binary that is not in dist/', () => {
    const r = findElectronBinary(fakeElectronPackage({ 'path.txt': 'electron' }), {});
    expect(r).toEqual({ available: false, reason: 'node_modules/electron/dist/electron is missing' });
  });

  it('finds dist/<path.txt> when it exists', () => {
    const dir = fakeElectronPackage({ 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    expect(findElectronBinary(dir, {})).toEqual({ available: true, path: path.join(dir, 'dist', 'electron'), version: '45.5.0' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dir = fakeElectronPackage({ 'path.txt': 'electron' });
    const override = fs.mkdtempSync(path.join(os.tmpdir(), 'override-'));
    temps.push(override);
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override }).available).toBe(false);
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toMatchObject({ available: true, path: path.join(override, 'electron') });
  });

  it('says "not available" when the package is absent', () => {
    expect(findElectronBinary(null, {})).toEqual({ available: false, reason: 'the electron package is not installed' });
    expect(findElectronBinary(path.join(os.tmpdir(), 'no-such-electron-dir'), {}).available).toBe(false);
  });

  it("locates this project's electron package without running its index.js", () => {
    expect(electronPackageDir(process.cwd())).toBe(path.resolve('node_modules/electron'));
  });
});
