/**
 * The checked-in icons (resources/build/, made by `npm run icons`) are what electron-builder
 * packages: right sizes, valid ICO files, and every icon electron-builder.yml names exists.
 * Reads the files only; no Chromium needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const build = path.join(root, 'resources', 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (always the first chunk). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The entries of an ICO file: declared size and the embedded image. */
function readIco(ico: Buffer): { width: number; height: number; image: Buffer }[] {
  expect(ico.readUInt16LE(0)).toBe(0); // reserved
  expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = ico.readUInt16LE(4);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    entries.push({ width: ico.readUInt8(at) || 256, height: ico.readUInt8(at + 1) || 256, image: ico.subarray(offset, offset + length) });
  }
  return entries;
}

describe('app icons (resources/build)', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512])('icons/%ix%i.png has that size', (size) => {
    expect(pngSize(fs.readFileSync(path.join(build, 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });

  it('icon.png is 1024x1024 and rpjmd-file.png 512x512', () => {
    expect(pngSize(fs.readFileSync(path.join(build, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(fs.readFileSync(path.join(build, 'rpjmd-file.png')))).toEqual({ width: 512, height: 512 });
  });

  it.each(['icon.ico', 'rpjmd-file.ico'])('%s holds PNG entries of 16 to 256 px whose sizes match the directory', (name) => {
    const entries = readIco(fs.readFileSync(path.join(build, name)));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const e of entries) expect(pngSize(e.image)).toEqual({ width: e.width, height: e.height });
  });
});

describe('electron-builder.yml icon settings', () => {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const buildResources = /^\s+buildResources:\s*(\S+)/m.exec(yml)?.[1] ?? '';
  const icons = [...yml.matchAll(/^\s*icon:\s*(\S+)\s*$/gm)].map((m) => m[1] ?? '');

  it('names the build resources folder and icons for Windows, Linux and the .rpjmd files', () => {
    expect(buildResources).toBe('resources/build');
    expect(icons).toEqual(expect.arrayContaining(['icon.ico', 'icons', 'rpjmd-file']));
  });

  it('every configured icon exists where electron-builder looks (buildResources, then the project)', () => {
    for (const icon of icons) {
      // A folder (linux.icon) is taken as is; a file name without an extension gets .ico on
      // Windows (getPlatformIconFileName), as fileAssociations[].icon does.
      const names = path.extname(icon) ? [icon] : [icon, `${icon}.ico`];
      const found = names.some((name) => [path.join(root, buildResources, name), path.join(root, name)].some((p) => fs.existsSync(p)));
      expect(found, `${icon} from electron-builder.yml`).toBe(true);
    }
  });

  it('every file pattern under resources/ in "files" exists (the Linux window icon)', () => {
    const files = [...yml.matchAll(/^\s+-\s+(resources\/\S+)\s*$/gm)].map((m) => m[1] ?? '');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      // A glob (resources/fonts/**) names a folder that must exist and hold files.
      const glob = f.search(/[*?[{]/);
      const literal = glob < 0 ? f : f.slice(0, glob).replace(/\/$/, '');
      expect(fs.existsSync(path.join(root, literal)), f).toBe(true);
      if (glob >= 0) expect(fs.readdirSync(path.join(root, literal)).length, f).toBeGreaterThan(0);
    }
  });
});
