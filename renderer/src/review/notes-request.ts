/**
 * "Show me the notes": the Target header's count of open evaluation notes asks for Pemeriksaan's
 * notes card before the view switches; the card, when it mounts, takes the request and scrolls
 * itself into view with the focus on its heading. In memory, like focus-request.ts: producer and
 * consumer share no parent.
 */
let pending = false;

/** Asks the next Pemeriksaan notes card to show itself. */
export function requestNotes(): void {
  pending = true;
}

/** Whether a request is pending; clears it. */
export function takeNotesRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}
