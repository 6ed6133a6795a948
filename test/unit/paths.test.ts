import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/services/paths.js';

describe('user data folder (same as Electron userData for "RPJMD Workbench")', () => {
  it('honours RPJMD_WORKBENCH_HOME', () => {
    expect(defaultDataDir({ RPJMD_WORKBENCH_HOME: '/tmp/x' }, 'linux')).toBe(path.resolve('/tmp/x'));
  });
  it('uses XDG_CONFIG_HOME on Linux and APPDATA on Windows', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/RPJMD Workbench');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('RPJMD Workbench');
  });
});
