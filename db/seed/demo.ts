import { count, eq, sql } from 'drizzle-orm'
import type { Database } from '../src/client'
import { clientWorkers, organisations, teams, users } from '../schema/index'

export const demoUsers = [
  { username: 'sam', role: 'client', displayName: 'Sam' },
  { username: 'noor', role: 'worker', displayName: 'Noor Haddou' },
  { username: 'eva', role: 'peer', displayName: 'Eva de Wit' },
  { username: 'admin', role: 'admin', displayName: 'Coördinator De Brug' },
] as const

export type DemoUsername = (typeof demoUsers)[number]['username']

export interface DemoSeedResult {
  seeded: boolean
  organisationId: string | null
  userIds: Partial<Record<DemoUsername, string>>
}

/**
 * Demo data for trying Kracht out. Only ever into an empty database, and never in production
 * (the caller checks that). Content for the demo client is added by the features that own it.
 */
export async function seedDemo(
  db: Database,
  /** The demo users' password hash, or a way to make it (argon2 takes a moment; only needed once). */
  options: { passwordHash: string | (() => Promise<string>); now?: Date },
): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    // Two servers starting at once on one empty database: one seeds, the other waits here and then
    // finds it seeded (the lock lasts to the end of the outermost transaction).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kracht:demo-seed'))`)
    // Only into a database made just now: one that ever held an organisation was not created as a demo.
    const [existingUsers] = await tx.select({ n: count() }).from(users)
    const [existingOrganisations] = await tx.select({ n: count() }).from(organisations)
    if ((existingUsers?.n ?? 0) > 0 || (existingOrganisations?.n ?? 0) > 0) return { seeded: false, organisationId: null, userIds: {} }
    const passwordHash = typeof options.passwordHash === 'string' ? options.passwordHash : await options.passwordHash()
    const [organisation] = await tx.insert(organisations).values({ name: 'Stichting De Brug', isDemo: true }).returning()
    if (!organisation) throw new Error('seed: organisation not created')
    const [team] = await tx
      .insert(teams)
      .values([
        { organisationId: organisation.id, name: 'Team Centrum' },
        { organisationId: organisation.id, name: 'Team Vrouwenopvang' },
      ])
      .returning()
    const userIds: Partial<Record<DemoUsername, string>> = {}
    for (const demo of demoUsers) {
      const [row] = await tx
        .insert(users)
        .values({
          organisationId: organisation.id,
          teamId: demo.role === 'client' ? null : (team?.id ?? null),
          role: demo.role,
          username: demo.username,
          displayName: demo.displayName,
          passwordHash,
          passwordChangedAt: options.now ?? new Date(),
        })
        .returning({ id: users.id })
      if (row) userIds[demo.username] = row.id
    }
    if (userIds.sam && userIds.noor) await tx.insert(clientWorkers).values({ clientId: userIds.sam, workerId: userIds.noor })
    return { seeded: true, organisationId: organisation.id, userIds }
  })
}

/**
 * Whether the database holds demo accounts (an organisation the demo seed made). A production start
 * refuses such a database: the demo passphrase is public.
 */
export async function databaseHoldsDemo(db: Database): Promise<boolean> {
  const [demo] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.isDemo, true)).limit(1)
  return demo !== undefined
}
