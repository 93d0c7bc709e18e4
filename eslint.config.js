import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import localPlugin from './eslint-plugin-local/code-layering.ts';

/**
 * Layering (DESIGN §2, STYLE "VS Code"): each layer lists what it MAY import; anything else fails
 * `npm test`. The first layer whose glob matches a file owns it. Type-only imports get nothing extra
 * unless `typeLayers` says so. test/unit/layering.test.ts proves each forbidden direction fails.
 */
const layers = [
  { name: 'common', files: ['common/**'], packages: ['zod', 'libphonenumber-js'] },
  // Development only: starts a worker from TypeScript sources (vitest, dev:web) through tsx. Never
  // built into the app (the built worker entry is plain JavaScript), so it may load the dev tooling.
  { name: 'main/core/dev-boot', files: ['main/core/workers/sourceWorkerBoot.mjs'], layers: ['*'], packages: ['*'] },
  {
    name: 'main/core', files: ['main/core/**'],
    layers: ['common'], packages: ['node:*', 'zod', 'pdfjs-dist', 'pdf-lib', '@cantoo/pdf-lib', '@pdf-lib/fontkit', 'bidi-js', 'sharp', 'libphonenumber-js', 'papaparse', 'ical.js'],
  },
  // Starts the in-process emulators behind the Demo accounts: the core's ports as types, never its code.
  { name: 'main/demo', files: ['main/demo/**'], layers: ['common', 'main/emulators'], typeLayers: ['main/core'], packages: ['node:*'] },
  { name: 'main/emulators', files: ['main/emulators/**'], layers: ['common'], packages: ['node:*', 'zod', 'busboy', 'pdf-lib'] },
  {
    name: 'main/shell', files: ['main/shell/**'],
    layers: ['common', 'main/core', 'main/demo', 'main/emulators', 'main/harness'], packages: ['node:*', 'electron'],
    grants: [
      { files: ['main/shell/keytarSecretStore.ts'], packages: ['keytar'], reason: 'the one keychain adapter' },
      { files: ['main/shell/updater.ts'], packages: ['electron-updater'], reason: 'the one updater adapter' },
    ],
  },
  // The dev bridge's browser half runs in the page, like the renderer.
  { name: 'main/harness/browser', files: ['main/harness/webBridge.ts'], layers: ['common'] },
  { name: 'main/harness', files: ['main/harness/**'], layers: ['common', 'main/core', 'main/demo'], packages: ['node:*', 'vite'] },
  { name: 'preload', files: ['preload/**'], layers: ['common'], packages: ['electron'] },
  {
    name: 'renderer', files: ['renderer/**'], layers: ['common'], packages: ['react', 'react-dom', 'zustand', 'pdfjs-dist', 'mammoth', '@tanstack/react-virtual'],
    grants: [{ files: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'], packages: ['vitest'], reason: 'unit tests next to the store' }],
  },
  // Tests, benchmarks and tooling may reach anything.
  { name: 'test', files: ['test/**', 'bench/**'], layers: ['*'], packages: ['*'] },
  { name: 'tooling', files: ['*.config.ts', '*.config.js', 'eslint-plugin-local/**', 'scripts/**'], layers: ['*'], packages: ['*'] },
];

const browserFiles = ['renderer/**/*.{ts,tsx}', 'main/harness/webBridge.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: localPlugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-empty-object-type': 'off',
      'local/code-layering': ['error', { layers }],
    },
  },
  { ignores: browserFiles, languageOptions: { globals: { ...globals.node } } },
  { files: browserFiles, languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
