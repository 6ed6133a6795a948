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

/** Browser host: POST api/<method> with a JSON body; the HttpOnly cookie carries the token. */
export const httpTransport: Transport = async (method: Method, input: unknown) => {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
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

export function createApi(): ApiClient {
  const preload = window.workbench;
  return createClient(preload ? electronTransport(preload) : httpTransport);
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
