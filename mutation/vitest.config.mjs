// The unit project alone, for Stryker (npm run test:mutation): mutants are judged by the unit tests of
// the pure core, which run in a few seconds; the browser suite guards the bundle (npm run test:mutants).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'happy-dom',
    // Property tests run hundreds of generated cases: a deadline for a hung test, not a speed check.
    testTimeout: 30000,
  },
});
