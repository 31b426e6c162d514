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
    // Test files share their two worker processes and the modules loaded there. The forks pool is one
    // for the whole run and takes `isolate` from here, not from a project: set only on the project
    // (until 2026-12-02), every file still got a process of its own and loaded the API, the language
    // package and the rest again. Here, npm test went from 1,150–1,290 s to 365 s on two cores (collect
    // 286 → 14 s), the PostgreSQL phase of .ci/run from 199 to 59 s. Each file still opens its own
    // database, server and browser.
    // Room for PGlite's first start (initdb) in the files that open several embedded databases.
    poolOptions: { forks: { isolate: false, execArgv: ['--max-old-space-size=6144'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'kracht',
          include,
          exclude: [...exclude, ...isolated],
          // No fresh module graph per file either (see poolOptions above).
          isolate: false,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      // Worker threads, a pool of their own that gives each file a fresh thread (threads isolate by default).
      { extends: true, test: { name: 'isolated', include: isolated, exclude, isolate: true, pool: 'threads' } },
    ],
  },
})
