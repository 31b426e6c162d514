import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '@kracht/db'
import { createTestApi, type TestApi } from '@kracht/api/testing'
import { scheduleRetention } from './retention'

let t: TestApi
beforeAll(async () => {
  t = await createTestApi()
})
afterAll(() => t.close())

describe('the daily retention job', () => {
  it('runs by itself after the first delay and erases an ended client past the period; the log names no one', async () => {
    // sam's account ended two years ago; the default period is 365 days.
    await t.deps.db.update(users).set({ deactivatedAt: new Date(t.deps.now().getTime() - 730 * 86_400_000) }).where(eq(users.id, t.ids.sam))
    const lines: string[] = []
    const job = scheduleRetention({ deps: t.deps, log: (line) => lines.push(line), firstAfterMs: 10 })
    for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    await job.stop()
    expect(lines).toEqual(['Retention: 1 ended client account(s) past the retention period erased.'])
    const [sam] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
    expect(sam?.erasedAt).not.toBeNull()
    expect(await job.runNow()).toBe(0)
  })
})
