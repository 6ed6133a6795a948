import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/shell/web-preferences.js';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it('refuses a preload that is not the CommonJS bundle', () => {
    expect(() => secureWebPreferences('/app/electron/preload.ts')).toThrow(/CommonJS/);
    expect(() => secureWebPreferences('/app/dist/electron/preload.mjs')).toThrow(/CommonJS/);
  });
});
