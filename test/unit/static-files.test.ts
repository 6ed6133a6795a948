/**
 * The static-file resolver both transports share (browser host and app:// protocol): content
 * types, every kind of traversal refusal, symlinks out of the root, the nonce in index.html and
 * the CSP header, and the 404/405 results. The transports' own tests only check their wiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contentTypeFor, injectNonce, resolveStaticPath, serveStatic } from '../../electron/host/static-files.js';
import type { StaticSite } from '../../electron/host/static-files.js';
import { buildCsp, NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import { tempDir } from '../helpers/files.js';

const nonce = 'abcdefghijklmnopqrstuv';

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['m.json', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['i.png', 'image/png'],
    ['i.JPG', 'image/jpeg'],
    ['i.webp', 'image/webp'],
    ['favicon.ico', 'image/x-icon'],
    ['f.woff2', 'font/woff2'],
    ['f.woff', 'font/woff'],
    ['f.ttf', 'font/ttf'],
    ['robots.txt', 'text/plain; charset=utf-8'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('falls back to octet-stream, also for names that look like Object members', () => {
    for (const file of ['x.exe', 'noext', 'x.__proto__', 'x.constructor', 'x.toString']) expect(contentTypeFor(file)).toBe('application/octet-stream');
  });
});

describe('resolveStaticPath (pure)', () => {
  const root = path.resolve('/srv/app/dist/renderer');

  it('maps / (and the empty path of app://workbench) to index.html', () => {
    for (const p of ['/', '']) {
      expect(resolveStaticPath(p, root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8', isHtml: true });
    }
  });

  it('maps asset paths inside the root, decoding escapes', () => {
    expect(resolveStaticPath('/assets/index-Bx1.js', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-Bx1.js'),
      contentType: 'text/javascript; charset=utf-8',
      isHtml: false,
    });
    expect(resolveStaticPath('/assets/a%20b.css', root)).toMatchObject({ kind: 'file', filePath: path.join(root, 'assets', 'a b.css') });
  });

  it.each([
    ['/../etc/passwd', 'dot-segment'],
    ['/assets/../../etc/passwd', 'dot-segment'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'dot-segment'],
    ['/%2E%2E/etc/passwd', 'dot-segment'],
    ['/.%2e/etc/passwd', 'dot-segment'],
    ['/assets/./x.js', 'dot-segment'],
    ['/assets/..%2f..%2fetc%2fpasswd', 'encoded-separator'],
    ['/assets%2F..%2F..%2Fpackage.json', 'encoded-separator'],
    ['/..%5c..%5cwindows%5cwin.ini', 'backslash'],
    ['/..\\..\\windows\\win.ini', 'backslash'],
    ['/index.html%00.js', 'nul'],
    ['/index.html\0.js', 'nul'],
    ['/%E0%A4%A', 'bad-escape'],
    ['/%', 'bad-escape'],
    ['//etc/passwd', 'absolute-path'],
    ['/%2Fetc/passwd', 'encoded-separator'],
    ['/C:/Windows/win.ini', 'absolute-path'],
    ['/c:win.ini', 'absolute-path'],
    ['etc/passwd', 'not-rooted'],
  ])('refuses %j (%s)', (p, reason) => {
    const r = resolveStaticPath(p, root);
    expect(r).toMatchObject({ kind: 'refuse', reason });
    expect(r.kind === 'refuse' && r.status).toBe(400);
  });

  it('never names a file outside the root, whatever the input', () => {
    for (const p of ['/a/b/../../../x', '/%2e%2e', '/..', '/.', '/assets/..', '/%252e%252e/x']) {
      const r = resolveStaticPath(p, root);
      if (r.kind === 'file') expect(r.filePath.startsWith(root + path.sep)).toBe(true);
    }
    // Double encoding is decoded once: a literal file named '%2e%2e' inside the root.
    expect(resolveStaticPath('/%252e%252e/x', root)).toMatchObject({ kind: 'file', filePath: path.join(root, '%2e%2e', 'x') });
  });
});

describe('serveStatic (reads the folder)', () => {
  let dir: string;
  let site: StaticSite;
  const js = 'console.log("app")';

  beforeAll(() => {
    dir = tempDir();
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><meta name="workbench-style-nonce" content="${NONCE_PLACEHOLDER}"><style nonce="${NONCE_PLACEHOLDER}"></style>`,
    );
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), js);
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.writeFileSync(path.join(dir, 'outside', 'x.js'), 'outside');
    // Links out of the root (a file and a folder), and one that stays inside.
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'secret.txt'));
    fs.symlinkSync(path.join(dir, 'outside'), path.join(root, 'linked'));
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    // The root itself reached through a link (as /tmp is on macOS) still serves.
    fs.symlinkSync(root, path.join(dir, 'root-link'));
    site = { rootDir: root, styleNonce: nonce };
  });

  it('injects the nonce into every placeholder of index.html and sends the matching CSP', async () => {
    const r = await serveStatic(site, 'GET', '/');
    expect(r.kind).toBe('file');
    if (r.kind !== 'file') return;
    expect(r.status).toBe(200);
    const html = r.body.toString('utf8');
    expect(html).not.toContain(NONCE_PLACEHOLDER);
    expect(html).toBe(`<!doctype html><meta name="workbench-style-nonce" content="${nonce}"><style nonce="${nonce}"></style>`);
    expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(r.headers['Content-Security-Policy']).toBe(buildCsp(nonce));
    expect(r.headers['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
    expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(r.headers['Cache-Control']).toBe('no-store');
    expect(await serveStatic(site, 'GET', '/index.html')).toMatchObject({ kind: 'file', body: r.body });
  });

  it('serves other files byte for byte, with the CSP too', async () => {
    const r = await serveStatic(site, 'GET', '/assets/app.js');
    expect(r).toMatchObject({ kind: 'file', status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Security-Policy': buildCsp(nonce) } });
    if (r.kind === 'file') expect(r.body.toString('utf8')).toBe(js);
    expect(await serveStatic(site, 'HEAD', '/assets/app.js')).toMatchObject({ kind: 'file', status: 200 });
    expect(await serveStatic({ ...site, rootDir: path.join(dir, 'root-link') }, 'GET', '/assets/app.js')).toMatchObject({ kind: 'file', status: 200 });
  });

  it('a missing file, a folder or the root itself is a 404', async () => {
    for (const p of ['/missing.js', '/assets/missing.css', '/assets', '/assets/', '/missing/x.js', '/assets/app.js/x']) {
      expect(await serveStatic(site, 'GET', p), p).toEqual({ kind: 'refuse', status: 404, reason: 'not-found' });
    }
  });

  it('refuses symlinks that lead out of the root (403) and follows those that stay inside', async () => {
    expect(await serveStatic(site, 'GET', '/assets/secret.txt')).toEqual({ kind: 'refuse', status: 403, reason: 'outside-root' });
    expect(await serveStatic(site, 'GET', '/linked/x.js')).toEqual({ kind: 'refuse', status: 403, reason: 'outside-root' });
    const alias = await serveStatic(site, 'GET', '/alias.js');
    expect(alias.kind === 'file' && alias.body.toString('utf8')).toBe(js);
  });

  it('refuses traversal before touching the disk', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/secret.txt%00']) {
      const r = await serveStatic(site, 'GET', p);
      expect(r, p).toMatchObject({ kind: 'refuse', status: 400 });
    }
  });

  it('answers only GET and HEAD', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(await serveStatic(site, m, '/')).toEqual({ kind: 'refuse', status: 405, reason: 'method-not-allowed' });
    }
  });

  it('a file the system will not read is a 500 read-error, with the detail for the log', async () => {
    const eacces = Object.assign(new Error("EACCES: permission denied, open 'app.js'"), { code: 'EACCES' });
    const spy = vi.spyOn(fs.promises, 'readFile').mockRejectedValueOnce(eacces);
    try {
      expect(await serveStatic(site, 'GET', '/assets/app.js')).toEqual({ kind: 'refuse', status: 500, reason: 'read-error', detail: eacces.message });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('injectNonce', () => {
  it('replaces every placeholder and nothing else', () => {
    expect(injectNonce(`a ${NONCE_PLACEHOLDER} b ${NONCE_PLACEHOLDER}`, nonce)).toBe(`a ${nonce} b ${nonce}`);
    expect(injectNonce('<p>no placeholder</p>', nonce)).toBe('<p>no placeholder</p>');
  });
});
