/** Turns the menu data (menu-template.ts) into Electron's application menu. */
import { BrowserWindow, Menu } from 'electron';
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../../shared/api/client.js';
import type { MenuAction, MenuItemSpec, MenuLanguage, RendererCommand } from './menu-template.js';
import { menuTemplate } from './menu-template.js';

/** The renderer of the window the menu was used in (Electron passes it to click), else the focused one. */
function sendToRenderer(window: BaseWindow | undefined, command: RendererCommand): void {
  const target = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow?.();
  if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, command);
}

export function toElectron(spec: MenuItemSpec, onAction: (action: MenuAction) => void): MenuItemConstructorOptions {
  if (spec.type === 'separator') return { type: 'separator' };
  const item: MenuItemConstructorOptions = {};
  if (spec.label !== undefined) item.label = spec.label;
  if (spec.accelerator !== undefined) item.accelerator = spec.accelerator;
  if (spec.role !== undefined) item.role = spec.role;
  if (spec.visible !== undefined) item.visible = spec.visible;
  const action = spec.action;
  if (action !== undefined) item.click = () => onAction(action);
  const command = spec.command;
  if (command !== undefined) item.click = (_item, window) => sendToRenderer(window, command);
  if (spec.submenu) item.submenu = spec.submenu.map((s) => toElectron(s, onAction));
  return item;
}

export function installAppMenu(lang: MenuLanguage, onAction: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang).map((s) => toElectron(s, onAction))));
}
