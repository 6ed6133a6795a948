/**
 * The application menu as data: Berkas (Baru, Buka, Simpan Sebagai, Ekspor Lampiran, Tutup, Keluar), Sunting
 * (Urungkan, Ulangi, Potong, Salin, Tempel, Pilih Semua) and Bantuan (Tentang). Pure, so the
 * labels and the command wiring are unit-tested; menu.ts turns it into an Electron Menu. The
 * shape is a subset of Electron's MenuItemConstructorOptions.
 */
import type { MenuCommand } from '../../shared/api/client.js';

export type MenuLanguage = 'id' | 'en';

/** What a menu item asks main to do. */
export type MenuAction = 'new' | 'open' | 'save-as' | 'close' | 'about';

/** Electron's own roles: quit, and the clipboard roles that act on the focused page (its copy/paste events). */
export type MenuRole = 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll';

/**
 * Commands the menu sends straight to the renderer of the window it was used in (MENU_CHANNEL):
 * the renderer decides what Urungkan means there — the text editor's own undo while one is
 * active, otherwise the workbook's undo history (history.undo / history.redo). Ekspor Lampiran
 * opens the Ekspor view, where the annex's scenario, language, paper and signer are chosen; its
 * xlsx and PDF buttons then ask main for a file name (shell/annex-dialogs.ts).
 */
export type RendererCommand = Extract<MenuCommand, 'undo' | 'redo' | 'export-annex'>;

export interface MenuItemSpec {
  label?: string;
  accelerator?: string;
  role?: MenuRole;
  type?: 'separator';
  /** false keeps an item out of sight while its accelerator still works (a second shortcut). */
  visible?: boolean;
  action?: MenuAction;
  command?: RendererCommand;
  submenu?: MenuItemSpec[];
}

const LABELS = {
  id: {
    file: '&Berkas',
    new: 'Baru…',
    open: 'Buka…',
    saveAs: 'Simpan Sebagai…',
    exportAnnex: 'Ekspor Lampiran…',
    close: 'Tutup',
    quit: 'Keluar',
    edit: '&Sunting',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih Semua',
    help: 'Ban&tuan',
    about: 'Tentang RPJMD Workbench',
  },
  en: {
    file: '&File',
    new: 'New…',
    open: 'Open…',
    saveAs: 'Save As…',
    exportAnnex: 'Export Annex…',
    close: 'Close',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    help: '&Help',
    about: 'About RPJMD Workbench',
  },
} as const;

export function menuTemplate(lang: MenuLanguage = 'id'): MenuItemSpec[] {
  const t = LABELS[lang];
  return [
    {
      label: t.file,
      submenu: [
        { label: t.new, accelerator: 'CmdOrCtrl+N', action: 'new' },
        { label: t.open, accelerator: 'CmdOrCtrl+O', action: 'open' },
        { label: t.saveAs, accelerator: 'CmdOrCtrl+Shift+S', action: 'save-as' },
        { type: 'separator' },
        { label: t.exportAnnex, accelerator: 'CmdOrCtrl+E', command: 'export-annex' },
        { type: 'separator' },
        { label: t.close, accelerator: 'CmdOrCtrl+W', action: 'close' },
        { type: 'separator' },
        { label: t.quit, accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, accelerator: 'CmdOrCtrl+Z', command: 'undo' },
        { label: t.redo, accelerator: 'CmdOrCtrl+Y', command: 'redo' },
        // Ctrl+Shift+Z redoes too (the other common convention); one visible Ulangi is enough.
        { label: t.redo, accelerator: 'CmdOrCtrl+Shift+Z', command: 'redo', visible: false },
        { type: 'separator' },
        { label: t.cut, accelerator: 'CmdOrCtrl+X', role: 'cut' },
        { label: t.copy, accelerator: 'CmdOrCtrl+C', role: 'copy' },
        { label: t.paste, accelerator: 'CmdOrCtrl+V', role: 'paste' },
        { type: 'separator' },
        { label: t.selectAll, accelerator: 'CmdOrCtrl+A', role: 'selectAll' },
      ],
    },
    {
      label: t.help,
      submenu: [{ label: t.about, action: 'about' }],
    },
  ];
}
