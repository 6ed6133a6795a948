/**
 * The browser host transport: the credential model (launch token → session secret in a header, no
 * cookie), Host/Origin checks, body limits, validation, static files.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/host/http.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import { tempDir } from '../helpers/files.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let host: HttpHost;
let services: Services;
const token = 'test-token-0123456789abcdef';
/** A session secret the launch token was traded for (beforeAll). */
let session: string;

function request(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; port?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: opts.port ?? host.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** What the page does once per tab: POST /api/session with the launch token. */
async function exchange(launch: string = token, headers: Record<string, string> = {}): Promise<Reply> {
  return request('/api/session', { method: 'POST', headers: { authorization: `Bearer ${launch}`, ...headers } });
}

async function newSession(): Promise<string> {
  const reply = await exchange();
  expect(reply.status).toBe(200);
  const body = JSON.parse(reply.body) as { ok: true; value: { session: string } };
  return body.value.session;
}

const auth = () => ({ authorization: `Bearer ${session}`, 'content-type': 'application/json' });
const api = (method: string, input: unknown, headers: Record<string, string> = auth()) =>
  request(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });

beforeAll(async () => {
  const dir = tempDir();
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><meta name="workbench-style-nonce" content="${NONCE_PLACEHOLDER}"><p>app</p>`);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  services = createServices({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: '0.0.0-test' });
  await services.dispatch('workbook.openDemo', {});
  host = await startHttpHost({ dispatch: services.dispatch, staticDir, token, port: 0, maxBodyBytes: 4096 });
  session = await newSession();
});

afterAll(async () => {
  await host.close();
  await services.close();
});

describe('browser host: who may call', () => {
  it('prints a loopback URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('answers 401 and no data to an API call without a session secret', async () => {
    const none = await api('workbook.values', {}, { 'content-type': 'application/json' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(none.body).not.toContain('12.32');

    const wrong = await api('workbook.values', {}, { authorization: 'Bearer nope', 'content-type': 'application/json' });
    expect(wrong.status).toBe(401);
    const empty = await api('workbook.values', {}, { authorization: 'Bearer ', 'content-type': 'application/json' });
    expect(empty.status).toBe(401);
    const basic = await api('workbook.values', {}, { authorization: `Basic ${session}`, 'content-type': 'application/json' });
    expect(basic.status).toBe(401);
  });

  it('the launch token opens only the exchange, never the API itself', async () => {
    const reply = await api('workbook.values', {}, { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).message).toMatch(/POST \/api\/session/);
    expect(reply.body).not.toContain('12.32');
  });

  it('trades the launch token for a fresh session secret per call; a wrong or missing token gets 401', async () => {
    const first = await exchange();
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const a = (JSON.parse(first.body) as { value: { session: string } }).value.session;
    const b = await newSession();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
    expect(a).not.toBe(token);
    for (const s of [a, b]) {
      const call = await api('workbook.current', {}, { authorization: `Bearer ${s}`, 'content-type': 'application/json' });
      expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: { plan: { region: 'Kabupaten Muara Enim' } } });
    }

    expect((await exchange('wrong')).status).toBe(401);
    expect((await exchange(a)).status).toBe(401); // a session cannot mint sessions
    expect((await request('/api/session', { method: 'POST' })).status).toBe(401);
    expect((await request('/api/session', { headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
    // The exchange is the page's own: another origin is refused even with the token.
    expect((await exchange(token, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('no response sets a cookie, and no cookie opens the API', async () => {
    const replies = [
      await request(`/?token=${token}`),
      await request('/'),
      await request('/assets/app.js'),
      await exchange(),
      await exchange('wrong'),
      await api('workbook.current', {}),
      await api('workbook.current', {}, { 'content-type': 'application/json' }),
    ];
    for (const reply of replies) expect(reply.headers['set-cookie']).toBeUndefined();

    // What the old host set (wb_token_<port>=<token>), or a session in any cookie: 401.
    for (const cookie of [`wb_token_${host.port}=${token}`, `wb_token_${host.port}=${session}`, `session=${session}`]) {
      const reply = await api('workbook.values', {}, { cookie, 'content-type': 'application/json' });
      expect(reply.status, cookie).toBe(401);
      expect(reply.body).not.toContain('12.32');
    }
  });

  it('keeps a bounded number of sessions, dropping the oldest', async () => {
    const small = await startHttpHost({ dispatch: services.dispatch, staticDir: path.join(tempDir(), 'none'), token, port: 0, maxSessions: 2 });
    try {
      const open = async () => {
        const reply = await request('/api/session', { method: 'POST', headers: { authorization: `Bearer ${token}` }, port: small.port });
        return (JSON.parse(reply.body) as { value: { session: string } }).value.session;
      };
      const call = async (s: string) =>
        (await request('/api/app.info', { method: 'POST', headers: { authorization: `Bearer ${s}`, 'content-type': 'application/json' }, body: '{}', port: small.port })).status;
      const [s1, s2, s3] = [await open(), await open(), await open()];
      expect(await call(s1)).toBe(401);
      expect(await call(s2)).toBe(200);
      expect(await call(s3)).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('serves the static shell without a credential (it holds no data), under the CSP with the nonce', async () => {
    const page = await request(`/?token=${token}`);
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toContain(`content="${nonce}"`);
    expect(page.body).not.toContain(NONCE_PLACEHOLDER);
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const script = await request('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    // …and still only to our own Host (DNS rebinding) and Origin.
    expect((await request('/', { headers: { host: `evil.example:${host.port}` } })).status).toBe(403);
    expect((await request('/assets/app.js', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('refuses another Origin with 403 even with the token', async () => {
    const reply = await api('workbook.values', {}, { ...auth(), origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('12.32');
    const nullOrigin = await api('workbook.values', {}, { ...auth(), origin: 'null' });
    expect(nullOrigin.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const reply = await api('workbook.values', {}, { ...auth(), host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const reply = await api('workbook.current', {}, { ...auth(), origin: `http://127.0.0.1:${host.port}` });
    expect(reply.status).toBe(200);
  });
});

describe('browser host: what is accepted', () => {
  it('answers a valid call with the Result', async () => {
    const reply = await api('workbook.values', { series: ['realisation'] });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: true; value: { value: number; series: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.map((v) => v.value)).toContain(12.32);
    expect(new Set(result.value.map((v) => v.series))).toEqual(new Set(['realisation']));
  });

  it('bad input → 400 naming the field', async () => {
    const reply = await api('workbook.values', { series: ['realisation', 'rumor'] });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'bad_input', field: 'series.1' });

    const extra = await api('workbook.open', { path: '/tmp/x', mode: 'rw' });
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.body).message).toMatch(/workbook\.open/);

    const missing = await api('workbook.open', {});
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'bad_input', field: 'path' });
  });

  it('malformed JSON → 400; wrong content type → 415; GET on the API → 405; unknown method → 404', async () => {
    const bad = await request('/api/workbook.current', { method: 'POST', headers: auth(), body: '{"a":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'bad_input', message: 'Request body is not valid JSON' });

    const form = await request('/api/workbook.current', { method: 'POST', headers: { ...auth(), 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);

    expect((await request('/api/workbook.current', { headers: auth() })).status).toBe(405);

    const unknown = await api('workbook.drop', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'unknown_method' });
    const proto = await api('__proto__', {});
    expect(JSON.parse(proto.body)).toMatchObject({ code: 'unknown_method' });
  });

  it('caps the body size with 413', async () => {
    const reply = await request('/api/workbook.open', { method: 'POST', headers: auth(), body: JSON.stringify({ path: 'x'.repeat(5000) }) });
    expect(reply.status).toBe(413);
  });

  it('serves nothing outside the renderer folder', async () => {
    // Dot segments are normalised by the URL parser (→ /secret.txt inside the folder: 404);
    // encoded separators are refused outright by the shared resolver (static-files.test.ts).
    const cases: [string, number][] = [
      ['/../secret.txt', 404],
      ['/%2e%2e/secret.txt', 404],
      ['/assets/../../secret.txt', 404],
      ['/%2e%2e%2fsecret.txt', 400],
      ['/..%5csecret.txt', 400],
    ];
    for (const [p, status] of cases) {
      const reply = await request(p, { headers: auth() });
      expect(reply.status, p).toBe(status);
      expect(reply.body).not.toContain('not for the browser');
    }
  });

  it('answers HEAD with the headers of the file and no body', async () => {
    const reply = await request('/assets/app.js', { method: 'HEAD', headers: auth() });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String('console.log(1)'.length));
    expect(reply.headers['content-security-policy']).toMatch(/'nonce-/);
    expect(reply.body).toBe('');
  });

  it('a refused open travels as a Result and keeps the open workbook', async () => {
    const reply = await api('workbook.open', { path: path.join(tempDir(), 'missing.rpjmd') });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'not_found' });
    const current = JSON.parse((await api('workbook.current', {})).body);
    expect(current.value.plan.region).toBe('Kabupaten Muara Enim');
  });
});
