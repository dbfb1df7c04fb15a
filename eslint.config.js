import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Bare names are matched exactly (`paths`); `node:*` by pattern. Patterns would also hit local files such as './events'.
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'buffer', 'process', 'events', 'zlib'];
const noNode = (message) => ({ paths: nodeBuiltins.map((name) => ({ name, message })), nodePattern: { group: ['node:*'], message } });

// Dependency rules of the house (README "Dependency rules"): enforced here and by per-folder tsconfigs.
export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'release/**', 'e2e/artifacts/**', 'test-results/**', 'playwright-report/**', ] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript entry points (launcher, CLI bin, packaging hooks) run on Node.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...noNode('shared/ is isomorphic: no Node modules.').paths,
          ...['electron', 'better-sqlite3', 'react', 'react-dom', 'exceljs', 'pdfmake', 'ws'].map((name) => ({ name, message: 'shared/ may not import platform or UI packages.' })),
        ],
        patterns: [
          noNode('shared/ is isomorphic: no Node modules.').nodePattern,
          { group: ['**/electron/**', '**/renderer/**', '**/e2e/**'], message: 'shared/ imports nothing else in the repo.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'window', message: 'No DOM in shared/.' }, { name: 'document', message: 'No DOM in shared/.' }, { name: 'process', message: 'No Node in shared/.' }, { name: 'Buffer', message: 'No Node in shared/.' }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron; the core is plain Node.' }],
        patterns: [{ group: ['**/renderer/**'], message: 'The core never imports the UI.' }],
      }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [
          ...noNode('The renderer has no Node.').paths,
          { name: 'electron', message: 'The renderer talks to the core only through renderer/api.' },
        ],
        patterns: [
          noNode('The renderer has no Node.').nodePattern,
          { group: ['**/electron/**'], message: 'The renderer imports shared/ only, never the core.' },
        ],
      }],
    },
  },
);
