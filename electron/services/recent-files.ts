/** The recent-files list, kept outside any workbook in the user's data folder. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { RecentFile } from '../../shared/domain.js';

const MAX_RECENT = 10;
const schema = z.array(z.object({ path: z.string().min(1), openedAt: z.string() }));

export class RecentFiles {
  constructor(private readonly file: string) {}

  /** A missing or unreadable list is an empty list: it is a convenience, never a reason to fail. */
  list(): RecentFile[] {
    try {
      const parsed = schema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  add(filePath: string, now = new Date()): RecentFile[] {
    const entry = { path: filePath, openedAt: now.toISOString() };
    const next = [entry, ...this.list().filter((r) => r.path !== filePath)].slice(0, MAX_RECENT);
    this.write(next);
    return next;
  }

  private write(list: RecentFile[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs.renameSync(temp, this.file);
  }
}
