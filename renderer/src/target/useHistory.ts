/**
 * The workbook's undo history (kept in the workbook, so it survives a reload) and the keys and
 * menu items that drive it. Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z act on the history unless a text
 * editor has the focus (then the editor's own text undo runs) or a modal dialog is open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import type { HistoryState } from '../../../shared/domain.js';
import { useLatest } from '../useLatest.js';

export type HistoryDirection = 'undo' | 'redo';

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export interface HistoryApi {
  state: HistoryState;
  /** Increments after every undo or redo, so views refetch what they show. */
  revision: number;
  /** The scenario the last undone/redone step belonged to (null for workbook-wide steps). */
  lastStepScenario: { scenarioId: number | null; revision: number } | null;
  busy: boolean;
  refresh(): Promise<void>;
  /** Undoes or redoes one step; resolves true when a step was done. */
  run(direction: HistoryDirection): Promise<boolean>;
}

export function useHistory(api: ApiClient, workbookPath: string | null, onError: (f: Failure) => void): HistoryApi {
  // The last state the services reported, and the workbook it is about: no other workbook's
  // steps show (nothing, with no workbook open).
  const [held, setHeld] = useState<{ path: string | null; state: HistoryState }>({ path: null, state: EMPTY });
  const state = workbookPath !== null && held.path === workbookPath ? held.state : EMPTY;
  const [revision, setRevision] = useState(0);
  const [lastStepScenario, setLast] = useState<HistoryApi['lastStepScenario']>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const counter = useRef(0);

  const refresh = useCallback(async () => {
    if (!workbookPath) return;
    const r = await api.call('history.state');
    if (r.ok) setHeld({ path: workbookPath, state: r.value });
  }, [api, workbookPath]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh sets state only after its await (false positive: facebook/react#34905)
    void refresh();
  }, [refresh]);

  const run = useCallback(
    async (direction: HistoryDirection) => {
      // One at a time: a held-down Ctrl+Z must not race its own answers.
      if (running.current || !workbookPath) return false;
      running.current = true;
      setBusy(true);
      try {
        const r = await api.call(direction === 'undo' ? 'history.undo' : 'history.redo');
        if (!r.ok) {
          onError(r);
          await refresh();
          return false;
        }
        setHeld({ path: workbookPath, state: r.value.state });
        if (!r.value.step) return false;
        const next = ++counter.current;
        setRevision(next);
        setLast({ scenarioId: r.value.step.scenarioId, revision: next });
        return true;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [api, workbookPath, onError, refresh],
  );

  return { state, revision, lastStepScenario, busy, refresh, run };
}

/** Elements whose own text undo Ctrl+Z belongs to: text inputs, text areas, editable content. */
export function isTextEditor(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    const nonText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'range', 'color'];
    return !nonText.includes(el.type) && !el.readOnly && !el.disabled;
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Ctrl+Z → undo; Ctrl+Y or Ctrl+Shift+Z → redo (Cmd on macOS); anything else → null. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): HistoryDirection | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** A menu command that follows a key press within this window was that key's accelerator. */
const ACCELERATOR_ECHO_MS = 500;

/**
 * Wires the keys (document keydown) and Electron's Sunting menu (its 'undo'/'redo' commands) to
 * `run`. In Electron a menu accelerator may fire after the page saw the same key; a command that
 * arrives right after a history key press is that echo and is dropped, so one Ctrl+Z is one step.
 * Returns the handler for menu commands.
 */
export function useHistoryShortcuts(enabled: boolean, run: (direction: HistoryDirection) => void): (direction: HistoryDirection) => void {
  const lastKeyAt = useRef(-Infinity);
  const runRef = useLatest(run);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const direction = historyKey(e);
      if (!direction) return;
      lastKeyAt.current = performance.now();
      if (isTextEditor(document.activeElement) || modalOpen()) return; // the editor's own undo
      e.preventDefault();
      runRef.current(direction);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, runRef]);

  return useCallback(
    (direction: HistoryDirection) => {
      if (performance.now() - lastKeyAt.current < ACCELERATOR_ECHO_MS) return;
      if (isTextEditor(document.activeElement)) {
        // Chosen from the menu while typing: the text editor's own undo, as the menu promises.
        document.execCommand(direction);
        return;
      }
      if (!enabled || modalOpen()) return;
      runRef.current(direction);
    },
    [enabled, runRef],
  );
}
