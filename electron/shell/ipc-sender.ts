/**
 * Who may call the services over IPC: only the main frame of one of our own windows, and only
 * while it shows our app origin. An iframe, a page that somehow navigated away, or a webContents
 * we did not create (a devtools extension, a future auxiliary window) is refused.
 * Compare vscode's validatedIpcMain, which checks the sender frame's URL before any handler runs.
 */
import { isAppUrl } from './app-origin.js';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  isDestroyed?(): boolean;
}

/** Identifies a frame; Electron documents that all WebFrameMain objects for one frame share these. */
export interface FrameId {
  processId: number;
  routingId: number;
}

export function isTrustedSender(frame: FrameLike | null | undefined, ourMainFrames: readonly FrameId[]): boolean {
  if (!frame) return false; // the frame navigated or was destroyed before the message was handled
  if (frame.isDestroyed?.()) return false;
  if (frame.parent !== null) return false; // sub-frames never talk to the services
  if (!isAppUrl(frame.url)) return false;
  return ourMainFrames.some((f) => f.processId === frame.processId && f.routingId === frame.routingId);
}
