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
// Counted where every query meets the database, in the messages PGlite hands its PostgreSQL, so
// PGlite's own query (an unnamed statement) and the app's named statements (db/src/pglite-statements.ts)
// count alike: a query is a Bind (extended protocol) or a Query (simple protocol), its text from the
// Parse that made its statement; its time runs from its first message (a Parse, or the Bind of a
// statement parsed before) to the Sync that ends it. BEGIN/COMMIT/ROLLBACK of a transaction are not
// counted (as before: the transactions' own statements were never counted).
const decoder = new TextDecoder()
/** Statement name → its text (the app's named statements). */
const named = new Map()
/** The unnamed statement's text, from its Parse. */
let unnamed = ''
/** The query under way: when its first message was sent, and its text once bound. */
let current = null
const cstring = (buf, at) => {
  const end = buf.indexOf(0, at)
  return [decoder.decode(buf.subarray(at, end)), end + 1]
}
const record = (text, started, ended) => {
  queries++
  if (texts.length < 500) {
    texts.push(text.replace(/\s+/g, ' ').slice(0, 300))
    ms.push(ended - Math.max(started, lastEnd))
  }
}
const proto = PGlite.prototype
const execProtocolStream = proto.execProtocolStream
proto.execProtocolStream = async function (message, options) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the instance, for its WebAssembly memory's size
  lastPglite = this
  const started = performance.now()
  try {
    return await execProtocolStream.call(this, message, options)
  } finally {
    const ended = performance.now()
    const buf = message instanceof Uint8Array ? message : new Uint8Array(message)
    let at = 0
    while (at + 5 <= buf.length) {
      const type = buf[at]
      const length = ((buf[at + 1] << 24) | (buf[at + 2] << 16) | (buf[at + 3] << 8) | buf[at + 4]) >>> 0
      const body = at + 5
      if (type === 0x50 /* P */) {
        const [name, after] = cstring(buf, body)
        const [text] = cstring(buf, after)
        if (name) named.set(name, text)
        else unnamed = text
        current ??= { started, text: null }
      } else if (type === 0x42 /* B */) {
        const [, after] = cstring(buf, body)
        const [statement] = cstring(buf, after)
        current ??= { started, text: null }
        current.text = statement ? (named.get(statement) ?? statement) : unnamed
      } else if (type === 0x51 /* Q */) {
        const [text] = cstring(buf, body)
        if (!/^\s*(BEGIN|COMMIT|ROLLBACK)\s*;?\s*$/i.test(text)) current = { started, text }
      }
      // A Sync (0x53) or a simple Query ends a query. A Parse's own round trip (a statement prepared
      // before its first run) ends in a Sync with nothing bound: its time stays with the query it prepares.
      if ((type === 0x53 || type === 0x51) && current?.text) {
        record(current.text, current.started, ended)
        current = null
      }
      at += 1 + length
    }
    lastEnd = ended
  }
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
