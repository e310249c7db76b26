import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time on two cores: most of the suite waits on child processes, and
    // vitest's default (cores − 1) ran the files one by one.
    maxWorkers: 2,
    minWorkers: 1,
    globalSetup: ['test/tempRoot.ts', 'test/freshBuild.ts'],
    // dt-sql-parser's ES build imports directories, which Node's loader refuses: let Vite
    // resolve it (test/engines/sparkGrammar.test.ts).
    server: { deps: { inline: ['dt-sql-parser'] } },
  },
});
