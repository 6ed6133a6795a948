/** The typed client: one generic `call` over whichever transport the host provides. */
import type { Input, Method, Output } from './contract.js';
import type { Result } from './result.js';

/** A transport sends one call and answers with its Result (it never throws for API errors). */
export type Transport = (method: Method, input: unknown) => Promise<Result<unknown>>;

export interface ApiClient {
  call<M extends Method>(method: M, ...input: {} extends Input<M> ? [Input<M>?] : [Input<M>]): Promise<Result<Output<M>>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call(method, ...rest) {
      return transport(method, rest[0] ?? {}) as never;
    },
  };
}

/** IPC channel name shared by main and preload. */
export const IPC_CHANNEL = 'workbench:invoke';
/** Channel on which main tells the renderer a menu command was chosen. */
export const MENU_CHANNEL = 'workbench:menu';

/** Channel on which the renderer tells main its UI language, so menus and dialogs follow it. */
export const LANGUAGE_CHANNEL = 'workbench:ui-language';
export const UI_LANGUAGES = ['id', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Commands main sends the renderer: the workbook changed (reload), show About, and the Sunting menu's Urungkan / Ulangi. */
export const MENU_COMMANDS = ['workbook-changed', 'about', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What preload exposes on `window.workbench`. */
export interface PreloadApi {
  invoke(method: Method, input: unknown): Promise<Result<unknown>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The renderer's language switch: main rebuilds its menu and words its dialogs in it. */
  setUiLanguage(lang: UiLanguage): void;
}
