/**
 * The desktop path policy for the Provinsi view: a province.* call names a folder (and
 * province.export a file to write too); each must have been granted by one of main's dialogs in
 * this run — a recent workbook never stands for a folder, and one granted path does not cover the other.
 */
import { describe, expect, it } from 'vitest';
import { inputAllowed, pathOfInput, pathsOfInput, PathGrants } from '../../electron/shell/path-policy.js';
import { provinceDefaultName } from '../../electron/shell/province-files.js';

describe('province paths in the desktop path policy', () => {
  it('finds the folder of every province.* input, and the written file of province.export beside it', () => {
    expect(pathsOfInput('province.read', { folder: '/data/sumsel' })).toEqual([{ path: '/data/sumsel', dialogOnly: true }]);
    expect(pathsOfInput('province.exportBytes', { folder: '/data/sumsel', format: 'pdf' })).toEqual([{ path: '/data/sumsel', dialogOnly: true }]);
    expect(pathsOfInput('province.reviewBytes', { folder: '/data/sumsel', file: 'kota-palembang.rpjmd', evaluator: 'X' })).toEqual([{ path: '/data/sumsel', dialogOnly: true }]);
    expect(pathsOfInput('province.export', { folder: '/data/sumsel', path: '/out/k.xlsx' })).toEqual([
      { path: '/data/sumsel', dialogOnly: true },
      { path: '/out/k.xlsx', dialogOnly: true },
    ]);
    // The single-path methods keep their one path, the recent list allowed for them.
    expect(pathsOfInput('workbook.open', { path: '/a/b.rpjmd' })).toEqual([{ path: '/a/b.rpjmd', dialogOnly: false }]);
    expect(pathsOfInput('targets.set', { folder: '/etc' })).toEqual([]);
    expect(pathOfInput('province.read', { folder: '/data/sumsel' })).toBeNull();
  });

  it('allows a folder only when a dialog granted it, never because it is in the recent list', () => {
    const grants = new PathGrants();
    const read = pathsOfInput('province.read', { folder: '/data/sumsel' });
    expect(inputAllowed(read, grants, ['/data/sumsel'])).toBe(false);
    grants.grant('/data/sumsel');
    expect(inputAllowed(pathsOfInput('province.read', { folder: '/data/../data/sumsel' }), grants, [])).toBe(true);
    expect(inputAllowed(pathsOfInput('province.read', { folder: '/data/other' }), grants, [])).toBe(false);
  });

  it('needs both paths of province.export granted', () => {
    const grants = new PathGrants();
    grants.grant('/data/sumsel');
    const both = pathsOfInput('province.export', { folder: '/data/sumsel', path: '/out/k.xlsx' });
    expect(inputAllowed(both, grants, ['/out/k.xlsx'])).toBe(false);
    grants.grant('/out/k.xlsx');
    expect(inputAllowed(both, grants, [])).toBe(true);
    expect(inputAllowed(pathsOfInput('province.export', { folder: '/data/elsewhere', path: '/out/k.xlsx' }), grants, [])).toBe(false);
  });

  it('proposes a file name after the folder, in the file language', () => {
    expect(provinceDefaultName('/data/Sumsel 2021/', 'id', 'xlsx')).toBe('Konsolidasi-Provinsi-Sumsel-2021.xlsx');
    expect(provinceDefaultName('/data/sumsel', 'en', 'pdf')).toBe('Province-Consolidation-sumsel.pdf');
  });
});
