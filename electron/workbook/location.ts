/**
 * Where a workbook file lives, as far as it matters for SQLite: on a local disk, on a network
 * share, or in a folder a cloud client (OneDrive, Dropbox, Google Drive, iCloud) syncs.
 *
 * SQLite's locking is unreliable over SMB/NFS, and sync clients upload a file between the
 * database write and its journal's removal, or replace it under an open connection. Such files
 * are therefore edited through a local copy (local-copy.ts) and saved back whole.
 *
 * Pure: everything the answer depends on comes in through `LocationProbe`, so each rule has a
 * unit test on every platform.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type CloudProvider = 'OneDrive' | 'Dropbox' | 'Google Drive' | 'iCloud Drive' | 'Box';

export type FileLocation =
  | { kind: 'local' }
  /** `detail`: the UNC host, the drive letter, or the mount's file-system type. */
  | { kind: 'network'; via: 'unc' | 'mapped-drive' | 'network-mount' | 'declared'; detail: string }
  | { kind: 'cloud'; provider: CloudProvider; root: string };

export interface MountEntry {
  mountPoint: string;
  fsType: string;
}

export interface LocationProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  /** Linux and macOS mounts (from /proc/mounts); empty where unknown. */
  mounts: readonly MountEntry[];
  /** Windows drive letters (upper case, no colon) that map network shares; empty where unknown. */
  networkDrives: readonly string[];
  /** Folders a cloud client reports as its roots (Dropbox's info.json), beyond the env vars. */
  cloudRoots: readonly { provider: CloudProvider; root: string }[];
  /** Folders the administrator declares remote (RPJMD_WORKBENCH_REMOTE_ROOTS), e.g. a mapped Z:\. */
  remoteRoots: readonly string[];
}

/** File systems that put the file on another machine. fuse.* covers sshfs, rclone, gvfs… */
const NETWORK_FS = /^(nfs\d?|cifs|smb\d?|smbfs|ncpfs|afs|9p|fuse\.(sshfs|rclone|gvfsd-fuse|s3fs|davfs)|davfs|ceph|glusterfs|lustre|webdav)$/i;
const CLOUD_FS = /^fuse\.(google-drive-ocamlfuse|onedriver|insync|dropbox)$/i;

/** Folder names cloud clients create, used when no env var or config names the root. */
const CLOUD_SEGMENTS: readonly [RegExp, CloudProvider][] = [
  [/^OneDrive( - .+)?$/i, 'OneDrive'],
  [/^Dropbox( \(.+\))?$/i, 'Dropbox'],
  [/^(Google Drive|My Drive|GoogleDrive-.+)$/i, 'Google Drive'],
  [/^(iCloud Drive|Mobile Documents)$/i, 'iCloud Drive'],
  [/^Box( Sync)?$/i, 'Box'],
];

function isWindowsPath(p: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' || /^[a-zA-Z]:[\\/]/.test(p) || /^\\\\/.test(p);
}

function within(file: string, root: string, caseless: boolean): boolean {
  const norm = (s: string) => {
    const slashed = s.replace(/\\/g, '/').replace(/\/+$/, '');
    return caseless ? slashed.toLowerCase() : slashed;
  };
  const f = norm(file);
  const r = norm(root);
  return r.length > 0 && (f === r || f.startsWith(`${r}/`));
}

export function classifyLocation(file: string, probe: LocationProbe): FileLocation {
  const windows = isWindowsPath(file, probe.platform);
  // \\server\share\… and the long forms \\?\UNC\server\share; \\?\C:\ is a local drive.
  const unc = /^[\\/]{2}(?:\?[\\/]UNC[\\/])?([^\\/?]+)[\\/]/i.exec(file);
  if (windows && unc && !/^[\\/]{2}\?[\\/][a-zA-Z]:/.test(file)) return { kind: 'network', via: 'unc', detail: unc[1]! };
  const drive = /^([a-zA-Z]):[\\/]/.exec(file)?.[1]?.toUpperCase();
  if (drive && probe.networkDrives.includes(drive)) return { kind: 'network', via: 'mapped-drive', detail: `${drive}:` };
  const declared = probe.remoteRoots.find((r) => within(file, r, windows));
  if (declared) return { kind: 'network', via: 'declared', detail: declared };

  // Cloud roots named by the clients themselves come first: they are exact.
  const envRoots: { provider: CloudProvider; root: string }[] = [];
  for (const key of ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'] as const) {
    const v = probe.env[key];
    if (v) envRoots.push({ provider: 'OneDrive', root: v });
  }
  for (const r of [...envRoots, ...probe.cloudRoots]) {
    if (within(file, r.root, windows)) return { kind: 'cloud', provider: r.provider, root: r.root };
  }

  if (!windows) {
    // The longest mount point containing the file decides its file system.
    let best: MountEntry | undefined;
    for (const m of probe.mounts) {
      if (within(file, m.mountPoint, false) || m.mountPoint === '/') {
        if (!best || m.mountPoint.length > best.mountPoint.length) best = m;
      }
    }
    if (best && CLOUD_FS.test(best.fsType)) {
      const provider: CloudProvider = /google/i.test(best.fsType) ? 'Google Drive' : /dropbox/i.test(best.fsType) ? 'Dropbox' : 'OneDrive';
      return { kind: 'cloud', provider, root: best.mountPoint };
    }
    if (best && NETWORK_FS.test(best.fsType)) return { kind: 'network', via: 'network-mount', detail: best.fsType };
    // macOS: every File Provider (OneDrive, Dropbox, Google Drive, Box) lives here.
    const cloudStorage = path.posix.join(probe.homedir.replace(/\\/g, '/'), 'Library', 'CloudStorage');
    if (within(file, cloudStorage, false)) {
      const first = file.replace(/\\/g, '/').slice(cloudStorage.length + 1).split('/')[0] ?? '';
      // Folders are named <Provider>-<account>: OneDrive-Personal, GoogleDrive-x@y, Dropbox, Box-Box.
      const provider: CloudProvider = /^GoogleDrive/i.test(first) ? 'Google Drive' : /^Dropbox/i.test(first) ? 'Dropbox' : /^Box/i.test(first) ? 'Box' : 'OneDrive';
      return { kind: 'cloud', provider, root: path.posix.join(cloudStorage, first) };
    }
  }

  // Last: a folder named the way a client names its root, anywhere in the path.
  const segments = file.split(/[\\/]+/);
  for (let i = 0; i < segments.length - 1; i++) {
    const hit = CLOUD_SEGMENTS.find(([re]) => re.test(segments[i]!));
    if (hit) return { kind: 'cloud', provider: hit[1], root: segments.slice(0, i + 1).join(windows ? '\\' : '/') };
  }
  return { kind: 'local' };
}

export function parseProcMounts(text: string): MountEntry[] {
  // Fields are space-separated with spaces inside names escaped as \040.
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ mountPoint: unescape(f[1]!), fsType: f[2]! }));
}

/** Dropbox writes its roots into info.json ({"personal": {"path": …}, "business": {…}}). */
export function parseDropboxInfo(text: string): string[] {
  try {
    const info = JSON.parse(text) as unknown;
    if (!info || typeof info !== 'object') return [];
    return Object.values(info as Record<string, unknown>)
      .map((v) => (v && typeof v === 'object' ? (v as { path?: unknown }).path : undefined))
      .filter((p): p is string => typeof p === 'string' && p.length > 0);
  } catch {
    return [];
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The probe of this machine. Windows mapped drives are not listed (that needs a WMI or `net use`
 * call): RPJMD_WORKBENCH_REMOTE_ROOTS (separated like PATH) declares them. UNC paths, OneDrive's
 * env vars and Dropbox's info.json are found without it.
 */
export function systemLocationProbe(env: NodeJS.ProcessEnv = process.env): LocationProbe {
  const platform = process.platform;
  const homedir = os.homedir();
  const mounts = platform === 'linux' ? parseProcMounts(readText('/proc/mounts') ?? '') : [];
  const dropboxInfo = [
    env.APPDATA && path.join(env.APPDATA, 'Dropbox', 'info.json'),
    env.LOCALAPPDATA && path.join(env.LOCALAPPDATA, 'Dropbox', 'info.json'),
    path.join(homedir, '.dropbox', 'info.json'),
  ].filter((p): p is string => Boolean(p));
  const cloudRoots = dropboxInfo.flatMap((f) => parseDropboxInfo(readText(f) ?? '')).map((root) => ({ provider: 'Dropbox' as const, root }));
  const remoteRoots = (env.RPJMD_WORKBENCH_REMOTE_ROOTS ?? '')
    .split(path.delimiter)
    .map((r) => r.trim())
    .filter(Boolean);
  return { platform, env, homedir, mounts, networkDrives: [], cloudRoots, remoteRoots };
}
