// Lint keeps each layer to what it may run with (docs/ARCHITECTURE.md):
//   shared/   isomorphic: no Node built-ins, no DOM globals, no electron
//   renderer/ browser only: no Node built-ins, no electron, no Node-side code
//   electron/ Node services: no 'electron' except main.ts, preload.ts and electron/shell/**
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];
const noNode = { group: nodeBuiltins, message: 'Node built-ins run only on the Node side (electron/).' };
const noElectron = { group: ['electron', 'electron/*'], message: "Only electron/main.ts, electron/preload.ts and electron/shell/** may import 'electron'." };

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
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode] }] },
  },
);
