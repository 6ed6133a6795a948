/**
 * The app's own origin. The renderer is served from app://workbench/ (a privileged standard,
 * secure scheme) instead of file://, so it gets a real origin that the CSP's 'self', the IPC
 * sender check and the navigation policy can all compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Parses `value` and returns it only if it is an app://workbench/… URL: exact scheme and host,
 * no port, no credentials. Uses the WHATWG URL parser rather than prefix checks, so look-alikes
 * such as app://workbench.evil/, app://workbench@evil/ or app://workbench:80/ are told apart.
 * Node treats app: as a non-special scheme and keeps the host's case, while Chromium lowercases
 * hosts of standard schemes; comparing case-insensitively matches what Chromium loads.
 */
export function parseAppUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const ours =
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return ours ? url : null;
}

export function isAppUrl(value: unknown): boolean {
  return parseAppUrl(value) !== null;
}
