import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentFiles } from '../../electron/services/recent-files.js';
import { tempDir } from '../helpers/files.js';

describe('recent files', () => {
  it('lists the newest first, without duplicates, at most ten', () => {
    const recent = new RecentFiles(path.join(tempDir(), 'sub', 'recent.json'));
    expect(recent.list()).toEqual([]);
    for (let i = 0; i < 12; i++) recent.add(`/w/${i}.rpjmd`, new Date(2021, 0, i + 1));
    recent.add('/w/5.rpjmd', new Date(2021, 1, 1));
    const list = recent.list();
    expect(list).toHaveLength(10);
    expect(list[0]!.path).toBe('/w/5.rpjmd');
    expect(list.filter((r) => r.path === '/w/5.rpjmd')).toHaveLength(1);
    expect(list.map((r) => r.path)).not.toContain('/w/0.rpjmd');
  });

  it('treats a damaged list as empty and repairs it on the next add', () => {
    const file = path.join(tempDir(), 'recent.json');
    fs.writeFileSync(file, '{"not": "a list"');
    const recent = new RecentFiles(file);
    expect(recent.list()).toEqual([]);
    recent.add('/w/a.rpjmd');
    expect(recent.list().map((r) => r.path)).toEqual(['/w/a.rpjmd']);
  });
});
