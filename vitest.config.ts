import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Two cores here and in CI: SQLite files in temp dirs are cheap, parallel forks are not.
    pool: 'forks',
    maxWorkers: 2,
    // A ceiling, not a measure: CLI tests start several tsx processes each, which on two
    // busy cores can take minutes; a hung test still ends.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
