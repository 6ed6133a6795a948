/**
 * Which links may leave the app for the user's browser (shell.openExternal). Only https, only
 * hosts a planner plausibly cites (BPS, the ministries behind the poverty data, the legal
 * database), never credentials in the URL. Everything else is dropped silently: a link in a
 * workbook's source text must not become a way to launch arbitrary URL handlers.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'bps.go.id', // Badan Pusat Statistik and its regional sites (muaraenimkab.bps.go.id, sumsel.bps.go.id)
  'bappenas.go.id',
  'kemendagri.go.id',
  'peraturan.bpk.go.id',
  'jdih.kemendagri.go.id',
];

/** True when `host` is one of EXTERNAL_HOSTS or a subdomain of one. */
function isAllowedHost(host: string): boolean {
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export function isAllowedExternalUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '' && url.port !== '443') return false;
  return isAllowedHost(url.hostname.toLowerCase());
}
