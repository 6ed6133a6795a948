/**
 * The preload: exposes exactly `window.workbench` (PreloadApi) through contextBridge, nothing else.
 * It runs sandboxed, so it is bundled to CommonJS and may only require 'electron'.
 * Checks here are a convenience for the renderer; main re-checks everything (sender, method, input).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { MenuCommand, PreloadApi } from '../shared/api/client.js';
import { ANNEX_SAVE_CHANNEL, IPC_CHANNEL, isUiLanguage, LANGUAGE_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, PROVINCE_FOLDER_CHANNEL, PROVINCE_SAVE_CHANNEL } from '../shared/api/client.js';
import { isMethodName } from '../shared/api/methods.js';
import { failure } from '../shared/api/result.js';

const api = {
  invoke(method, input) {
    if (!isMethodName(method)) {
      return Promise.resolve(failure('unknown_method', `Unknown method "${String(method).slice(0, 80)}"`));
    }
    return ipcRenderer.invoke(IPC_CHANNEL, method, input);
  },
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand expects a function');
    // The renderer never sees the IpcRendererEvent (it would expose `sender`, i.e. ipcRenderer).
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  },
  setUiLanguage(lang) {
    if (isUiLanguage(lang)) ipcRenderer.send(LANGUAGE_CHANNEL, lang);
  },
  saveAnnex(input) {
    return ipcRenderer.invoke(ANNEX_SAVE_CHANNEL, input);
  },
  chooseProvinceFolder() {
    return ipcRenderer.invoke(PROVINCE_FOLDER_CHANNEL);
  },
  saveProvince(input) {
    return ipcRenderer.invoke(PROVINCE_SAVE_CHANNEL, input);
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('workbench', api);
