/**
 * How app://workbench/… requests map to files of the built renderer (dist/renderer/).
 * What is app://-specific lives here: only GET/HEAD, only our exact origin (no look-alike hosts,
 * ports, credentials or other schemes). Everything about paths, content types, reading and the
 * CSP nonce is the shared static-file resolver (host/static-files.ts), the same one the browser
 * host uses. No `electron` import, so this is unit-tested in Node; main.ts builds the Response.
 */
import { injectNonce, loadStaticFile, refusal, resolveStaticPath } from '../host/static-files.js';
import type { StaticPathRefusal, StaticRefusal, StaticResult, StaticSite, StaticTarget } from '../host/static-files.js';
import { parseAppUrl } from './app-origin.js';

/** The pure half: which file an app:// request names, or why it gets none (400, 403, 404, 405). */
export type AppRequest =
  | StaticTarget
  | StaticPathRefusal
  | StaticRefusal<'method-not-allowed'>
  | { kind: 'refuse'; status: 400; reason: 'bad-url' }
  | { kind: 'refuse'; status: 403; reason: 'foreign-origin' };

/** What an app:// request gets: a file to send, or a refusal with its status. */
export type AppResult = StaticResult | Extract<AppRequest, { kind: 'refuse' }>;

/** main.ts puts the nonce into index.html with this (the shared implementation). */
export { injectNonce };

/**
 * Resolves a request URL to a file under `rootDir`, or a refusal. Only GET/HEAD on our exact
 * host (403 otherwise); the path rules are resolveStaticPath's.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return refusal('method-not-allowed');
  if (!URL.canParse(requestUrl)) return { kind: 'refuse', status: 400, reason: 'bad-url' };
  const url = parseAppUrl(requestUrl);
  if (!url) return { kind: 'refuse', status: 403, reason: 'foreign-origin' };
  return resolveStaticPath(url.pathname, rootDir);
}

/**
 * The whole app:// answer as a plain value: resolve, then read through the shared resolver
 * (symlinks out of the root refused, nonce injected, CSP header on every file). main.ts only
 * has to turn it into a Response.
 */
export async function answerAppRequest(requestUrl: string, method: string, site: StaticSite): Promise<AppResult> {
  const resolved = resolveAppRequest(requestUrl, site.rootDir, method);
  if (resolved.kind === 'refuse') return resolved;
  return loadStaticFile(resolved, site);
}
