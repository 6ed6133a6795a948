import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/build-node.ts'],
    testTimeout: 20_000,
    // The store uses native better-sqlite3; forks keep each file's handles in its own process.
    pool: 'forks',
  },
});
