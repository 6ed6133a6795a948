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
 * True only for app://workbench/… URLs: exact scheme and host, no port, no credentials.
 * Parsed with the WHATWG URL parser rather than prefix checks, so look-alikes such as
 * app://workbench.evil/, app://workbench@evil/ or APP://WORKBENCH:80/ are told apart.
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
