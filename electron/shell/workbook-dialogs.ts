/**
 * The Berkas menu's file actions: native Open / Save dialogs, then the same API methods the
 * renderer uses, then a 'workbook-changed' notice so the renderer reloads what it shows.
 * Failures (a refused file, an existing target) are shown in a message box with the service's reason.
 */
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../../shared/api/client.js';
import type { Method } from '../../shared/api/contract.js';
import type { Failure, Result } from '../../shared/api/result.js';
import type { WorkbookSummary } from '../../shared/domain.js';
import { openFilters, saveFilters, withWorkbookExtension } from './file-dialogs.js';
import type { MenuLanguage } from './menu-template.js';

export interface WorkbookDialogDeps {
  window: () => BrowserWindow | null;
  call: (method: Method, input: unknown) => Promise<Result<unknown>>;
  notify: (command: MenuCommand) => void;
  /** The current UI language (the renderer's switch can change it at any time). */
  lang: () => MenuLanguage;
}

const TEXT = {
  id: {
    newTitle: 'Buku kerja baru',
    newName: 'Buku kerja baru.rpjmd',
    openTitle: 'Buka buku kerja',
    saveAsTitle: 'Simpan buku kerja sebagai',
    failed: 'Perintah tidak dapat dijalankan',
    noWorkbook: 'Tidak ada buku kerja yang terbuka.',
    locked: 'Buku kerja ini sedang dibuka di jendela atau proses lain',
    openReadOnly: 'Buka hanya-baca',
    cancel: 'Batal',
  },
  en: {
    newTitle: 'New workbook',
    newName: 'New workbook.rpjmd',
    openTitle: 'Open workbook',
    saveAsTitle: 'Save workbook as',
    failed: 'The command could not be completed',
    noWorkbook: 'No workbook is open.',
    locked: 'This workbook is open in another window or process',
    openReadOnly: 'Open read-only',
    cancel: 'Cancel',
  },
} as const;

export function createWorkbookDialogs(deps: WorkbookDialogDeps) {
  // Read at each use: the words follow the language switch.
  const text = () => TEXT[deps.lang()];
  let busy = false; // one dialog at a time: a second Ctrl+O while a dialog is up does nothing

  const showFailure = async (failure: Pick<Failure, 'message'>) => {
    // At startup the window is still hidden; a box parented to it would be invisible.
    const win = deps.window();
    const parent = win && win.isVisible() ? win : null;
    const options = { type: 'error' as const, title: text().failed, message: text().failed, detail: failure.message };
    await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  };

  const run = async (method: Method, input: unknown) => {
    const result = await deps.call(method, input);
    if (result.ok) deps.notify('workbook-changed');
    else await showFailure(result);
  };

  /**
   * Opens a file; when another window or process has it, says so and offers a read-only open
   * (never a second writer).
   */
  const openFile = async (file: string): Promise<boolean> => {
    const result = await deps.call('workbook.open', { path: file });
    if (result.ok) {
      deps.notify('workbook-changed');
      return true;
    }
    if (result.code !== 'locked') {
      await showFailure(result);
      return false;
    }
    const win = deps.window();
    const options = {
      type: 'warning' as const,
      title: text().locked,
      message: text().locked,
      detail: result.message,
      buttons: [text().openReadOnly, text().cancel],
      defaultId: 0,
      cancelId: 1,
    };
    const choice = await (win && win.isVisible() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    if (choice.response !== 0) return false;
    const readOnly = await deps.call('workbook.open', { path: file, readOnly: true });
    if (readOnly.ok) deps.notify('workbook-changed');
    else await showFailure(readOnly);
    return readOnly.ok;
  };

  const exclusive = (fn: () => Promise<void>) => async () => {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch (err) {
      await showFailure({ message: err instanceof Error ? err.message : String(err) });
    } finally {
      busy = false;
    }
  };

  const saveDialog = async (title: string, defaultPath: string) => {
    const win = deps.window();
    const options = { title, defaultPath, filters: saveFilters(deps.lang()), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const r = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
    return r.canceled || !r.filePath ? null : withWorkbookExtension(r.filePath);
  };

  return {
    newWorkbook: exclusive(async () => {
      const file = await saveDialog(text().newTitle, path.join(app.getPath('documents'), text().newName));
      if (file) await run('workbook.create', { path: file });
    }),
    openWorkbook: exclusive(async () => {
      const win = deps.window();
      const options = { title: text().openTitle, filters: openFilters(deps.lang()), properties: ['openFile' as const] };
      const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      const file = r.canceled ? undefined : r.filePaths[0];
      if (file) await openFile(file);
    }),
    saveAs: exclusive(async () => {
      const current = await deps.call('workbook.current', {});
      const summary = current.ok ? (current.value as WorkbookSummary | null) : null;
      if (!summary) {
        await showFailure({ message: text().noWorkbook });
        return;
      }
      const file = await saveDialog(text().saveAsTitle, summary.path);
      // The OS dialog has already asked before replacing an existing file.
      if (file) await run('workbook.saveAs', { path: file, overwrite: true });
    }),
    closeWorkbook: exclusive(async () => {
      await run('workbook.close', {});
    }),
    /** Opens a file named on a command line (second instance, macOS open-file); errors shown like menu errors. */
    openPath: openFile,
    showFailure,
  };
}
