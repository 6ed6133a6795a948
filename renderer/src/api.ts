/**
 * The renderer's one way to the services: the typed client from shared/api over whichever
 * transport the host provides — preload's `invoke` in Electron, same-origin HTTP in the browser.
 */
import { createClient, type ApiClient, type MenuCommand, type PreloadApi, type Transport } from '../../shared/api/client.js';
import type { Method } from '../../shared/api/contract.js';
import { ERROR_CODES, failure, type Result } from '../../shared/api/result.js';
import { NONCE_META, NONCE_PLACEHOLDER } from '../../shared/security/csp.js';

declare global {
  interface Window {
    /** Present only in Electron, exposed by preload through contextBridge. */
    workbench?: PreloadApi;
  }
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const r = body as Record<string, unknown>;
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.message === 'string' &&
    typeof r.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(r.code)
  );
}

/**
 * The browser host's credential model (electron/host/http.ts, docs/SECURITY.md): no cookie. The
 * printed address carries the launch token (`?token=…`); the page takes it out of the address
 * bar at once and trades it for a session secret of its own, kept in sessionStorage — per origin
 * (so per port: another server on 127.0.0.1 cannot read it) and per tab, surviving a reload —
 * and sent as `Authorization: Bearer …` on every call.
 */
export const SESSION_STORAGE_KEY = 'workbench.session';
const LAUNCH_TOKEN_PARAM = 'token';

function storedSession(): string | null {
  try {
    return window.sessionStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null; // storage disabled: this page load has no session
  }
}

/** Removes the launch token from the address bar (the history entry is replaced) and returns it. */
function takeLaunchToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get(LAUNCH_TOKEN_PARAM);
  if (token === null) return null;
  url.searchParams.delete(LAUNCH_TOKEN_PARAM);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}

async function openSession(): Promise<string | null> {
  const launch = takeLaunchToken();
  if (launch === null || launch === '') return storedSession(); // a reload: this tab's session
  try {
    const response = await fetch('api/session', {
      method: 'POST',
      headers: { authorization: `Bearer ${launch}` },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const body = (await response.json()) as unknown;
    if (isResult(body) && body.ok) {
      const session = (body.value as { session?: unknown } | null)?.session;
      if (typeof session === 'string' && session !== '') {
        try {
          window.sessionStorage.setItem(SESSION_STORAGE_KEY, session);
        } catch {
          // storage disabled: the session lasts as long as this page
        }
        return session;
      }
    }
  } catch {
    // the host is gone or answered nonsense: calls will say so
  }
  // A token from an earlier launch: keep what this tab had (none: calls answer 401).
  return storedSession();
}

let session: Promise<string | null> | undefined;

/**
 * Starts the browser host's session once per page: main.tsx calls it before the first render so
 * the launch token leaves the address bar at once; every call waits for it. Electron: nothing.
 */
export function startSession(): void {
  if (!window.workbench) session ??= openSession();
}

/** Browser host: POST api/<method> with a JSON body and this tab's session secret; no cookies. */
export const httpTransport: Transport = async (method: Method, input: unknown) => {
  session ??= openSession();
  const secret = await session;
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    return failure('io_error', e instanceof Error ? e.message : String(e));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('io_error', `HTTP ${response.status} ${response.statusText}`.trim());
  }
  return isResult(body) ? body : failure('io_error', `HTTP ${response.status}: unexpected response`);
};

function electronTransport(api: PreloadApi): Transport {
  return async (method, input) => {
    try {
      return await api.invoke(method, input);
    } catch (e) {
      return failure('io_error', e instanceof Error ? e.message : String(e));
    }
  };
}

/** The client over this host's transport; `wrap` may put something in front of every call (the profile gate). */
export function createApi(wrap: (transport: Transport) => Transport = (transport) => transport): ApiClient {
  const preload = window.workbench;
  return createClient(wrap(preload ? electronTransport(preload) : httpTransport));
}

/** Menu commands from Electron's menu; the browser host has none. Returns an unsubscribe. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.workbench?.onMenuCommand(listener) ?? (() => {});
}

/**
 * The per-launch CSP nonce for style elements (AG Grid's injected theme CSS). Undefined when the
 * page was not served by one of our hosts (the placeholder was not replaced).
 */
export function styleNonce(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${NONCE_META}"]`)?.content;
  return content && content !== NONCE_PLACEHOLDER ? content : undefined;
}
