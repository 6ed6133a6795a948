/**
 * The one static-file resolver for the built renderer (dist/renderer/), shared by both
 * transports: the browser host (host/http.ts) and Electron's app:// protocol
 * (shell/app-protocol.ts, wired in main.ts). It owns
 *
 *   - the content-type table;
 *   - path normalisation and every traversal refusal: malformed escapes, NUL, backslashes
 *     (literal or %5c), encoded slashes (%2f), `.`/`..` segments (also when they arrive as
 *     %2e%2e from a source that did not normalise them), absolute paths (`//x`, `C:/x`), a path
 *     that resolves outside the root, and a symlink inside the root that points out of it;
 *   - the per-launch CSP: the style nonce goes into index.html's placeholder and the matching
 *     Content-Security-Policy header goes with every file served.
 *
 * Results are plain values, a file (`status`, `headers`, `body`) or a refusal (`status`,
 * `reason`), which each transport turns into its own response. There is no SPA fallback to
 * index.html: the renderer has no client-side routes, so an unknown path is a 404 in both
 * transports.
 *
 * Host code: never imports 'electron' nor anything under electron/shell/ (the shell may import
 * this module, not the other way).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCsp, NONCE_PLACEHOLDER } from '../../shared/security/csp.js';

/** Content types of what Vite emits into dist/renderer/; anything else is application/octet-stream. */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  return Object.hasOwn(STATIC_CONTENT_TYPES, ext) ? STATIC_CONTENT_TYPES[ext]! : 'application/octet-stream';
}

/** Why a request got no file. Each reason has one status (STATUS_BY_REASON). */
export type StaticRefusalReason =
  | 'method-not-allowed'
  | 'bad-escape'
  | 'nul'
  | 'backslash'
  | 'encoded-separator'
  | 'dot-segment'
  | 'absolute-path'
  | 'not-rooted'
  | 'outside-root'
  | 'not-found'
  | 'read-error';

const STATUS_BY_REASON = {
  'method-not-allowed': 405,
  'bad-escape': 400,
  nul: 400,
  backslash: 400,
  'encoded-separator': 400,
  'dot-segment': 400,
  'absolute-path': 400,
  'not-rooted': 400,
  'outside-root': 403,
  'not-found': 404,
  'read-error': 500,
} as const satisfies Record<StaticRefusalReason, number>;

export interface StaticRefusal<R extends StaticRefusalReason = StaticRefusalReason> {
  kind: 'refuse';
  status: (typeof STATUS_BY_REASON)[R];
  reason: R;
  /** For 'read-error' only: what the file system said, for the transport's log (never sent). */
  detail?: string;
}

/** Refusals that path resolution alone can give (no method check, no file system). */
export type StaticPathRefusal = StaticRefusal<Exclude<StaticRefusalReason, 'method-not-allowed' | 'read-error'>>;

/** A request path resolved to a file under the root (not yet read: it may not exist). */
export interface StaticTarget {
  kind: 'file';
  filePath: string;
  contentType: string;
  isHtml: boolean;
}

/** A file to send. `body` is the whole file, for HEAD too: a HEAD transport sends the headers only. */
export interface StaticFile {
  kind: 'file';
  status: 200;
  filePath: string;
  headers: {
    'Content-Type': string;
    'Content-Security-Policy': string;
    'X-Content-Type-Options': 'nosniff';
    'Cache-Control': 'no-store';
  };
  body: Buffer;
}

export type StaticResult = StaticFile | StaticRefusal;

/** What a transport serves: the renderer folder and this launch's style nonce. */
export interface StaticSite {
  rootDir: string;
  styleNonce: string;
}

export function refusal<R extends StaticRefusalReason>(reason: R, detail?: string): StaticRefusal<R> {
  const r: StaticRefusal<R> = { kind: 'refuse', status: STATUS_BY_REASON[reason], reason };
  if (detail !== undefined) r.detail = detail;
  return r;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Maps a URL pathname, still percent-encoded as the URL parser left it (`url.pathname`), to a
 * file under `rootDir`, or a refusal. Pure path logic: no file system access. '/' (and the empty
 * path of app://workbench) is index.html.
 */
export function resolveStaticPath(rawPathname: string, rootDir: string): StaticTarget | StaticPathRefusal {
  // Encoded separators have no business in an asset path; refusing them (before decoding, when
  // they are still visible) keeps the segment checks below meaningful.
  if (/%2f/i.test(rawPathname)) return refusal('encoded-separator');
  if (/%5c/i.test(rawPathname)) return refusal('backslash');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return refusal('bad-escape');
  }
  if (decoded.includes('\0')) return refusal('nul');
  if (decoded.includes('\\')) return refusal('backslash');
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/')) return refusal('not-rooted');
  // '//host/x' (protocol-relative / UNC-like) and drive letters ('/C:/x', '/C:x') are absolute
  // paths in disguise.
  if (decoded.startsWith('//') || /^\/[A-Za-z]:/.test(decoded)) return refusal('absolute-path');
  // URL parsers normalise '.', '..' and '%2e%2e' away; one left here came from elsewhere.
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return refusal('dot-segment');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${decoded}`);
  if (filePath === root) return refusal('not-found');
  if (!isInside(root, filePath)) return refusal('outside-root');
  const contentType = contentTypeFor(filePath);
  return { kind: 'file', filePath, contentType, isHtml: contentType.startsWith('text/html') };
}

/** Puts this launch's nonce into every placeholder of index.html (AG Grid and chart.js read it for their <style> elements). */
export function injectNonce(html: string, nonce: string): string {
  return html.split(NONCE_PLACEHOLDER).join(nonce);
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG']);

/**
 * Reads a resolved target: it must still be inside the root once symlinks are resolved, and a
 * regular file (no folders, FIFOs or devices). HTML gets the nonce; every file gets the CSP.
 * Uses fs.promises by property so Electron's asar support applies inside app.asar.
 */
export async function loadStaticFile(target: StaticTarget, site: StaticSite): Promise<StaticResult> {
  let body: Buffer;
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(path.resolve(site.rootDir)), fs.promises.realpath(target.filePath)]);
    if (!isInside(realRoot, realFile)) return refusal('outside-root');
    if (!(await fs.promises.stat(realFile)).isFile()) return refusal('not-found');
    body = await fs.promises.readFile(realFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined && NOT_FOUND_CODES.has(code)) return refusal('not-found');
    return refusal('read-error', err instanceof Error ? err.message : String(err));
  }
  if (target.isHtml) body = Buffer.from(injectNonce(body.toString('utf8'), site.styleNonce), 'utf8');
  return {
    kind: 'file',
    status: 200,
    filePath: target.filePath,
    headers: {
      'Content-Type': target.contentType,
      'Content-Security-Policy': buildCsp(site.styleNonce),
      'X-Content-Type-Options': 'nosniff',
      // index.html carries a per-launch nonce: no copy of it may outlive the launch.
      'Cache-Control': 'no-store',
    },
    body,
  };
}

/** The whole static path for a transport: GET/HEAD only, resolve, read. */
export async function serveStatic(site: StaticSite, method: string, rawPathname: string): Promise<StaticResult> {
  if (method !== 'GET' && method !== 'HEAD') return refusal('method-not-allowed');
  const target = resolveStaticPath(rawPathname, site.rootDir);
  if (target.kind === 'refuse') return target;
  return loadStaticFile(target, site);
}
