// Types for scripts/electron-native.mjs, so TypeScript tests and specs can import it.
export function electronNativeDir(root: string, electronVersion: string): string;
export function ensureElectronNative(options: {
  root: string;
  electronVersion: string;
  log?: (message: string) => void;
}): { ok: true; path: string } | { ok: false; reason: string };
