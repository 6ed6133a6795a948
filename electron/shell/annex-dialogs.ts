/**
 * The annex saved from the desktop app: the Ekspor view's xlsx and PDF buttons ask main
 * (ANNEX_SAVE_CHANNEL) instead of downloading. Main shows the Save dialog — the renderer never
 * names a path — shows the taskbar's busy bar while the annex is built, and calls annex.export
 * with the chosen file (the OS dialog has already asked before replacing one; the service still
 * replaces only an annex this app wrote).
 */
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import type { AnnexFormat } from '../../shared/annex.js';
import type { Method } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';
import type { WorkbookSummary } from '../../shared/domain.js';
import { annexDefaultName, annexFilters, withAnnexExtension } from './annex-files.js';
import type { MenuLanguage } from './menu-template.js';

export interface AnnexDialogDeps {
  window: () => BrowserWindow | null;
  call: (method: Method, input: unknown) => Promise<Result<unknown>>;
  lang: () => MenuLanguage;
}

const TITLE = { id: 'Simpan lampiran', en: 'Save the annex' } as const;

/** What the renderer may send: the annex options of annex.export without a path; dispatch validates the rest. */
function isSaveInput(input: unknown): input is Record<string, unknown> & { format: AnnexFormat } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const r = input as Record<string, unknown>;
  return (r.format === 'pdf' || r.format === 'xlsx') && !('path' in r) && !('overwrite' in r);
}

export function createAnnexDialogs(deps: AnnexDialogDeps) {
  let busy = false;
  return {
    /** Save dialog, then annex.export; `{ ok: true, value: null }` when cancelled (or a dialog is already up). */
    async save(input: unknown): Promise<Result<unknown>> {
      if (!isSaveInput(input)) return failure('bad_input', 'The annex save request must name its format (xlsx or pdf) and no path');
      if (busy) return { ok: true, value: null };
      busy = true;
      const win = deps.window();
      try {
        const current = await deps.call('workbook.current', {});
        const summary = current.ok ? (current.value as WorkbookSummary | null) : null;
        if (!summary) return failure('no_workbook', 'No workbook is open');
        const lang = deps.lang();
        const annexLang = input.language === 'en' ? 'en' : 'id';
        const defaultPath = path.join(app.getPath('documents'), annexDefaultName(summary.plan, annexLang, input.format));
        const options = { title: TITLE[lang], defaultPath, filters: annexFilters(input.format, lang), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
        if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
        // The annex takes seconds at province scale: the taskbar shows it is being built.
        win?.setProgressBar(2);
        try {
          return await deps.call('annex.export', { ...input, path: withAnnexExtension(chosen.filePath, input.format), overwrite: true });
        } finally {
          if (win && !win.isDestroyed()) win.setProgressBar(-1);
        }
      } finally {
        busy = false;
      }
    },
  };
}
