/**
 * How app://workbench/… requests map to files of the built renderer (dist/renderer/).
 * Pure path logic, so path traversal and look-alike hosts are unit-tested without Electron;
 * main.ts does the reading and builds the Response.
 */
import path from 'node:path';
import { NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import { parseAppUrl } from './app-origin.js';

export type AppRequest =
  | { kind: 'file'; filePath: string; contentType: string; isHtml: boolean }
  | { kind: 'refuse'; status: 400 | 403 | 404 | 405 };

const CONTENT_TYPES: Record<string, string> = {
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
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a request URL to a file under `rootDir`, or a refusal. Only GET/HEAD on our exact host;
 * the decoded path must stay inside rootDir (no `..`, no encoded separators, no NUL); '/' is index.html.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refuse', status: 405 };
  if (!URL.canParse(requestUrl)) return { kind: 'refuse', status: 400 };
  const url = parseAppUrl(requestUrl);
  if (!url) return { kind: 'refuse', status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refuse', status: 400 };
  }
  // Encoded separators and NUL have no business in an asset path; refusing them keeps the
  // containment check below the only thing standing between a URL and the file system.
  if (relative.includes('\0') || relative.includes('\\') || /%2f|%5c/i.test(url.pathname)) {
    return { kind: 'refuse', status: 400 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${relative}`);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return { kind: 'refuse', status: 403 };
  if (filePath === root) return { kind: 'refuse', status: 404 };
  const contentType = contentTypeFor(filePath);
  return { kind: 'file', filePath, contentType, isHtml: contentType.startsWith('text/html') };
}

/** Puts this launch's nonce into index.html's placeholder (AG Grid and chart.js read it for their <style> elements). */
export function injectNonce(html: string, nonce: string): string {
  return html.split(NONCE_PLACEHOLDER).join(nonce);
}
