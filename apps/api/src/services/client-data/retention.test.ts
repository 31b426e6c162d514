import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { accessLog, invitations, organisations, statements, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import type { Deps } from '../../lib/env'
import { clientsPastRetention, eraseClientsPastRetention } from './retention'

/** The daily job's choice, on a fixed clock: who is past the organisation's retention period. */
let t: TestApi
let kim: string
let lou: string
const ended = new Date('2026-01-10T09:00:00Z')
const day = 86_400_000
const at = (date: Date): Deps => ({ ...t.deps, now: () => date })

beforeAll(async () => {
  t = await createTestApi()
  const [sam] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const add = async (username: string, deactivatedAt: Date | null) => {
    const [row] = await t.deps.db
      .insert(users)
      .values({ organisationId: sam!.organisationId, role: 'client', username, displayName: username, passwordHash: sam!.passwordHash, deactivatedAt })
      .returning()
    await t.deps.db.insert(statements).values({ clientId: row!.id, domain: 'work', time: 'present', text: `Ik ben ${username} en ik kan koken` })
    // The invitation that made the account holds the name: accepted at the very moment the account was made.
    await t.deps.db.insert(invitations).values({
      organisationId: sam!.organisationId,
      role: 'client',
      displayName: username,
      invitedById: t.ids.noor,
      tokenHash: `token-${username}`,
      codeHash: `code-${username}`,
      expiresAt: new Date(row!.createdAt.getTime() + day),
      acceptedAt: row!.createdAt,
    })
    return row!.id
  }
  // kim's account ended on 10 January; lou's a week later; sam's never (still in care).
  kim = await add('kim', ended)
  lou = await add('lou', new Date(ended.getTime() + 7 * day))
  await t.deps.db.update(organisations).set({ retentionDays: 30 }).where(eq(organisations.id, sam!.organisationId))
  // A staff account that ended long ago is never the job's business.
  await t.deps.db.update(users).set({ deactivatedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(users.id, t.ids.eva))
})
afterAll(() => t.close())

describe('retention', () => {
  it('selects nobody before the period has passed', async () => {
    expect(await clientsPastRetention(t.deps, new Date(ended.getTime() + 30 * day - 1))).toEqual([])
  })

  it('selects a client on the day the period ends, and only ended clients', async () => {
    expect(await clientsPastRetention(t.deps, new Date(ended.getTime() + 30 * day))).toEqual([kim])
    expect(await clientsPastRetention(t.deps, new Date(ended.getTime() + 40 * day))).toEqual([kim, lou])
  })

  it('follows the organisation\'s setting', async () => {
    const [sam] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
    await t.deps.db.update(organisations).set({ retentionDays: 365 }).where(eq(organisations.id, sam!.organisationId))
    expect(await clientsPastRetention(t.deps, new Date(ended.getTime() + 40 * day))).toEqual([])
    await t.deps.db.update(organisations).set({ retentionDays: 30 }).where(eq(organisations.id, sam!.organisationId))
  })

  it('refuses a period outside 30 to 3650 days in the database too', async () => {
    await expect(t.deps.db.update(organisations).set({ retentionDays: 0 })).rejects.toThrow()
  })

  it('erases the selected clients with the same function as "delete my account", once', async () => {
    const clock = at(new Date(ended.getTime() + 31 * day))
    const result = await eraseClientsPastRetention(clock)
    expect(result).toEqual({ erased: [kim], failed: [] })
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, kim))
    expect(row).toMatchObject({ displayName: '—', passwordHash: null, erasedAt: clock.now() })
    expect((await t.deps.db.select({ n: count() }).from(statements).where(eq(statements.clientId, kim)))[0]?.n).toBe(0)
    const [logged] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, kim))
    expect(logged).toMatchObject({ action: 'delete', basis: 'retention_period', actorId: null })
    const invited = await t.deps.db.select({ name: invitations.displayName }).from(invitations)
    expect(invited.map((row) => row.name).sort()).toEqual(['lou'])
    // lou and sam keep everything; a second run finds nothing more to do.
    expect((await t.deps.db.select({ n: count() }).from(statements).where(eq(statements.clientId, lou)))[0]?.n).toBe(1)
    expect((await t.deps.db.select({ n: count() }).from(statements).where(eq(statements.clientId, t.ids.sam)))[0]?.n).toBeGreaterThan(0)
    expect(await eraseClientsPastRetention(clock)).toEqual({ erased: [], failed: [] })
  })
})
