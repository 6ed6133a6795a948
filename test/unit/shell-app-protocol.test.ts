// The app://-specific rules (origin, method, URL → path). Path refusals, content types, reading,
// symlinks and the nonce belong to the shared resolver: test/unit/static-files.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, resolveAppRequest } from '../../electron/shell/app-protocol.js';
import { buildCsp, NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import { tempDir } from '../helpers/files.js';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveAppRequest', () => {
  it('serves index.html for the root and marks it as HTML', () => {
    for (const url of ['app://workbench/', 'app://workbench', 'app://workbench/index.html', 'app://workbench/?x=1#y']) {
      expect(resolveAppRequest(url, root)).toEqual({
        kind: 'file',
        filePath: path.join(root, 'index.html'),
        contentType: 'text/html; charset=utf-8',
        isHtml: true,
      });
    }
  });

  it('serves assets inside the renderer folder with their content type', () => {
    expect(resolveAppRequest('app://workbench/assets/index-Bx1.js', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-Bx1.js'),
      contentType: 'text/javascript; charset=utf-8',
      isHtml: false,
    });
    expect(resolveAppRequest('app://workbench/assets/a%20b.css', root)).toMatchObject({ filePath: path.join(root, 'assets', 'a b.css') });
  });

  it.each([
    'app://workbench/../../../etc/passwd',
    'app://workbench/%2e%2e/%2e%2e/etc/passwd',
    'app://workbench/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://workbench/..%5c..%5cwindows%5cwin.ini',
    'app://workbench/assets%2f..%2f..%2fpackage.json',
    'app://workbench/index.html%00.js',
    'app://workbench/%E0%A4%A',
  ])('never leaves the renderer folder: %s', (url) => {
    const r = resolveAppRequest(url, root);
    if (r.kind === 'file') expect(r.filePath.startsWith(root + path.sep)).toBe(true);
    else expect([400, 403, 404]).toContain(r.status);
  });

  it('hands the path to the shared resolver, refusals included', () => {
    expect(resolveAppRequest('app://workbench/assets%2fx.js', root)).toEqual({ kind: 'refuse', status: 400, reason: 'encoded-separator' });
    expect(resolveAppRequest('app://workbench/a%00b.js', root)).toEqual({ kind: 'refuse', status: 400, reason: 'nul' });
    expect(resolveAppRequest('app://workbench//etc/passwd', root)).toEqual({ kind: 'refuse', status: 400, reason: 'absolute-path' });
  });

  it('refuses other hosts, ports, credentials and schemes', () => {
    for (const url of ['app://workbench.evil/index.html', 'app://other/index.html', 'app://workbench:81/', 'app://u@workbench/', 'file:///srv/app/dist/renderer/index.html']) {
      expect(resolveAppRequest(url, root)).toEqual({ kind: 'refuse', status: 403, reason: 'foreign-origin' });
    }
    expect(resolveAppRequest('::::', root)).toEqual({ kind: 'refuse', status: 400, reason: 'bad-url' });
  });

  it('only answers GET and HEAD', () => {
    expect(resolveAppRequest('app://workbench/index.html', root, 'HEAD').kind).toBe('file');
    expect(resolveAppRequest('app://workbench/index.html', root, 'POST')).toEqual({ kind: 'refuse', status: 405, reason: 'method-not-allowed' });
  });
});

describe('answerAppRequest', () => {
  it('reads through the shared resolver: nonce in index.html, CSP header, 404 for a missing file', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), `<meta content="${NONCE_PLACEHOLDER}">`);
    const site = { rootDir: dir, styleNonce: 'abcdefghijklmnopqrstuv' };
    const page = await answerAppRequest('app://workbench/', 'GET', site);
    expect(page).toMatchObject({ kind: 'file', status: 200, headers: { 'Content-Security-Policy': buildCsp(site.styleNonce) } });
    if (page.kind === 'file') expect(page.body.toString('utf8')).toBe('<meta content="abcdefghijklmnopqrstuv">');
    expect(await answerAppRequest('app://workbench/missing.js', 'GET', site)).toEqual({ kind: 'refuse', status: 404, reason: 'not-found' });
    expect(await answerAppRequest('app://evil/index.html', 'GET', site)).toMatchObject({ status: 403 });
  });
});
