/** Turns the menu data (menu-template.ts) into Electron's application menu. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuItemSpec, MenuLanguage } from './menu-template.js';
import { menuTemplate } from './menu-template.js';

function toElectron(spec: MenuItemSpec, onAction: (action: MenuAction) => void): MenuItemConstructorOptions {
  if (spec.type === 'separator') return { type: 'separator' };
  const item: MenuItemConstructorOptions = {};
  if (spec.label !== undefined) item.label = spec.label;
  if (spec.accelerator !== undefined) item.accelerator = spec.accelerator;
  if (spec.role !== undefined) item.role = spec.role;
  const action = spec.action;
  if (action !== undefined) item.click = () => onAction(action);
  if (spec.submenu) item.submenu = spec.submenu.map((s) => toElectron(s, onAction));
  return item;
}

export function installAppMenu(lang: MenuLanguage, onAction: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang).map((s) => toElectron(s, onAction))));
}
