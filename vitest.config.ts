import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Loads the expression parser (and whatever else prepareScenarioInput loads) for every test file.
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
