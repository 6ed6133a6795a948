// Renders the app icon and the .rpjmd document icon from their SVG sources into what
// electron-builder reads from resources/build/ (directories.buildResources):
//   resources/build/icon.png            1024x1024 (the app icon; electron-builder wants >= 512)
//   resources/build/icon.ico            16–256 px (Windows: the .exe, the installer, shortcuts)
//   resources/build/icons/NxN.png       16–512 px (Linux: hicolor icons of the AppImage and deb)
//   resources/build/rpjmd-file.ico      16–256 px (Windows: .rpjmd files in Explorer)
//   resources/build/rpjmd-file.png      512x512   (the document icon as a PNG)
// Usage: npm run icons. The outputs are checked in; CI and packaging never run this.
//
// Rasterizing: Playwright (already a devDependency) drives Debian's Chromium (/usr/bin/chromium,
// which `npm test` needs anyway), so no new dependency and nothing downloaded. @resvg/resvg-js or
// sharp would also work offline, but each adds a native package to the lock file for a script
// that runs once per icon change. CHROMIUM_PATH points at another Chromium.
//
// ICO: written here (~30 lines, writeIco below). Since Windows Vista an ICO entry may hold a
// whole PNG, so the file is a 6-byte header, one 16-byte directory entry per size and the PNGs.
// png-to-ico / to-ico would do the same but pull in decoders we do not need.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'build');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** A multi-size ICO whose entries are PNG files; `images` is [size, png bytes][]. */
export function writeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const [size, png] of images) {
    if (size > 256) throw new Error(`an ICO entry is at most 256 px (got ${size})`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size === 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // palette colours: none
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent"><img id="i" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.waitForFunction(() => {
    /* global document, HTMLImageElement -- runs in the page */
    const img = document.getElementById('i');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
  });
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function main() {
  const appSvg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8');
  const fileSvg = fs.readFileSync(path.join(root, 'resources', 'file-icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    fs.mkdirSync(path.join(out, 'icons'), { recursive: true });

    const app = new Map();
    for (const size of [...LINUX_SIZES, 1024]) app.set(size, await render(page, appSvg, size));
    for (const size of LINUX_SIZES) fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), app.get(size));
    fs.writeFileSync(path.join(out, 'icon.png'), app.get(1024));
    fs.writeFileSync(path.join(out, 'icon.ico'), writeIco(ICO_SIZES.map((s) => [s, app.get(s)])));

    const doc = new Map();
    for (const size of [...ICO_SIZES, 512]) doc.set(size, await render(page, fileSvg, size));
    fs.writeFileSync(path.join(out, 'rpjmd-file.png'), doc.get(512));
    fs.writeFileSync(path.join(out, 'rpjmd-file.ico'), writeIco(ICO_SIZES.map((s) => [s, doc.get(s)])));
  } finally {
    await browser.close();
  }
  console.log(`icons: written to ${path.relative(root, out)}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
