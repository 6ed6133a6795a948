/**
 * The user's profile: the person (name, NIP, jabatan) behind every change this user makes, asked
 * once per user and kept in the user's data folder (`user-profile.json`, beside the remembered
 * signer and the recent-files list) — never in a workbook, which travels between people.
 *
 * Read through the same schema as the contract's `profile.set` input: a file edited by hand or
 * damaged (bad JSON, a NIP with letters, a name that shows nothing) counts as no profile, and the
 * next `profile.set` writes it whole again (temp file and rename).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { personInput } from '../../shared/api/contract.js';
import type { Person } from '../../shared/domain.js';
import { tidyPerson } from '../../shared/person.js';
import type { Actor } from '../workbook/edit.js';

export function profilePath(dataDir: string): string {
  return path.join(dataDir, 'user-profile.json');
}

/** The file's shape; `person` is nested so the profile can grow without a new file. */
const profileFile = z.object({ person: personInput.strip() }).passthrough();

export class ProfileStore {
  /** The file as last read: re-read when its size or time changes (another host wrote it). */
  private cached: { stamp: string; person: Person | null } | null = null;

  constructor(readonly file: string) {}

  private stamp(): string | null {
    try {
      const st = fs.statSync(this.file);
      return `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      return null;
    }
  }

  /** The person, or null when none was given (or the file is damaged). */
  get(): Person | null {
    const stamp = this.stamp();
    if (stamp === null) return null;
    if (this.cached?.stamp === stamp) return this.cached.person;
    let person: Person | null;
    try {
      const parsed = profileFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      person = parsed.success ? tidyPerson(parsed.data.person) : null;
    } catch {
      person = null;
    }
    this.cached = { stamp, person };
    return person;
  }

  /** Keeps the person (validated: the contract's rules) and returns it as kept. */
  set(person: Person): Person {
    const clean = tidyPerson(personInput.parse(person));
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ person: clean }, null, 2)}\n`);
    fs.renameSync(temp, this.file);
    this.cached = null;
    return clean;
  }

  /** Who makes a change: the operating-system account and, once given, the person. */
  actor(user: string): Actor {
    return { user, person: this.get() };
  }
}
