// npm run lint. The recommended sets of ESLint and typescript-eslint, plus a few rules chosen for this
// code: no loose equality (coercion bugs), no stray console output from the library (it speaks through
// src/runtime/log.ts), unused names are errors unless they start with "_", and an empty catch is allowed (every
// one here is a deliberate "the page's storage/console/DOM may throw").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browser = {
  window: 'readonly',
  document: 'readonly',
  navigator: 'readonly',
  location: 'readonly',
  history: 'readonly',
  performance: 'readonly',
  localStorage: 'readonly',
  sessionStorage: 'readonly',
  console: 'readonly',
  fetch: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  atob: 'readonly',
  btoa: 'readonly',
  Element: 'readonly',
  EventSource: 'readonly',
  Event: 'readonly',
  MouseEvent: 'readonly',
  Proxy: 'readonly',
  queueMicrotask: 'readonly',
  crypto: 'readonly',
  Storage: 'readonly',
  PerformanceObserver: 'readonly',
  Navigator: 'readonly',
};
// The page's globals. Only src/browser/ reads or writes the page (docs/architecture.md): everything else gets
// it passed in (the BrowserPort, the transport, the clock), so it runs in unit tests with no page, and a
// hostile page's throwing getter is met in one defensive place. `globalThis.x` and `self.x` are the same
// reads by another name; `addEventListener` is restricted on any object, the page's elements included.
const PAGE_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'performance',
  'addEventListener',
  'removeEventListener',
  'fetch',
  'XMLHttpRequest',
];
const pageOnlyThroughBrowser = (except = []) => {
  const names = PAGE_GLOBALS.filter((name) => !except.includes(name));
  const message = 'the page is read and written only in src/browser/ (pass it in, as the BrowserPort does)';
  return {
    'no-restricted-globals': ['error', ...names.map((name) => ({ name, message }))],
    'no-restricted-properties': [
      'error',
      { property: 'addEventListener', message },
      { property: 'removeEventListener', message },
      ...names.map((property) => ({ object: 'globalThis', property, message })),
    ],
  };
};
const node = {
  process: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  fetch: 'readonly',
  performance: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'docs/**', 'reports/**', '.stryker-tmp/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['src/**/*.ts'], languageOptions: { globals: browser }, rules: { 'no-console': 'error' } },
  { files: ['src/runtime/log.ts', 'src/script.ts'], rules: { 'no-console': 'off' } },
  { files: ['src/**/*.ts'], ignores: ['src/browser/**', 'src/server/**'], rules: pageOnlyThroughBrowser() },
  // The server module runs in Node, not in a page: its `fetch` is Node's (and a caller may pass its own).
  { files: ['src/server/**/*.ts'], rules: pageOnlyThroughBrowser(['fetch']) },
  { files: ['demo/**/*.js'], languageOptions: { globals: browser } },
  {
    files: ['scripts/**/*.mjs', 'build/**/*.mjs', 'mutation/**/*.mjs', 'collector/**/*.mjs', 'demo/**/*.mjs', 'test/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { ...node, ...browser } },
  },
  // Tests drive the dynamic window.analytics surface as a page does: `any` is allowed there.
  { files: ['test/**/*.ts'], languageOptions: { globals: { ...node, ...browser } }, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
