import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFromAdditionalData, workbookPathFromArgv } from '../../electron/shell/argv.js';

const cwd = path.resolve('/home/planner');
const dev = { defaultApp: true, cwd };
const packaged = { defaultApp: false, cwd };

describe('workbookPathFromArgv', () => {
  it('finds nothing when no file is given', () => {
    expect(workbookPathFromArgv(['electron', '.'], dev)).toBeNull();
    expect(workbookPathFromArgv(['RPJMD Workbench.exe'], packaged)).toBeNull();
    // Playwright launches `electron --inspect=0 --remote-debugging-port=0 dist/electron/main.cjs`
    expect(workbookPathFromArgv(['electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs'], dev)).toBeNull();
  });

  it('takes the first operand after the app path in development', () => {
    expect(workbookPathFromArgv(['electron', '.', 'revisi.rpjmd'], dev)).toBe(path.join(cwd, 'revisi.rpjmd'));
  });

  it('takes the first operand of a packaged app (a double-clicked file)', () => {
    const file = path.resolve('/data/Muara Enim 2021.rpjmd');
    expect(workbookPathFromArgv(['RPJMD Workbench.exe', file], packaged)).toBe(file);
  });

  it("understands the browser host's --workbook spelling and ignores --port's value", () => {
    expect(workbookPathFromArgv(['electron', '.', '--port', '4000', '--workbook', 'a.rpjmd'], dev)).toBe(path.join(cwd, 'a.rpjmd'));
    expect(workbookPathFromArgv(['electron', '.', '--workbook=b.rpjmd'], dev)).toBe(path.join(cwd, 'b.rpjmd'));
    expect(workbookPathFromArgv(['electron', '.', '--port', '4000'], dev)).toBeNull();
  });

  it("skips Chromium's switches, before or after the file", () => {
    const argv = ['app', '--original-process-start-time=13370000', 'x.rpjmd', '--allow-file-access-from-files'];
    expect(workbookPathFromArgv(argv, packaged)).toBe(path.join(cwd, 'x.rpjmd'));
  });

  it('treats everything after -- as operands', () => {
    expect(workbookPathFromArgv(['app', '--', '-odd name.rpjmd'], packaged)).toBe(path.join(cwd, '-odd name.rpjmd'));
  });

  it('resolves relative paths against the given working directory (the second instance’s)', () => {
    const other = path.resolve('/tmp/elsewhere');
    expect(workbookPathFromArgv(['app', 'w.rpjmd'], { defaultApp: false, cwd: other })).toBe(path.join(other, 'w.rpjmd'));
  });
});

describe('fileFromAdditionalData', () => {
  it('accepts an absolute file path only', () => {
    const file = path.resolve('/data/w.rpjmd');
    expect(fileFromAdditionalData({ file })).toBe(file);
    expect(fileFromAdditionalData({ file: 'relative.rpjmd' })).toBeNull();
    expect(fileFromAdditionalData({ file: null })).toBeNull();
    expect(fileFromAdditionalData({ file: 42 })).toBeNull();
    expect(fileFromAdditionalData(null)).toBeNull();
    expect(fileFromAdditionalData('x')).toBeNull();
  });
});
