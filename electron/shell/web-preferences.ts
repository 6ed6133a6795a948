/**
 * The webPreferences of every app window, in one place so a unit test pins each value.
 * The renderer gets no Node, runs sandboxed and isolated from the preload, and reaches the
 * services only through the one `invoke` the preload exposes. No partition is set on purpose:
 * the default session is the one our protocol and permission handlers are installed on.
 */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
}

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  if (!preloadPath.endsWith('.cjs')) {
    // A sandboxed preload cannot be an ES module; catching a wrong path here beats a blank window.
    throw new Error(`preload must be the CommonJS bundle (.cjs), got ${preloadPath}`);
  }
  return {
    preload: preloadPath,
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
    // Chromium's spellchecker would flag every Indonesian planning term and may download dictionaries.
    spellcheck: false,
    safeDialogs: true,
  };
}
