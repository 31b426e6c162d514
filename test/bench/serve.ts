// Bench only: the real entry of `npm start` (apps/server/src/main.ts), with every query the embedded
// database runs counted, so the benchmark can report queries per request. The parent asks over IPC:
// 'reset' zeroes the counter, 'count' answers { queries }. Nothing here is loaded by the app itself.
import { PGlite } from '@electric-sql/pglite'

let queries = 0
/** The text of each query since the last reset (for `--queries`), capped so a long run stays small. */
let texts: string[] = []
/** Each of those queries' own time in milliseconds, in the same order. */
let ms: number[] = []
type Run = (...args: unknown[]) => Promise<unknown>
interface Queryable {
  query: Run
  exec: Run
  transaction: (callback: (tx: Queryable) => Promise<unknown>) => Promise<unknown>
}
/** When the previous query ended: PGlite runs one query at a time, so a query's own time starts no earlier. */
let lastEnd = 0
const counted = (run: Run): Run =>
  async function (this: unknown, ...args: unknown[]) {
    queries++
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
const proto = PGlite.prototype as unknown as Queryable
proto.query = counted(proto.query)
proto.exec = counted(proto.exec)
const transaction = proto.transaction
proto.transaction = function (this: Queryable, callback) {
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
})

await import('../../apps/server/src/main')
