import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, injectNonce, resolveAppRequest } from '../../electron/shell/app-protocol.js';
import { NONCE_PLACEHOLDER } from '../../shared/security/csp.js';

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

  it('refuses encoded separators, NUL and bad escapes outright', () => {
    expect(resolveAppRequest('app://workbench/assets%2fx.js', root)).toEqual({ kind: 'refuse', status: 400 });
    expect(resolveAppRequest('app://workbench/a%5cb.js', root)).toEqual({ kind: 'refuse', status: 400 });
    expect(resolveAppRequest('app://workbench/a%00b.js', root)).toEqual({ kind: 'refuse', status: 400 });
    expect(resolveAppRequest('app://workbench/%E0%A4%A', root)).toEqual({ kind: 'refuse', status: 400 });
  });

  it('refuses other hosts, ports, credentials and schemes', () => {
    for (const url of ['app://workbench.evil/index.html', 'app://other/index.html', 'app://workbench:81/', 'app://u@workbench/', 'file:///srv/app/dist/renderer/index.html']) {
      expect(resolveAppRequest(url, root)).toEqual({ kind: 'refuse', status: 403 });
    }
    expect(resolveAppRequest('::::', root)).toEqual({ kind: 'refuse', status: 400 });
  });

  it('only answers GET and HEAD', () => {
    expect(resolveAppRequest('app://workbench/index.html', root, 'HEAD').kind).toBe('file');
    expect(resolveAppRequest('app://workbench/index.html', root, 'POST')).toEqual({ kind: 'refuse', status: 405 });
  });
});

describe('content types and the nonce', () => {
  it('knows the renderer asset types and falls back to octet-stream', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
  });

  it('replaces every nonce placeholder', () => {
    const html = `<meta name="n" content="${NONCE_PLACEHOLDER}"><style nonce="${NONCE_PLACEHOLDER}"></style>`;
    expect(injectNonce(html, 'abcdefghijklmnopqrstuv')).toBe('<meta name="n" content="abcdefghijklmnopqrstuv"><style nonce="abcdefghijklmnopqrstuv"></style>');
  });
});
