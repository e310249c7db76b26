import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/tempRoot.ts', 'test/freshBuild.ts'],
    // dt-sql-parser's ES build imports directories, which Node's loader refuses: let Vite
    // resolve it (test/engines/sparkGrammar.test.ts).
    server: { deps: { inline: ['dt-sql-parser'] } },
  },
});
