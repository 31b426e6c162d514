import { defineConfig } from 'vitest/config'

// One run for the whole repository, so `npm test` ends with one summary.
export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.ts',
      'apps/portal/app/**/*.test.ts',
      'apps/portal/texts/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'db/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/build/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A browser test polls the page after a step the server answers (a sign-in hashes a passphrase):
    // Vitest's default of 1 s failed on a busy machine, so a poll waits as long as a locator does.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Vitest runs one file at a time on a 2-core machine (cores − 1); most files wait on a browser or
    // a database much of the time, so two at once finish the suite sooner.
    maxWorkers: 2,
    minWorkers: 1,
    // Room for PGlite's first start (initdb) in the files that open several embedded databases.
    poolOptions: { forks: { execArgv: ['--max-old-space-size=6144'] } },
    globalSetup: ['test/support/global-setup.ts'],
  },
})
