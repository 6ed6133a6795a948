/**
 * Which file paths the renderer may name. In the desktop app a page never types a path: files are
 * chosen in main's own dialogs (which call the store themselves) or picked from the recent-files
 * list. So an IPC call whose input carries a path is refused unless that path is in the recent
 * list or was granted by one of main's dialogs in this run — a compromised page cannot make the
 * store open, create, replace or export to a path of its choosing.
 *
 * Pure (no electron import): main.ts asks `pathOfInput` and keeps a PathGrants.
 */
import path from 'node:path';

/** A path a contract input names, and whether only a dialog of this run may have granted it (not the recent list). */
export interface NamedPath {
  path: string;
  /** A folder (province.*) or a file to write (province.export): the recent files never stand for it. */
  dialogOnly: boolean;
}

/**
 * Every path a contract method's input names. Most name one; province.export names two (the
 * folder it reads and the file it writes) and each must be allowed. A field of the wrong type
 * names nothing here (dispatch refuses it).
 */
export function pathsOfInput(method: string, input: unknown): NamedPath[] {
  if (typeof input !== 'object' || input === null) return [];
  const i = input as Record<string, unknown>;
  if (method.startsWith('province.')) {
    const out: NamedPath[] = [];
    if (typeof i.folder === 'string') out.push({ path: i.folder, dialogOnly: true });
    if (method === 'province.export' && typeof i.path === 'string') out.push({ path: i.path, dialogOnly: true });
    return out;
  }
  const one = pathOfInput(method, input);
  return one === null ? [] : [{ path: one, dialogOnly: false }];
}

/** Whether every path an input names is allowed (pathAllowed; dialog grants only where the path says so). */
export function inputAllowed(named: readonly NamedPath[], grants: PathGrants, recent: readonly string[]): boolean {
  return named.every((n) => (n.dialogOnly ? grants.has(n.path) : pathAllowed(n.path, grants, recent)));
}

/**
 * The path a single-path method's input names, or null for methods that name none (and for the
 * province.* methods, which name a folder and maybe a file: pathsOfInput).
 */
export function pathOfInput(method: string, input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const i = input as Record<string, unknown>;
  switch (method) {
    case 'workbook.open':
    case 'workbook.create':
    case 'workbook.saveAs':
    case 'annex.export':
      return typeof i.path === 'string' ? i.path : null;
    case 'import.preview': {
      const source = i.source as Record<string, unknown> | null | undefined;
      return source && typeof source === 'object' && typeof source.path === 'string' ? source.path : null;
    }
    default:
      return null;
  }
}

/** Paths main's dialogs handed out in this run, compared resolved. */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(filePath: string): void {
    this.granted.add(path.resolve(filePath));
  }

  has(filePath: string): boolean {
    return this.granted.has(path.resolve(filePath));
  }
}

/** Whether the renderer may name `filePath`: granted by a dialog, or one of the recent files. */
export function pathAllowed(filePath: string, grants: PathGrants, recent: readonly string[]): boolean {
  const resolved = path.resolve(filePath);
  return grants.has(resolved) || recent.some((r) => path.resolve(r) === resolved);
}
