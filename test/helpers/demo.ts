/** The demo workbook without its worked example, for tests that build their own scenarios from a blank slate. */
import fs from 'node:fs';
import path from 'node:path';
import { demoWorkbookPath } from '../../electron/services/paths.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';

/**
 * Writes the empty demo (`npm run demo -- --empty`) where `workbook.openDemo` finds it in
 * `dataDir`, so the services open it instead of building the demo with "Perubahan 2021 (contoh)".
 */
export async function writeEmptyDemo(dataDir: string): Promise<string> {
  const file = demoWorkbookPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  (await createDemoWorkbook(file, {}, { empty: true })).close();
  return file;
}
