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

/** The path a contract method's input names, or null for methods that name none. */
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
