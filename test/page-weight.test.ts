import { describe, expect, it } from 'vitest'
import { limitKb, measurePageWeights } from './support/page-weight'

/*
 * Issue 19, item 6: every page ships at most 100 kB of gzipped JavaScript. Sizes are the same on
 * every machine (unlike timings, which stay in `npm run bench`), so the limit is held here, on the
 * production build the tests' global set-up makes: a change that pushes a page over fails CI instead
 * of being found a session later (three pages had grown over it unseen, 2026-12-03).
 */
describe('page weight of the production portal build', () => {
  const { pages } = measurePageWeights()

  it('counts every page of the portal', () => {
    // The portal has some 65 pages; far fewer means the manifest was misread and the limit below would say nothing.
    expect(pages.length).toBeGreaterThan(50)
    expect(pages.map((row) => row.page)).toEqual(expect.arrayContaining(['/inloggen', '/delen', '/netwerk', '/clienten/:clientId']))
    // React DOM and Remix alone are some 78 kB: a page counted below that was not counted whole.
    expect(Math.min(...pages.map((row) => row['JS kB gzip']))).toBeGreaterThan(75)
  })

  it(`ships at most ${limitKb} kB of gzipped JavaScript on every page`, () => {
    expect(pages.filter((row) => row['JS kB gzip'] > limitKb).map((row) => `${row.page}: ${row['JS kB gzip']} kB`)).toEqual([])
  })
})
