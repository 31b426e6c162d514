// Bench only: the server as `npm start` runs it (apps/server/build/main.mjs, plain Node, no tsx, so
// the memory measured is the start's), with every query the embedded database runs counted, so the
// benchmark can report queries per request. The parent asks over IPC: 'reset' zeroes the counter,
// 'count' answers { queries, texts, ms }, 'memory' answers process.memoryUsage() and the size of
// PGlite's WebAssembly memory. BENCH_SERVER_ENTRY=src runs the TypeScript entry instead (started
// with `--import tsx`, as `npm start` did before the bundle; for comparisons). Plain JavaScript:
// nothing here is loaded by the app itself.
import { PGlite } from '@electric-sql/pglite'

let queries = 0
/** The text of each query since the last reset (for `--queries`), capped so a long run stays small. */
let texts = []
/** Each of those queries' own time in milliseconds, in the same order. */
let ms = []
/** When the previous query ended: PGlite runs one query at a time, so a query's own time starts no earlier. */
let lastEnd = 0
/** The embedded database this process opened last (for its WebAssembly memory's size). */
let lastPglite = null
const counted = (run) =>
  async function (...args) {
    queries++
    if (this instanceof PGlite) lastPglite = this
    const text = String(args[0]).replace(/\s+/g, ' ').slice(0, 300)
    const started = performance.now()
    try {
      return await run.apply(this, args)
    } finally {
      const ended = performance.now()
      // Its own time: from its start or the end of the one before it, whichever is later.
      if (texts.length < 500) {
        texts.push(text)
        ms.push(ended - Math.max(started, lastEnd))
      }
      lastEnd = ended
    }
  }
const proto = PGlite.prototype
proto.query = counted(proto.query)
proto.exec = counted(proto.exec)
const transaction = proto.transaction
proto.transaction = function (callback) {
  return transaction.call(this, (tx) => {
    tx.query = counted(tx.query.bind(tx))
    tx.exec = counted(tx.exec.bind(tx))
    return callback(tx)
  })
}

process.on('message', (message) => {
  if (message === 'reset') {
    queries = 0
    texts = []
    ms = []
  }
  if (message === 'count') process.send?.({ queries, texts, ms })
  // PGlite's PostgreSQL runs in a WebAssembly memory: it grows and never shrinks.
  if (message === 'memory') process.send?.({ ...process.memoryUsage(), wasm: lastPglite?.mod?.HEAPU8?.length ?? null })
})

await import(process.env['BENCH_SERVER_ENTRY'] === 'src' ? '../../apps/server/src/main.ts' : '../../apps/server/build/main.mjs')
