// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * Import directions from ARCHITECTURE.md, enforced per folder. A rule is
 * [glob, message] or [RegExp, message]; ESLint keeps only the last
 * no-restricted-imports that applies to a file, so each folder's list repeats the wider ones.
 */
const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map(([pattern, message]) =>
        pattern instanceof RegExp ? { regex: pattern.source, message } : { group: [pattern], message },
      ),
    },
  ],
});
const noServer = ['**/server/**', 'renderer and electron-free code must not import the hub'];
const noElectronFolder = ['**/electron/**', 'only the host may import electron/'];
const noRenderer = ['**/renderer/**', 'nothing imports the renderer'];
const noElectronPkg = ['electron', 'host services run in plain Node: no electron import'];

/*
 * Layers inside the renderer, lowest first:
 *   ui        primitives (Button, Field, Alert, ViewFrame): React and i18n only, no other renderer folder
 *   net, host the hub connection and the workstation host's bridge: no React views at all
 *   session   the signed-in session (hub link, outbox, drafts, feature stores): may use net and host only
 *   a11y      keyboard, scanning, alerts, settings: may use ui, host, net and session, never the app or a workspace
 *   workspaces tickets/ live/ shifts/ employer/: may use everything below, never the app or each other
 *   app       shell, sign-in, router: composes all of them
 * Paths are matched as written (no resolution), so a folder is named by the
 * relative climb to it: `../../app/…` from renderer/a11y/keyboard. No folder
 * below renderer/ may therefore hold a subfolder named like a renderer folder.
 */
const rendererFolder = (name) => new RegExp(`^(\\.\\./)+${name}(/|$)`);
const workspaceFolders = ['tickets', 'live', 'shifts', 'employer'];
const rendererBase = [
  noServer,
  noElectronFolder,
  noElectronPkg,
  ['node:*', 'the renderer runs in a browser'],
];
const noApp = [rendererFolder('app'), 'only the app composes: lower layers get what they need as props'];
const noA11y = [rendererFolder('a11y'), 'a11y sits above this layer'];
const noUi = [rendererFolder('ui'), 'net/ and host/ hold data and connections, no views'];
const noHost = [rendererFolder('host'), 'ui primitives take data as props, not from the host'];
const noNet = [rendererFolder('net'), 'ui primitives take data as props, not from the hub'];
const noSession = [
  rendererFolder('session'),
  'the session sits above this layer: it is handed down, not reached up to',
];
const sessionLimits = [
  [rendererFolder('app'), 'the session holds data and connections; the app composes views over it'],
  [rendererFolder('a11y'), 'the session holds data and connections, no views'],
  [rendererFolder('ui'), 'the session holds data and connections, no views'],
];
const noWorkspace = (except) =>
  workspaceFolders
    .filter((name) => name !== except)
    .map((name) => [rendererFolder(name), `only the app's shell composes workspaces (${name}/)`]);

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
    // Type-aware: a promise nobody awaits or handles loses its error (and a worker's text with it).
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './tsconfig.web.json',
          './tsconfig.electron.json',
          './tests/e2e/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
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
    // The hub's pages (server/web/<page>/) run in a customer's browser: shared code only, no hub code, no Node.
    files: ['server/web/*/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        noElectronFolder,
        noRenderer,
        noElectronPkg,
        ['node:*', 'the page runs in a browser'],
        [/^\.\.\/\.\.\/(?!\.\.\/)/, 'the page runs in a browser: it may import shared/, never the hub'],
      ),
    },
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
      ...forbid(...rendererBase),
    },
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: forbid(...rendererBase, noApp, noA11y, noHost, noNet, noSession, ...noWorkspace()),
  },
  {
    files: ['renderer/a11y/**/*.{ts,tsx}'],
    rules: forbid(...rendererBase, noApp, ...noWorkspace()),
  },
  {
    files: ['renderer/net/**/*.{ts,tsx}', 'renderer/host/**/*.{ts,tsx}'],
    rules: forbid(...rendererBase, noApp, noA11y, noUi, noSession, ...noWorkspace()),
  },
  {
    files: ['renderer/session/**/*.{ts,tsx}'],
    rules: forbid(...rendererBase, ...sessionLimits, ...noWorkspace()),
  },
  ...workspaceFolders.map((name) => ({
    files: [`renderer/${name}/**/*.{ts,tsx}`],
    rules: forbid(...rendererBase, noApp, ...noWorkspace(name)),
  })),
  {
    // User-visible text goes through t(); literal strings in JSX are a lint error.
    files: ['renderer/**/*.tsx', 'server/web/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', { mode: 'jsx-only' }],
    },
  },
  {
    // Components read stores and call their methods; the socket and the bridge stay behind them.
    // main.tsx is the one place that builds the bridge and hands it to the stores.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/main.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='socket.io-client']",
          message: 'components do not open sockets: a store in renderer/session (or net) does',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(call|listen)$/][callee.object.name=/[bB]ridge$/]',
          message: 'components do not call the bridge: use a host service (renderer/host) or a session store',
        },
        {
          selector:
            "MemberExpression[property.name=/^(request|send|ephemeral|onPush)$/]:matches([object.name='hub'], [object.property.name='hub'])",
          message: 'components do not talk to the hub: a session store does, and the component calls it',
        },
      ],
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
