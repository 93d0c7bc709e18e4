import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layering (DESIGN §1, STYLE "VS Code"): a wrong-way import fails `npm test`. */
const noElectron = [
  { name: 'electron', message: 'main/core and common run under plain Node: no electron.' },
  { name: 'keytar', message: 'Only main/shell/keytarSecretStore.ts imports keytar.' },
];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'net', 'stream', 'url', 'util', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noElectron,
        patterns: [
          { group: nodeBuiltins, message: 'common/ is environment-neutral: no Node built-ins.' },
          { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'common/ imports nothing from the app.' },
        ],
      }],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/emulators/**/*.ts', 'main/harness/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noElectron,
        patterns: [
          { group: ['**/shell/**', '**/renderer/**', '**/preload/**'], message: 'main/core depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    ignores: ['main/shell/keytarSecretStore.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'keytar', message: 'Only main/shell/keytarSecretStore.ts imports keytar.' }],
        patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports renderer code.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: noElectron,
        patterns: [
          { group: nodeBuiltins, message: 'The renderer is a sandboxed page: no Node.' },
          { group: ['**/main/**'], message: 'The renderer talks to main only through window.faxdesk.' },
          { group: ['**/preload/**'], message: 'The page gets window.faxdesk from the bridge, never preload code.' },
        ],
      }],
    },
  },
);
