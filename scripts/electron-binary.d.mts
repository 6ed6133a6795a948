// Types for scripts/electron-binary.mjs, so TypeScript tests and specs can import it.
export type ElectronBinary =
  | { available: true; path: string; version: string | null }
  | { available: false; reason: string };

export function electronPackageDir(fromDir?: string): string | null;
export function findElectronBinary(electronDir: string | null, env?: NodeJS.ProcessEnv): ElectronBinary;
