/**
 * The Content-Security-Policy both hosts send with the renderer's HTML.
 * AG Grid and chart.js inject <style> elements: they carry the per-launch nonce (AG Grid's
 * `styleNonce`), so no 'unsafe-inline' is needed for style elements.
 */
export function buildCsp(styleNonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(styleNonce)) throw new Error('CSP nonce must be 16+ base64 characters');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Placeholder in renderer/index.html that each host replaces with its per-launch nonce. */
export const NONCE_PLACEHOLDER = '__WORKBENCH_STYLE_NONCE__';
/** Name of the <meta> element the renderer reads the nonce from. */
export const NONCE_META = 'workbench-style-nonce';
