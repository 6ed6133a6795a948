/**
 * The layer zones in eslint.config.js (docs/ARCHITECTURE.md, "Layers"): lints small virtual
 * files placed in each folder with ESLint's Node API and the project's real config, so a zone
 * that stopped matching (a renamed folder, a resolver that no longer maps .js to .ts) fails here
 * instead of silently letting a crossing through. The imported TARGETS are real files; the
 * virtual file only needs a path, since imports resolve from its folder.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const ZONE = 'import-x/no-restricted-paths';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

interface Finding {
  ruleId: string | null;
  message: string;
}

async function lint(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result, `no lint result for ${file}`).toBeDefined();
  return result!.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

const rules = (findings: Finding[]) => findings.map((f) => f.ruleId);

describe('lint zones: what a layer may not import', () => {
  it('electron/services may not import the shell (which imports electron)', async () => {
    const findings = await lint('electron/services/x.ts', "import '../shell/menu.js';\n");
    expect(rules(findings)).toContain(ZONE);
    expect(findings.find((f) => f.ruleId === ZONE)!.message).toMatch(/never the shell/);
  });

  it('catches the shell however the import is spelt or made', async () => {
    for (const code of [
      "import '../services/../shell/menu.js';\n",
      "export * from '../shell/menu.js';\n",
      "export async function f(): Promise<unknown> {\n  return import('../shell/menu.js');\n}\n",
      "import type { WorkerClient } from '../shell/worker-client.js';\nexport type C = WorkerClient;\n",
    ]) {
      expect(rules(await lint('electron/services/x.ts', code)), code).toContain(ZONE);
    }
  });

  it('workbook, annex and host may not import the shell, main.ts or preload.ts either', async () => {
    expect(rules(await lint('electron/workbook/x.ts', "import '../shell/app-origin.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/annex/x.ts', "import '../main.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/host/x.ts', "import '../preload.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/host/x.ts', "import '../shell/worker-client.js';\n"))).toContain(ZONE);
  });

  it('the Node-side layers may not reach outside electron/, shared/, resources/ and npm packages', async () => {
    // A script or test helper could import anything, electron included.
    expect(rules(await lint('electron/services/x.ts', "import '../../test/helpers/files.js';\n"))).toContain(ZONE);
  });

  it('keeps the layer order: workbook ← annex ← services ← host', async () => {
    expect(rules(await lint('electron/annex/x.ts', "import '../services/checks.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/workbook/x.ts', "import '../annex/labels.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/workbook/x.ts', "import '../services/paths.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/workbook/x.ts', "import '../host/worker-protocol.js';\n"))).toContain(ZONE);
    expect(rules(await lint('electron/services/x.ts', "import '../host/http.js';\n"))).toContain(ZONE);
  });

  it("still bans a direct 'electron' import below the shell", async () => {
    expect(rules(await lint('electron/services/x.ts', "import 'electron';\n"))).toContain('no-restricted-imports');
  });

  it('an import the resolver cannot find is an error, so it cannot slip past the zones', async () => {
    expect(rules(await lint('electron/services/x.ts', "import '../shell/no-such-file.js';\n"))).toContain('import-x/no-unresolved');
  });

  it('the renderer may not import electron/', async () => {
    const findings = await lint('renderer/src/x.ts', "import '../../electron/workbook/store.js';\n");
    expect(rules(findings)).toContain(ZONE);
  });

  it('the renderer may not import tests or scripts', async () => {
    expect(rules(await lint('renderer/src/x.ts', "import '../../test/helpers/rng.js';\n"))).toContain(ZONE);
  });

  it('shared/ may not import electron/ or renderer/', async () => {
    expect(rules(await lint('shared/x.ts', "import '../electron/workbook/store.js';\n"))).toContain(ZONE);
    expect(rules(await lint('shared/x.ts', "import '../renderer/src/api.js';\n"))).toContain(ZONE);
  });
});

describe('lint zones: what each layer may import', () => {
  it.each([
    ['electron/services/x.ts', "import '../workbook/store.js';\nimport '../annex/labels.js';\nimport '../../shared/domain.js';\nimport 'zod';\n"],
    ['electron/annex/x.ts', "import '../workbook/store.js';\nimport '../../shared/annex.js';\nimport 'exceljs';\n"],
    ['electron/workbook/x.ts', "import './store.js';\nimport '../../shared/domain.js';\nimport '../../resources/demo/muara-enim.json';\n"],
    ['electron/host/x.ts', "import './worker-protocol.js';\nimport '../services/index.js';\nimport '../../package.json';\nimport 'node:path';\n"],
    ['electron/shell/x.ts', "import 'electron';\nimport '../host/worker-protocol.js';\nimport '../services/paths.js';\n"],
    ['renderer/src/x.ts', "import '../../shared/domain.js';\nimport './api.js';\nimport 'react';\n"],
    ['shared/x.ts', "import './domain.js';\nimport 'zod';\n"],
  ])('%s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });

  it('the store worker and the shell pass after worker-protocol.ts moved to host/', async () => {
    const results = await eslint.lintFiles(['electron/host/store-worker.ts', 'electron/host/worker-protocol.ts', 'electron/shell/worker-client.ts']);
    const zoneFindings = results.flatMap((r) => r.messages.filter((m) => m.ruleId === ZONE || m.ruleId === 'import-x/no-unresolved'));
    expect(zoneFindings).toEqual([]);
  });
});
