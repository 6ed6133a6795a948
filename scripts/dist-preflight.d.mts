// Types for scripts/dist-preflight.mjs, so TypeScript tests can import it.
import type { ElectronBinary } from './electron-binary.mjs';

export interface Target {
  platform: string;
  arch: string;
}
export interface PreflightFs {
  existsSync(p: string): boolean;
  readdirSync(p: string): string[];
}
export type PreflightResult =
  | { ok: true; via: 'override' | 'cache' | 'mirror'; detail: string; builderArgs: string[] }
  | { ok: false; reasons: string[]; message: string };
export interface PreflightOptions {
  version: string;
  targets: Target[];
  env: Record<string, string | undefined>;
  fs: PreflightFs;
  probe: (url: string, timeoutMs: number) => Promise<boolean>;
  findBinary: (env: Record<string, string | undefined>) => ElectronBinary;
  hostPlatform?: string;
  hostArch?: string;
  homedir?: string;
}

export const DEFAULT_MIRROR: string;
export const PROBE_TIMEOUT_MS: number;
export function targetsFromArgs(args: string[], hostPlatform?: string, hostArch?: string): Target[];
export function electronZipName(version: string, platform: string, arch: string): string;
export function electronCacheDir(env: Record<string, string | undefined>, platform?: string, homedir?: string): { dir: string; custom: boolean };
export function electronMirror(env: Record<string, string | undefined>): { base: string; custom: boolean };
export function electronZipUrl(env: Record<string, string | undefined>, version: string, platform: string, arch: string): string;
export function findCachedZip(fs: PreflightFs, cacheDir: string, zipName: string): string | null;
export function decideElectronSource(o: PreflightOptions): Promise<PreflightResult>;
export function offlineMessage(version: string, reasons: string[], zip?: string): string;
