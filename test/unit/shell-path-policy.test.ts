import { describe, expect, it } from 'vitest';
import { pathAllowed, pathOfInput, PathGrants } from '../../electron/shell/path-policy.js';

describe('the desktop path policy (renderer-named paths)', () => {
  it('finds the path in every contract input that names one, and none elsewhere', () => {
    expect(pathOfInput('workbook.open', { path: '/a/b.rpjmd' })).toBe('/a/b.rpjmd');
    expect(pathOfInput('workbook.create', { path: '/a/new.rpjmd' })).toBe('/a/new.rpjmd');
    expect(pathOfInput('workbook.saveAs', { path: '/a/c.rpjmd', overwrite: true })).toBe('/a/c.rpjmd');
    expect(pathOfInput('annex.export', { path: '/a/l.xlsx' })).toBe('/a/l.xlsx');
    expect(pathOfInput('import.preview', { source: { path: '/a/t.xlsx' } })).toBe('/a/t.xlsx');
    expect(pathOfInput('import.preview', { source: { name: 't.xlsx', base64: '' } })).toBeNull();
    expect(pathOfInput('targets.set', { path: '/etc/passwd' })).toBeNull();
    expect(pathOfInput('workbook.open', null)).toBeNull();
  });

  it('allows a recent file or a dialog grant, compared resolved, and nothing else', () => {
    const grants = new PathGrants();
    expect(pathAllowed('/home/p/x.rpjmd', grants, ['/home/p/x.rpjmd'])).toBe(true);
    expect(pathAllowed('/home/p/../p/x.rpjmd', grants, ['/home/p/x.rpjmd'])).toBe(true);
    expect(pathAllowed('/home/p/notes.txt', grants, ['/home/p/x.rpjmd'])).toBe(false);
    grants.grant('/home/p/lampiran.pdf');
    expect(pathAllowed('/home/p/./lampiran.pdf', grants, [])).toBe(true);
    expect(pathAllowed('/home/p/lampiran.xlsx', grants, [])).toBe(false);
  });
});
