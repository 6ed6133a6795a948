/**
 * Which web permissions the app's own page gets: only writing an image or text to the clipboard
 * ("Salin PNG" of a chart, a copied cell), and only from app://workbench. Everything else —
 * camera, notifications, clipboard reads, geolocation — and every other origin is refused.
 */
import { isAppUrl } from './app-origin.js';

const ALLOWED = new Set(['clipboard-sanitized-write']);

/** `origin`: the requesting URL or origin Electron reports (app://workbench or a page in it). */
export function allowPermission(permission: string, origin: string | undefined): boolean {
  return ALLOWED.has(permission) && isAppUrl(origin);
}
