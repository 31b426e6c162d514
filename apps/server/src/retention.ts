import { deleteExpiredIdempotencyKeys, eraseClientsPastRetention, errorForLog, type Deps } from '@kracht/api'

export interface RetentionSchedule {
  /** Erases every client past their organisation's retention period now; resolves with how many. */
  runNow(): Promise<number>
  /** No more runs; waits for one that is running. */
  stop(): Promise<void>
}

/**
 * The daily erasure of ended clients past their organisation's retention period (GDPR art. 5(1)(e)),
 * like the daily backup (backups.ts): first a few minutes after start, so a start is not slowed,
 * then every `everyHours`. Several processes behind a load balancer may each run it: the erasure
 * locks each client's row and does nothing the second time. The log says how many, never who.
 */
export function scheduleRetention(options: { deps: Deps; log: (line: string) => void; everyHours?: number; firstAfterMs?: number }): RetentionSchedule {
  const { deps, log } = options
  const interval = (options.everyHours ?? 24) * 60 * 60 * 1000
  let running: Promise<number> | null = null
  let timer: NodeJS.Timeout | null = null

  const runNow = (): Promise<number> => {
    running ??= (async () => {
      try {
        const { erased, failed } = await eraseClientsPastRetention(deps)
        // The answers kept against retried writes (24 hours) go the same day; each person's own are
        // also removed lazily before their next keyed write.
        await deleteExpiredIdempotencyKeys(deps)
        if (erased.length > 0) log(`Retention: ${erased.length} ended client account(s) past the retention period erased.`)
        if (failed.length > 0) log(`Retention: ${failed.length} erasure(s) failed; the next run tries again.`)
        return erased.length
      } catch (error) {
        log(`Retention: the run failed: ${errorForLog(error)}`)
        return 0
      } finally {
        running = null
      }
    })()
    return running
  }

  const plan = (delay: number) => {
    timer = setTimeout(() => void runNow().finally(() => plan(interval)), delay)
    timer.unref()
  }
  plan(options.firstAfterMs ?? 5 * 60_000)

  return {
    runNow,
    async stop() {
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
