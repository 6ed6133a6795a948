/**
 * Closing or reloading the window with an edit in progress asks first (#15 item 10). The page's
 * beforeunload handler (renderer/src/unsaved-guard.ts) cancels the unload when an edit would be
 * lost; Electron then cancels the close and emits 'will-prevent-unload', where main asks the
 * planner in the UI language: leave (the edit is lost) or stay. Leaving is `preventDefault()` on
 * that event, which lets the unload go on.
 */
import { dialog, type BrowserWindow, type MessageBoxSyncOptions } from 'electron';
import type { MenuLanguage } from './menu-template.js';

const TEXT = {
  id: {
    title: 'Perubahan belum disimpan',
    message: 'Ada isian yang sedang diubah dan belum disimpan.',
    detail: 'Jika jendela ditutup sekarang, isian itu hilang. Perubahan yang sudah disimpan tetap ada di buku kerja.',
    leave: 'Tutup tanpa menyimpan',
    stay: 'Tetap di sini',
  },
  en: {
    title: 'Unsaved changes',
    message: 'An entry is being edited and is not saved yet.',
    detail: 'If the window closes now, that entry is lost. Changes already saved stay in the workbook.',
    leave: 'Close without saving',
    stay: 'Stay',
  },
} as const;

/** Index of the leave button in unloadQuestion's buttons. */
export const LEAVE = 0;

/** The question, in the UI language: leave (index LEAVE) or stay (the default and the Escape answer). */
export function unloadQuestion(lang: MenuLanguage): MessageBoxSyncOptions {
  const text = TEXT[lang];
  return { type: 'question', title: text.title, message: text.message, detail: text.detail, buttons: [text.leave, text.stay], defaultId: 1, cancelId: 1, noLink: true };
}

/** Asks before the window's page unloads while it says an edit is in progress. */
export function guardUnload(win: BrowserWindow, lang: () => MenuLanguage): void {
  win.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(win, unloadQuestion(lang())) === LEAVE) event.preventDefault();
  });
}
