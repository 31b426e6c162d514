import { defineConfig } from 'vitest/config'

const include = [
  'apps/*/src/**/*.test.ts',
  'apps/portal/app/**/*.test.ts',
  'apps/portal/texts/**/*.test.ts',
  'packages/*/src/**/*.test.ts',
  'db/**/*.test.ts',
  'test/**/*.test.ts',
]
const exclude = ['**/node_modules/**', '**/build/**']

// Files that swap modules for the whole process (vi.mock, vi.doMock with resetModules, a stubbed
// global): they run each in a process of their own, so what they swap reaches no other file.
const isolated = ['apps/portal/app/forms/zod-stand-in.test.ts', 'apps/portal/app/forms/field-components.test.ts', 'apps/portal/app/forms/reply-texts.test.ts']

// One run for the whole repository, so `npm test` ends with one summary.
export default defineConfig({
  test: {
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
    projects: [
      {
        extends: true,
        test: {
          name: 'kracht',
          include,
          exclude: [...exclude, ...isolated],
          // Test files share their worker processes and its loaded modules: loading the API, the
          // language package and the rest again for each of some 150 files was a third of the
          // suite's CPU (npm test 24.5 → 18.6 CPU-minutes, 1,290 → 940 s on this 2-core machine).
          // Each file still opens its own database, server and browser.
          isolate: false,
          // Room for PGlite's first start (initdb) in the files that open several embedded databases.
          poolOptions: { forks: { isolate: false, execArgv: ['--max-old-space-size=6144'] } },
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: isolated, exclude, isolate: true, poolOptions: { forks: { isolate: true } } } },
    ],
  },
})
