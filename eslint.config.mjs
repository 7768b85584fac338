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
  { files: ['demo/**/*.js'], languageOptions: { globals: browser } },
  {
    files: ['scripts/**/*.mjs', 'build/**/*.mjs', 'mutation/**/*.mjs', 'collector/**/*.mjs', 'demo/**/*.mjs', 'test/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { ...node, ...browser } },
  },
  // Tests drive the dynamic window.analytics surface as a page does: `any` is allowed there.
  { files: ['test/**/*.ts'], languageOptions: { globals: { ...node, ...browser } }, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
