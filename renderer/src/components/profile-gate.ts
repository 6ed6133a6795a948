/**
 * When the app asks for the user's name, NIP and jabatan (the person written into every change):
 * calmly, at most twice a session.
 *
 * - On start, when the profile has none, the profile dialog opens once. "Nanti" closes it and is
 *   remembered (localStorage), so later starts do not open it again.
 * - While there is still no person, the first edit or export of a session opens the dialog once
 *   more *before* the call is sent (the gated transport waits for it); whatever the answer, the
 *   call then goes ahead — saved, the change carries the person; "Nanti", the OS account.
 * - Never again that session; the top bar shows "belum diisi" and the Buku Kerja view offers the
 *   dialog any time.
 *
 * A small external store (useSyncExternalStore) shared by App, the dialog, the top bar, the
 * Buku Kerja card and the Ekspor view's "Gunakan profil saya".
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Transport } from '../../../shared/api/client.js';
import type { Method } from '../../../shared/api/contract.js';
import type { Person } from '../../../shared/domain.js';

/** Why the dialog is open: first start, the first edit/export without a person, or asked for. */
export type ProfileDialogReason = 'start' | 'beforeWrite' | 'edit';

export interface ProfileState {
  /** undefined until read from the services. */
  person: Person | null | undefined;
  dialog: ProfileDialogReason | null;
}

/** localStorage key: the start dialog was answered "Nanti" once; starts no longer open it. */
export const PROFILE_LATER_KEY = 'workbench.profile.later';

/** Calls that write a change or export the annex: the first one without a person asks once. */
const GATED: ReadonlySet<Method> = new Set<Method>([
  'scenario.create',
  'scenario.update',
  'scenario.delete',
  'scenario.setStatus',
  'targets.set',
  'justification.set',
  'references.save',
  'references.delete',
  'settings.update',
  'capaian.set',
  'methodBreaks.save',
  'methodBreaks.delete',
  'import.apply',
  'reviews.respond',
  'annex.export',
  'annex.exportBytes',
]);

function laterRemembered(): boolean {
  try {
    return window.localStorage.getItem(PROFILE_LATER_KEY) !== null;
  } catch {
    return false;
  }
}

function rememberLater(): void {
  try {
    window.localStorage.setItem(PROFILE_LATER_KEY, new Date().toISOString());
  } catch {
    // Session only.
  }
}

export class ProfileGate {
  private state: ProfileState = { person: undefined, dialog: null };
  private readonly listeners = new Set<() => void>();
  private askedBeforeWrite = false;
  private waiting: (() => void)[] = [];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ProfileState => this.state;

  private set(next: Partial<ProfileState>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** The profile as read at start: without a person, the start dialog (unless once answered "Nanti"). */
  loaded(person: Person | null): void {
    this.set({ person, dialog: person === null && !laterRemembered() && this.state.dialog === null ? 'start' : this.state.dialog });
  }

  open(reason: ProfileDialogReason = 'edit'): void {
    this.set({ dialog: reason });
  }

  saved(person: Person): void {
    this.set({ person });
    this.close();
  }

  /** "Nanti" (or Escape): the start dialog's answer is remembered. */
  later(): void {
    if (this.state.dialog === 'start') rememberLater();
    this.close();
  }

  close(): void {
    this.set({ dialog: null });
    const waiting = this.waiting;
    this.waiting = [];
    for (const go of waiting) go();
  }

  /** Resolves when the call may go: at once, or once the dialog asked before the first write is answered. */
  beforeWrite(): Promise<void> {
    if (this.state.person !== null || this.askedBeforeWrite || this.state.dialog !== null) return Promise.resolve();
    this.askedBeforeWrite = true;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.set({ dialog: 'beforeWrite' });
    });
  }

  /** The transport with the gate in front of edits and exports. */
  readonly wrap = (transport: Transport): Transport => async (method, input) => {
    if (GATED.has(method)) await this.beforeWrite();
    return transport(method, input);
  };
}

export const ProfileContext = createContext<ProfileGate | null>(null);

/** The gate and its state (null outside the provider: nothing to show). */
export function useProfile(): { gate: ProfileGate | null; state: ProfileState } {
  const gate = useContext(ProfileContext);
  const state = useSyncExternalStore(gate?.subscribe ?? noSubscribe, gate?.getSnapshot ?? noState);
  return { gate, state };
}

const NO_STATE: ProfileState = { person: undefined, dialog: null };
const noState = () => NO_STATE;
const noSubscribe = () => () => {};
