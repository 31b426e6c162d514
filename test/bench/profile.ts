// Reads a CPU profile (`npm run bench -- server --profile` writes one per engine to
// test/bench/results/) and prints where the time went: self time by function and by package.
//   node --import tsx test/bench/profile.ts test/bench/results/server-embedded.cpuprofile
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

const file = process.argv[2]
if (!file) throw new Error('Give the .cpuprofile file.')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((sum, value) => sum + value, 0)

const where = (url: string) => {
  // The embedded database's PostgreSQL is WebAssembly: the only wasm this server runs.
  if (url.startsWith('wasm://')) return 'PGlite (wasm)'
  if (url.startsWith('node:')) return 'node (internals)'
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (match?.[1]) return match[1]
  if (url.includes('/apps/') || url.includes('/packages/') || url.includes('/db/')) return url.replace(/^.*?\/(apps|packages|db)\//, '$1/').replace(/\/src\/.*$/, '')
  return url ? url : '(native: gc, idle, file I/O)'
}
const sum = (key: (node: Node) => string) => {
  const totals = new Map<string, number>()
  for (const [id, micros] of self) {
    const node = byId.get(id)
    if (!node) continue
    totals.set(key(node), (totals.get(key(node)) ?? 0) + micros)
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), '%': Math.round((micros / total) * 1000) / 10 }))
}
console.log(`${file}: ${Math.round(total / 1000)} ms sampled`)
console.table(sum((node) => where(node.callFrame.url)))
console.table(sum((node) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|packages|db)\//, '$1/')}:${node.callFrame.lineNumber}`))
