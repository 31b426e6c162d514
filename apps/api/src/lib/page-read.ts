// One page read (a GET of the portal) calls the API several times for the same client: the page
// for a client reads the inventory, its comments and the agreement, and the agreement hashes the
// same statements the inventory just read. Within that one read, nothing changes a client's data
// (a loader that writes clears it first), so each read of the database is made once and shared.
// Nothing outlives the page read: two server processes never see different state (ARCHITECTURE.md,
// Scale-out). Each API call still passes the gate and writes its own access-log row first.
import { currentPageRead } from './request-context'

/**
 * `read()` once per key within the current page read; outside one (a direct API call, a job, a
 * test calling a service), simply `read()`. The key names what is read and every filter it applies.
 */
export function oncePerPageRead<T>(key: string, read: () => PromiseLike<T>): Promise<T> {
  const reads = currentPageRead()?.reads
  // A Drizzle query is a thenable that runs again at every `then`: made a promise, it runs once.
  if (!reads) return Promise.resolve(read())
  const known = reads.get(key) as Promise<T> | undefined
  if (known) return known
  const fresh = Promise.resolve(read())
  reads.set(key, fresh)
  // A failed read is not kept: the next call in the page asks again.
  fresh.catch(() => reads.delete(key))
  return fresh
}

/** Puts what a wider read already holds under a narrower read's key (when not there yet). */
export function knownInPageRead<T>(key: string, value: T): void {
  const reads = currentPageRead()?.reads
  if (reads && !reads.has(key)) reads.set(key, Promise.resolve(value))
}
