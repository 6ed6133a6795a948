/**
 * Transport 2: the browser host. The same services behind an HTTP server on loopback, with a
 * random per-launch token, Host and Origin checks (DNS rebinding, cross-site requests), JSON
 * bodies with a size cap, and the built renderer served under the strict CSP.
 *
 * Credentials — no cookie carries one (cookies are not port-scoped: a browser would send ours to
 * every other server on 127.0.0.1):
 * - The printed URL, `/?token=T`, carries the launch token. The static files (the built
 *   renderer, no data in them) are served without a credential.
 * - The page takes T out of the address bar and trades it for a session secret of its own:
 *   `POST /api/session` with `Authorization: Bearer T` answers `{ ok: true, value: { session } }`.
 *   The launch token opens that exchange and nothing else; it stays valid while the host runs,
 *   so another tab opens the printed URL again and gets its own session.
 * - Every other `/api/*` call needs `Authorization: Bearer <session>`. The page keeps the session
 *   in sessionStorage (per origin, so per port, and per tab): a reload keeps it, another local
 *   server can neither read it nor receive it. No response sets a cookie.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { ErrorCode, Failure, Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';
import type { StaticRefusal, StaticSite } from './static-files.js';
import { serveStatic } from './static-files.js';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_SESSIONS = 256;
/** Where the page trades the launch token for its session secret (not a contract method: those are dotted). */
export const SESSION_PATH = '/api/session';

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  token: string;
  /** Interface to bind: 127.0.0.1 unless the user asked otherwise with --listen. */
  hostname?: string;
  port?: number;
  maxBodyBytes?: number;
  /** Browser sessions kept at once (one per tab that opened the printed URL); the oldest goes first. */
  maxSessions?: number;
}

export interface HttpHost {
  server: http.Server;
  port: number;
  /** The URL to open, token included. */
  url: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_input: 400,
  unknown_method: 404,
  not_found: 404,
  no_workbook: 409,
  already_exists: 409,
  refused_not_workbook: 422,
  refused_foreign: 422,
  refused_newer: 422,
  refused_corrupt: 422,
  io_error: 500,
  blocked: 409,
  refused_file: 422,
  stale: 409,
  locked: 409,
  read_only: 409,
  frozen: 409,
  unauthorized: 401,
  forbidden: 403,
  timeout: 503,
  too_large: 500,
  internal: 500,
};

/** How a static-file refusal travels as an API-style failure body. */
const CODE_BY_STATIC_STATUS: Record<StaticRefusal['status'], ErrorCode> = {
  400: 'bad_input',
  403: 'forbidden',
  404: 'not_found',
  405: 'bad_input',
  500: 'internal',
};

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The secret of an `Authorization: Bearer <secret>` header, if the request has one. */
function bearer(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (!auth || !/^Bearer /i.test(auth)) return undefined;
  const secret = auth.slice(7).trim();
  return secret === '' ? undefined : secret;
}

/** Sessions are kept by digest: a lookup's timing depends on the digest, never on the secret. */
function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Host names a request may address us by: loopback names, or the interface asked for. */
function allowedHosts(hostname: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (hostname !== '127.0.0.1') names.add(hostname.includes(':') ? `[${hostname}]` : hostname);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxSessions = Math.max(1, opts.maxSessions ?? MAX_SESSIONS);
  /** Digests of the live session secrets, oldest first. */
  const sessions = new Set<string>();
  // The built renderer, served by the resolver the app:// protocol shares (static-files.ts).
  const site: StaticSite = { rootDir: path.resolve(opts.staticDir), styleNonce: crypto.randomBytes(18).toString('base64') };
  let hosts = new Set<string>();

  function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: http.OutgoingHttpHeaders = {}) {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  }

  function sendResult(res: http.ServerResponse, result: Result<unknown>) {
    const status = result.ok ? 200 : STATUS_BY_CODE[result.code];
    send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  function refuse(res: http.ServerResponse, status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 500, code: ErrorCode, message: string) {
    const body: Failure = failure(code, message);
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
  }

  /** The page's one use of the launch token: a fresh session secret, returned once, kept only as a digest. */
  function openSession(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST') return refuse(res, 405, 'bad_input', 'A session is opened with POST');
    const launch = bearer(req);
    if (launch === undefined || !sameSecret(launch, opts.token)) {
      return refuse(res, 401, 'unauthorized', 'Wrong or missing launch token: open the address the host printed');
    }
    const session = crypto.randomBytes(32).toString('base64url');
    sessions.add(digest(session));
    for (const oldest of sessions) {
      if (sessions.size <= maxSessions) break;
      sessions.delete(oldest);
    }
    sendResult(res, { ok: true, value: { session } });
  }

  /** Why an API call is refused, or undefined when it carries a live session secret. */
  function unauthorised(req: http.IncomingMessage): string | undefined {
    const secret = bearer(req);
    if (secret !== undefined && sessions.has(digest(secret))) return undefined;
    if (secret !== undefined && sameSecret(secret, opts.token)) {
      return `The launch token opens only POST ${SESSION_PATH}; send the session it returns as the Bearer token`;
    }
    return 'Wrong or missing session: open the address the host printed';
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return 'too-large';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBody) return 'too-large';
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return refuse(res, 405, 'bad_input', 'API calls use POST');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, 415, 'bad_input', 'API calls send application/json');
    const body = await readBody(req);
    if (body === 'too-large') {
      refuse(res, 413, 'bad_input', `Request body is larger than ${maxBody} bytes`);
      req.destroy();
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendResult(res, failure('bad_input', 'Request body is not valid JSON'));
      }
    }
    sendResult(res, await opts.dispatch(method, input));
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, rawPathname: string) {
    const result = await serveStatic(site, req.method ?? 'GET', rawPathname);
    if (result.kind === 'refuse') {
      if (result.reason === 'read-error') console.error(`[http] could not read ${rawPathname}:`, result.detail);
      const message = result.status === 404 ? 'Not found' : result.status === 405 ? 'Only GET here' : `Refused (${result.reason})`;
      return refuse(res, result.status, CODE_BY_STATIC_STATUS[result.status], message);
    }
    // For HEAD, Node sends the headers (Content-Length of the whole file) and drops the body.
    send(res, result.status, result.body, result.headers['Content-Type'], result.headers);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return refuse(res, 403, 'forbidden', 'Unexpected Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
      return refuse(res, 403, 'forbidden', 'Cross-origin requests are refused');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      return refuse(res, 404, 'not_found', 'Not found');
    }
    // Still percent-encoded: the static resolver decodes it itself, after its own checks.
    const pathname = url.pathname;
    if (pathname === SESSION_PATH) return openSession(req, res);
    if (pathname.startsWith('/api/')) {
      const refusal = unauthorised(req);
      if (refusal !== undefined) return refuse(res, 401, 'unauthorized', refusal);
      let method: string;
      try {
        method = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        return refuse(res, 404, 'not_found', 'Not found');
      }
      return handleApi(req, res, method);
    }
    // The renderer's files hold no data: no credential needed (the page's query, e.g. the
    // launch token, is not the resolver's business).
    return handleStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[http] request failed:', err);
      if (!res.headersSent) sendResult(res, failure('internal', 'Internal error'));
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(hostname, port);
  const shownHost = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}/?token=${opts.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
