import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'happy-dom',
          // Property tests run hundreds of generated cases: a deadline for a hung test, not a speed check.
          testTimeout: 30000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.mjs', 'test/collector/**/*.test.mjs', 'test/build/**/*.test.mjs', 'test/conformance/classic/**/*.test.mjs'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 60000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          // Segment's code beside ours on generated calls (docs/conformance.md); the seeded quick run.
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'happy-dom',
          testTimeout: 600000,
          fileParallelism: false,
        },
      },
    ],
  },
});
