// Mutation testing of the pure core (npm run test:mutation): would the unit tests notice a broken rule?
// Survivors are killed by new tests or listed in README › Develop › Mutation testing, with the reason.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/translate.ts',
    'src/revenue.ts',
    'src/attribution.ts',
    'src/arguments.ts',
    'src/events.ts',
    'src/device-id.ts',
    'src/values.ts',
    'src/settings.ts',
    'src/query-string.ts',
    'src/page-context.ts',
    'src/facade.ts',
    'src/facade-dates.ts',
    'src/consent.ts',
    'src/destination-mode.ts',
    'src/actions-translate.ts',
    'src/mapping-kit.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants of module-level tables (the presets, the catalog defaults) need the whole unit suite per
  // mutant: half the run time for a sixth of the mutants. They are reported as ignored, and counted in README.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
