// Page weight (issue 19, item 6): gzipped JavaScript per page of the production portal build, on a
// first visit straight to it (how it is counted: test/support/page-weight.ts). Target: every page
// ≤ 100 kB; exits 1 above it. `npm test` holds the same limit (test/page-weight.test.ts).
//
//   npm run bench -- weight            builds the portal first when there is no build
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { limitKb, measurePageWeights, portal, serverBuild } from '../support/page-weight'
import { writeResult } from './measure'

if (!existsSync(serverBuild)) {
  console.log('No portal build yet: building it (about a minute).')
  const built = spawnSync('npx', ['remix', 'vite:build'], { cwd: portal, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (built.status !== 0) process.exit(1)
}

const { pages, routeManifestLoaded } = measurePageWeights()
console.log(`\nGzipped JavaScript per page, first visit (production portal build; the page's texts included${routeManifestLoaded ? ', and the route manifest' : ''})`)
console.table(pages)
const over = pages.filter((row) => !row['within 100 kB'])
const heaviest = pages[0]
console.log(heaviest ? `Heaviest: ${heaviest.page} ${heaviest['JS kB gzip']} kB. ${over.length === 0 ? `Every page within ${limitKb} kB.` : `${over.length} page(s) over ${limitKb} kB.`}` : 'No pages found.')
writeResult('page-weight', { limitKb, routeManifestLoaded, pages })
if (over.length > 0) process.exit(1)
