/**
 * The Provinsi view's dialogs in the desktop app. The page never names a path: it asks main for
 * a folder (PROVINCE_FOLDER_CHANNEL), main shows its folder dialog and grants the chosen folder
 * for the province.* calls (shell/path-policy.ts: their `folder` must be granted by a dialog),
 * then hands it back for the page to read. The consolidated table is saved like the annex
 * (PROVINCE_SAVE_CHANNEL): main's Save dialog, then province.export with the chosen file.
 */
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import type { AnnexFormat } from '../../shared/annex.js';
import type { Method } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';
import { annexFilters, withAnnexExtension } from './annex-files.js';
import { provinceDefaultName } from './province-files.js';
import type { MenuLanguage } from './menu-template.js';
import type { PathGrants } from './path-policy.js';

export interface ProvinceDialogDeps {
  window: () => BrowserWindow | null;
  call: (method: Method, input: unknown) => Promise<Result<unknown>>;
  lang: () => MenuLanguage;
  grants: PathGrants;
}

const WORDS = {
  id: { folder: 'Pilih folder buku kerja kabupaten/kota', read: 'Baca folder', save: 'Simpan tabel konsolidasi provinsi' },
  en: { folder: 'Choose the folder of regency and city workbooks', read: 'Read folder', save: "Save the province's consolidated table" },
} as const;

/** What the page may send to save: the folder it was granted, the format, the file language; no path. */
function isSaveInput(input: unknown): input is { folder: string; format: AnnexFormat; language?: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const r = input as Record<string, unknown>;
  return typeof r.folder === 'string' && (r.format === 'pdf' || r.format === 'xlsx') && !('path' in r) && !('overwrite' in r);
}

export function createProvinceDialogs(deps: ProvinceDialogDeps) {
  let busy = false;
  return {
    /** The folder dialog; the chosen folder is granted and returned, null when cancelled. */
    async chooseFolder(): Promise<Result<string | null>> {
      if (busy) return { ok: true, value: null };
      busy = true;
      try {
        const win = deps.window();
        const words = WORDS[deps.lang()];
        const options = { title: words.folder, buttonLabel: words.read, properties: ['openDirectory' as const] };
        const chosen = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
        const folder = chosen.canceled ? undefined : chosen.filePaths[0];
        if (!folder) return { ok: true, value: null };
        deps.grants.grant(folder);
        return { ok: true, value: folder };
      } finally {
        busy = false;
      }
    },

    /** Save dialog, then province.export; `{ ok: true, value: null }` when cancelled. */
    async save(input: unknown): Promise<Result<unknown>> {
      if (!isSaveInput(input)) return failure('bad_input', 'The province save request must name its folder and format (xlsx or pdf) and no path');
      if (!deps.grants.has(input.folder)) {
        return failure('forbidden', 'This folder was not chosen in a dialog of this app', { params: { reason: 'path_not_chosen' } });
      }
      if (busy) return { ok: true, value: null };
      busy = true;
      const win = deps.window();
      try {
        const lang = deps.lang();
        const fileLang = input.language === 'en' ? 'en' : 'id';
        const defaultPath = path.join(app.getPath('documents'), provinceDefaultName(input.folder, fileLang, input.format));
        const options = { title: WORDS[lang].save, defaultPath, filters: annexFilters(input.format, lang), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
        if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
        win?.setProgressBar(2);
        try {
          return await deps.call('province.export', { ...input, path: withAnnexExtension(chosen.filePath, input.format), overwrite: true });
        } finally {
          if (win && !win.isDestroyed()) win.setProgressBar(-1);
        }
      } finally {
        busy = false;
      }
    },
  };
}
