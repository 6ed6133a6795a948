/**
 * The application menu as data: Berkas (Baru, Buka, Simpan Sebagai, Tutup, Keluar) and
 * Bantuan (Tentang). Pure, so the labels and the command wiring are unit-tested; menu.ts turns
 * it into an Electron Menu. The shape is a subset of Electron's MenuItemConstructorOptions.
 */
export type MenuLanguage = 'id' | 'en';

/** What a menu item asks main to do. 'quit' is Electron's own role. */
export type MenuAction = 'new' | 'open' | 'save-as' | 'close' | 'about';

export interface MenuItemSpec {
  label?: string;
  accelerator?: string;
  role?: 'quit';
  type?: 'separator';
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

const LABELS = {
  id: {
    file: '&Berkas',
    new: 'Baru…',
    open: 'Buka…',
    saveAs: 'Simpan Sebagai…',
    close: 'Tutup',
    quit: 'Keluar',
    help: 'Ban&tuan',
    about: 'Tentang RPJMD Workbench',
  },
  en: {
    file: '&File',
    new: 'New…',
    open: 'Open…',
    saveAs: 'Save As…',
    close: 'Close',
    quit: 'Quit',
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
        { label: t.close, accelerator: 'CmdOrCtrl+W', action: 'close' },
        { type: 'separator' },
        { label: t.quit, accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: t.help,
      submenu: [{ label: t.about, action: 'about' }],
    },
  ];
}
