import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, isAppUrl } from '../../electron/shell/app-origin.js';
import { isAllowedExternalUrl } from '../../electron/shell/external-links.js';
import { decideNavigation, decideWindowOpen } from '../../electron/shell/navigation.js';

describe('isAppUrl', () => {
  it.each([APP_INDEX_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index-abc.js`, `${APP_ORIGIN}/index.html?x=1#view`, 'APP://WORKBENCH/index.html'])(
    'trusts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://workbench.evil/index.html', // look-alike host
    'app://evil/workbench/index.html',
    'app://workbench@evil/index.html', // credentials trick: host is evil
    'app://evil@workbench/index.html', // credentials are never ours
    'app://user:pw@workbench/',
    'app://workbench:8080/index.html', // a port makes it another origin
    'app:workbench/index.html', // no authority
    'apps://workbench/index.html',
    'file:///work/dist/renderer/index.html',
    'file://workbench/index.html',
    'javascript:alert(1)',
    'javascript://workbench/%0aalert(1)',
    'data:text/html,<script>1</script>',
    'http://127.0.0.1:5173/', // a local server pretending to be the app
    'http://127.0.0.1/app://workbench/',
    'https://workbench/',
    'http://localhost/?next=app://workbench/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('does not trust %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('does not trust non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_INDEX_URL })).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://bps.go.id/',
    'https://www.bps.go.id/id/statistics-table',
    'https://muaraenimkab.bps.go.id/indicator/23/1/1.html',
    'https://sumsel.bps.go.id/',
    'https://peraturan.bpk.go.id/Details/123',
    'https://BPS.GO.ID/',
    'https://bps.go.id:443/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://bps.go.id/', // https only
    'https://bps.go.id.evil.com/', // suffix trick
    'https://evilbps.go.id/', // not a subdomain
    'https://evil.com/bps.go.id',
    'https://bps.go.id@evil.com/',
    'https://user:pw@bps.go.id/',
    'https://bps.go.id:8443/',
    'https://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://bps.go.id/share',
    'ms-msdt:/id PCWDiagnostic',
    `https://bps.go.id/${'a'.repeat(3000)}`,
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('refuses non-strings', () => expect(isAllowedExternalUrl(42)).toBe(false));
});

describe('navigation decisions', () => {
  it('keeps the window on our app, hands allowed links to the browser, refuses the rest', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html`)).toBe('allow');
    expect(decideNavigation('https://muaraenimkab.bps.go.id/')).toBe('open-external');
    expect(decideNavigation('https://example.com/')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('http://127.0.0.1:4000/')).toBe('deny');
  });

  it('never opens a new window, not even for our own origin', () => {
    expect(decideWindowOpen(`${APP_ORIGIN}/index.html`)).toBe('deny');
    expect(decideWindowOpen('https://example.com/')).toBe('deny');
    expect(decideWindowOpen('about:blank')).toBe('deny');
    expect(decideWindowOpen('https://bps.go.id/')).toBe('open-external');
  });
});
