// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Import directions from ARCHITECTURE.md, enforced per folder. */
const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map(([pattern, message]) => ({ group: [pattern], message })),
    },
  ],
});
const noServer = ['**/server/**', 'renderer and electron-free code must not import the hub'];
const noElectronFolder = ['**/electron/**', 'only the host may import electron/'];
const noRenderer = ['**/renderer/**', 'nothing imports the renderer'];
const noElectronPkg = ['electron', 'host services run in plain Node: no electron import'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', '.data/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: forbid(
      noServer,
      noElectronFolder,
      noRenderer,
      noElectronPkg,
      ['node:*', 'shared/ is pure: no Node modules'],
      ['react', 'shared/ is pure: no React'],
      ['socket.io', 'shared/ is pure: no transport'],
      ['socket.io-client', 'shared/ is pure: no transport'],
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: forbid(noElectronFolder, noRenderer, noElectronPkg),
  },
  {
    files: ['server/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/web/**/*.ts'],
    rules: forbid(noRenderer, noElectronPkg),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: forbid(noRenderer),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(noServer, noElectronFolder, noElectronPkg, ['node:*', 'the renderer runs in a browser']),
    },
  },
  {
    // User-visible text goes through t(); literal strings in JSX are a lint error.
    files: ['renderer/**/*.tsx', 'server/web/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', { mode: 'jsx-only' }],
    },
  },
  {
    files: ['tests/dom/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  prettier,
);
