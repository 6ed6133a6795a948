/**
 * Focus requests: how a view asks the Target view to open one cell (Pemeriksaan, when a finding
 * is clicked or Enter-ed). A tiny in-memory store, no React context, so producer and consumer
 * need not share a parent.
 *
 * Producer (Pemeriksaan):
 *   requestFocus({ scenarioId, indicatorId, year, series })
 *     stores the request as pending and notifies subscribers.
 *
 * Shell (App.tsx): switches to the Target view when a request arrives:
 *   useEffect(() => onFocusRequested(() => setView('target')), []);
 *
 * Consumer (Target view) — on mount and on every new request:
 *   const request = useFocusRequest();           // the pending request, or null
 *   useEffect(() => {
 *     if (!request) return;
 *     // select request.scenarioId, then focus the row of request.indicatorId and the column of
 *     // request.year (series 'justification': the justification column of that row);
 *     clearFocusRequest(request);                 // done: later mounts do not focus it again
 *   }, [request]);
 * A request stays pending until cleared, so it survives the view switch and the Target view's
 * own loading; clearFocusRequest(r) clears only r (a newer request is kept).
 */
import { useSyncExternalStore } from 'react';
import type { Finding } from '../../shared/domain.js';

export interface FocusRequest {
  scenarioId: number;
  indicatorId: number;
  /** The target year; null for a finding about the whole indicator. */
  year: number | null;
  /** Which column: the revised target of that year, or the indicator's justification. */
  series: Finding['series'];
  /** Increases with every request, so a repeated click on the same finding is a new request. */
  seq: number;
}

let pending: FocusRequest | null = null;
let seq = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of [...listeners]) l();
}

/** Asks for a cell to be focused; App switches to the Target view, which focuses it. */
export function requestFocus(request: Omit<FocusRequest, 'seq'>): FocusRequest {
  pending = { ...request, seq: ++seq };
  emit();
  return pending;
}

/** The pending request, or null. */
export function peekFocusRequest(): FocusRequest | null {
  return pending;
}

/** Clears the pending request: `request` only if it is still the pending one; all when omitted. */
export function clearFocusRequest(request?: FocusRequest): void {
  if (pending === null || (request && pending.seq !== request.seq)) return;
  pending = null;
  emit();
}

/** Calls `listener` whenever a request is made or cleared; returns the unsubscribe. */
export function subscribeFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `listener` with each new request (not when one is cleared); returns the unsubscribe. */
export function onFocusRequested(listener: (request: FocusRequest) => void): () => void {
  let last = pending?.seq ?? 0;
  return subscribeFocusRequest(() => {
    if (pending && pending.seq !== last) {
      last = pending.seq;
      listener(pending);
    }
  });
}

/** React: the pending request, re-rendering when it changes. */
export function useFocusRequest(): FocusRequest | null {
  return useSyncExternalStore(subscribeFocusRequest, peekFocusRequest, peekFocusRequest);
}
