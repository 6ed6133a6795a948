/**
 * The person behind a change (name, NIP, jabatan): the rules a profile is held to, in one place
 * for the contract's schema (shared/api/contract.ts), the profile store (electron/services/
 * profile.ts) and the renderer's profile dialog, which words the same problems in its language.
 * Pure.
 */
import type { Person } from './domain.js';

export const PERSON_LIMITS = { name: 200, title: 200, nip: 40 } as const;

/** Digits of a NIP: an ASN's Nomor Induk Pegawai and a PPPK's NI PPPK both have 18. */
export const NIP_DIGITS = 18;

/** What is wrong with a person as typed; null when it can be kept. NIP may be empty (not every planner has one). */
export type PersonProblem = { field: 'name'; kind: 'empty' | 'too_long' } | { field: 'title'; kind: 'too_long' } | { field: 'nip'; kind: 'not_digits' | 'length' };

/** "19700101 199503 1 001" stays as typed (spaces tidied); "19700101199503 1001" too. */
export function tidyNip(nip: string): string {
  return nip.trim().replace(/\s+/g, ' ');
}

export function nipProblem(nip: string): PersonProblem | null {
  const t = tidyNip(nip);
  if (t === '') return null;
  if (!/^[0-9 ]+$/.test(t)) return { field: 'nip', kind: 'not_digits' };
  if (t.replace(/ /g, '').length !== NIP_DIGITS) return { field: 'nip', kind: 'length' };
  return null;
}

/** The first problem of a person as typed (the dialog shows it at its field). */
export function personProblem(p: Person): PersonProblem | null {
  const name = p.name.trim();
  if (name === '') return { field: 'name', kind: 'empty' };
  if (name.length > PERSON_LIMITS.name) return { field: 'name', kind: 'too_long' };
  if (p.title.trim().length > PERSON_LIMITS.title) return { field: 'title', kind: 'too_long' };
  return nipProblem(p.nip);
}

/** The person as kept: trimmed, the NIP's spacing tidied. */
export function tidyPerson(p: Person): Person {
  return { name: p.name.trim(), nip: tidyNip(p.nip), title: p.title.trim() };
}
