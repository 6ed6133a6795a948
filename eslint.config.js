// Lint keeps each layer to what it may run with and what it may reach (docs/ARCHITECTURE.md):
//   shared/   isomorphic: no Node built-ins, no DOM globals, no electron; imports only shared/
//             and npm packages
//   renderer/ browser only: no Node built-ins, no electron; imports only renderer/, shared/ and
//             npm packages
//   electron/ Node services: no 'electron' except main.ts, preload.ts and electron/shell/**
//
// The import rules hold transitively because the zones are closed: a zone lists everything its
// files may import (import-x/no-restricted-paths resolves each import to a file, .js → .ts, so
// `../shell/menu.js` is caught however it is spelt), and nothing a zone may import can reach
// further. electron/workbook|annex|services|host may import only each other (in layer order:
// workbook ← annex ← services ← host), shared/, resources/ and npm packages; the shell (main.ts,
// preload.ts, shell/**), the only code that may import 'electron', is outside, so nothing those
// folders reach imports 'electron'.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];
const noNode = { group: nodeBuiltins, message: 'Node built-ins run only on the Node side (electron/).' };
const noElectron = { group: ['electron', 'electron/*'], message: "Only electron/main.ts, electron/preload.ts and electron/shell/** may import 'electron'." };

// Node-side layers below the shell, and what each may import besides shared/, resources/, npm
// packages and itself.
const services = ['./electron/workbook', './electron/annex', './electron/services', './electron/host'];
const outside = (...allowed) => ({ from: '.', except: [...allowed, './node_modules'] });
const zones = [
  {
    target: './shared',
    ...outside('./shared'),
    message: 'shared/ depends on nothing but itself and npm packages (never electron/ or renderer/).',
  },
  {
    target: './renderer',
    ...outside('./renderer', './shared'),
    message: 'The renderer imports only renderer/, shared/ and npm packages; it talks to the services only through the API client.',
  },
  {
    target: services,
    ...outside(...services, './shared', './resources', './package.json'),
    message: "electron/workbook|annex|services|host import only each other, shared/, resources/ and npm packages — never the shell (electron/shell/**, main.ts, preload.ts), the only code that may import 'electron'.",
  },
  {
    target: './electron/workbook',
    from: ['./electron/annex', './electron/services', './electron/host'],
    message: 'electron/workbook/ is the bottom layer: it may not import annex/, services/ or host/.',
  },
  {
    target: './electron/annex',
    from: ['./electron/services', './electron/host'],
    message: 'Services call the annex, not the other way: electron/annex/ may not import services/ or host/ (take what it needs as arguments).',
  },
  {
    target: './electron/services',
    from: './electron/host',
    message: 'The transports (electron/host/) call the services, not the other way.',
  },
  {
    target: './electron',
    from: './renderer',
    message: 'The Node side never imports renderer code.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // Layer zones, checked on resolved paths. An import the resolver cannot find would slip past
    // the zones, so in the zoned folders it is an error too.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [path.join(root, 'tsconfig.json'), path.join(root, 'renderer/tsconfig.json')],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'import-x/no-unresolved': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, { group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ depends on nothing but itself and pure libraries.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', '__filename'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, { group: ['better-sqlite3', '**/electron/**'], message: 'The renderer talks to the services only through the API client.' }] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode] }] },
  },
);
