import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'renderer/**/*.test.ts'],
    environment: 'node',
    // Generous: CI and these machines are shared, and a test that hangs still fails.
    testTimeout: 45_000,
    hookTimeout: 45_000,
    pool: 'forks',
    // Two cores: keep the suites from starving the emulators they start.
    maxWorkers: 2,
  },
});
