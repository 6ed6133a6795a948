import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'rpjmd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Names in a folder, to prove a refusal left no journal, temp or backup file behind. */
export function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
