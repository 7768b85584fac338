// Mutation testing of the pure core (npm run test:mutation): would the unit tests notice a broken rule?
// Survivors are killed by new tests or listed in docs/development.md › Mutation testing, with the reason.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/vitest.config.mjs' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/modes/classic/translate.ts',
    'src/modes/classic/groups.ts',
    'src/modes/classic/pages.ts',
    'src/modes/classic/traits.ts',
    'src/modes/classic/revenue.ts',
    'src/modes/classic/attribution.ts',
    'src/core/arguments.ts',
    'src/core/events.ts',
    'src/core/device-id.ts',
    'src/core/values.ts',
    'src/modes/classic/settings.ts',
    'src/core/query-string.ts',
    'src/core/page-context.ts',
    'src/core/facade.ts',
    'src/core/facade-dates.ts',
    'src/core/consent.ts',
    'src/modes/choose-mode.ts',
    'src/modes/actions/translate.ts',
    'src/modes/actions/presets.ts',
    'src/modes/actions/settings.ts',
    'src/modes/actions/payload-schema.ts',
    'src/modes/actions/mapping-kit.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants of module-level tables (the presets, the catalog defaults) need the whole unit suite per
  // mutant: half the run time for a sixth of the mutants. They are reported as ignored, and counted in docs/mutation-survivors.md.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // A rerun re-tests only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
};
