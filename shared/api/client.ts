/** The typed client: one generic `call` over whichever transport the host provides. */
import type { AnnexExportResult, AnnexFormat } from '../annex.js';
import type { ProvinceExportResult } from '../province.js';
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

/** Commands main sends the renderer: the workbook changed (reload), show About, the Sunting menu's Urungkan / Ulangi, and Berkas → Ekspor Lampiran (open the Ekspor view). */
export const MENU_COMMANDS = ['workbook-changed', 'about', 'undo', 'redo', 'export-annex'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Channel on which the renderer asks main to save the annex (Electron): main shows the Save
 * dialog, then calls annex.export with the chosen path (shell/annex-dialogs.ts). The renderer
 * never names a path; a cancelled dialog answers `{ ok: true, value: null }`.
 */
export const ANNEX_SAVE_CHANNEL = 'workbench:annex-save';
export type AnnexSaveInput = Omit<Input<'annex.export'>, 'path' | 'overwrite' | 'format'> & { format: AnnexFormat };

/**
 * Channels of the province view (Electron): main's folder dialog (the chosen folder is granted for
 * the province.* calls and handed back; null when cancelled), and the consolidated table through
 * main's Save dialog, as ANNEX_SAVE_CHANNEL (shell/province-dialogs.ts).
 */
export const PROVINCE_FOLDER_CHANNEL = 'workbench:province-folder';
export const PROVINCE_SAVE_CHANNEL = 'workbench:province-save';
export type ProvinceSaveInput = Omit<Input<'province.export'>, 'path' | 'overwrite' | 'format'> & { format: AnnexFormat };

/** What preload exposes on `window.workbench`. */
export interface PreloadApi {
  invoke(method: Method, input: unknown): Promise<Result<unknown>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The renderer's language switch: main rebuilds its menu and words its dialogs in it. */
  setUiLanguage(lang: UiLanguage): void;
  /** The annex through main's Save dialog (xlsx or PDF); null when the planner cancelled. */
  saveAnnex(input: AnnexSaveInput): Promise<Result<AnnexExportResult | null>>;
  /** The province view's folder, chosen in main's dialog; null when cancelled. */
  chooseProvinceFolder(): Promise<Result<string | null>>;
  /** The province's consolidated table through main's Save dialog; null when cancelled. */
  saveProvince(input: ProvinceSaveInput): Promise<Result<ProvinceExportResult | null>>;
}
