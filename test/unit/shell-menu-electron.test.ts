/**
 * menu.ts against a recording stand-in for Electron's Menu and BrowserWindow: the Sunting
 * menu's Urungkan / Ulangi reach the renderer of the window they were used in as MENU_CHANNEL
 * 'undo' / 'redo', the clipboard items keep Electron's roles, and main's actions stay main's.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_CHANNEL } from '../../shared/api/client.js';

const electron = vi.hoisted(() => {
  class BrowserWindow {
    static focused: BrowserWindow | null = null;
    static getFocusedWindow() {
      return BrowserWindow.focused;
    }
    destroyed = false;
    sent: unknown[][] = [];
    webContents = { send: (...args: unknown[]) => void this.sent.push(args) };
    isDestroyed() {
      return this.destroyed;
    }
  }
  const state = { menu: null as unknown };
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => void (state.menu = menu),
  };
  return { BrowserWindow, Menu, state };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, Menu: electron.Menu }));

const { installAppMenu } = await import('../../electron/shell/menu.js');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = any;
const items = (): Item[] => (electron.state.menu as Item[]).flatMap((m: Item) => m.submenu ?? []);
const item = (label: string, visible = true): Item => items().find((i) => i.label === label && (i.visible ?? true) === visible);

describe('installAppMenu', () => {
  let actions: string[];
  beforeEach(() => {
    actions = [];
    electron.BrowserWindow.focused = null;
    installAppMenu('id', (a) => actions.push(a));
  });

  it('sends Urungkan and Ulangi to the renderer of the window the menu was used in', () => {
    const win = new electron.BrowserWindow();
    item('Urungkan').click({}, win, {});
    item('Ulangi').click({}, win, {});
    item('Ulangi', false).click({}, win, {});
    expect(win.sent).toEqual([
      [MENU_CHANNEL, 'undo'],
      [MENU_CHANNEL, 'redo'],
      [MENU_CHANNEL, 'redo'],
    ]);
    expect(actions).toEqual([]);
  });

  it('falls back to the focused window, and never sends to a destroyed one', () => {
    const focused = new electron.BrowserWindow();
    electron.BrowserWindow.focused = focused;
    item('Urungkan').click({}, undefined, {});
    expect(focused.sent).toEqual([[MENU_CHANNEL, 'undo']]);
    focused.destroyed = true;
    item('Urungkan').click({}, undefined, {});
    expect(focused.sent).toHaveLength(1);
  });

  it('keeps the clipboard items as Electron roles with their accelerators, and the hidden Ctrl+Shift+Z', () => {
    expect(item('Potong')).toMatchObject({ role: 'cut', accelerator: 'CmdOrCtrl+X' });
    expect(item('Salin')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(item('Tempel')).toMatchObject({ role: 'paste', accelerator: 'CmdOrCtrl+V' });
    expect(item('Pilih Semua')).toMatchObject({ role: 'selectAll', accelerator: 'CmdOrCtrl+A' });
    expect(item('Ulangi', false)).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', visible: false });
    expect(item('Salin').click).toBeUndefined();
  });

  it('still hands main its own actions', () => {
    item('Tentang RPJMD Workbench').click();
    item('Baru…').click();
    expect(actions).toEqual(['about', 'new']);
  });
});
