import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { apiTokens, organisations, sessions, users, type Database, type User } from '@kracht/db'
import { hashToken, newToken } from '../lib/tokens'
import { accessFactsColumns, accessFactsFrom, type AccessFacts, type AccessFactsRow } from '../access/facts'
import type { Config } from '../lib/config'
import type { AppEnv, Deps, PublicUser } from '../lib/env'

export const sessionCookieName = 'kracht_session'

/**
 * Over https the cookie is `Secure` and named `__Host-kracht_session`: browsers then accept it only
 * from this exact host over https, with Path=/ and no Domain, so a sibling subdomain or a plain-http
 * page cannot plant or overwrite it.
 */
export function sessionCookie(config: Config): { name: string; secure: boolean } {
  return config.secureCookies ? { name: `__Host-${sessionCookieName}`, secure: true } : { name: sessionCookieName, secure: false }
}

/** A password sign-in of someone with TOTP waits this long for the code. */
const secondFactorMinutes = 5

// The idle time-out is enforced exactly; last-seen is written at most once a minute to spare the database.
const touchIntervalMs = 60_000

export function toPublicUser(user: Pick<User, 'id' | 'username' | 'role' | 'organisationId' | 'displayName' | 'locale'>): PublicUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    organisationId: user.organisationId,
    displayName: user.displayName,
    locale: user.locale,
  }
}

/**
 * A fresh session id at every sign-in, so a fixed (planted) cookie is worthless. With
 * `secondFactorPending` the session only lets its holder send the authenticator code, for 5 minutes.
 */
export async function startSession(c: Context<AppEnv>, userId: string, options: { secondFactorPending?: boolean } = {}): Promise<string> {
  const deps = c.get('deps')
  const cookie = sessionCookie(deps.config)
  const token = newToken()
  const now = deps.now()
  const previous = getCookie(c, cookie.name)
  if (previous) await deps.db.delete(sessions).where(eq(sessions.id, hashToken(previous, deps.config.secret)))
  const pending = options.secondFactorPending === true
  const id = hashToken(token, deps.config.secret)
  const lifetimeMs = pending ? secondFactorMinutes * 60_000 : deps.config.SESSION_ABSOLUTE_HOURS * 3_600_000
  await deps.db.insert(sessions).values({
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
    secondFactorPending: pending,
  })
  setCookie(c, cookie.name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookie.secure,
    path: '/',
    maxAge: Math.floor(lifetimeMs / 1000),
  })
  return id
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const deps = c.get('deps')
  const cookie = sessionCookie(deps.config)
  const token = getCookie(c, cookie.name)
  if (token) await deps.db.delete(sessions).where(eq(sessions.id, hashToken(token, deps.config.secret)))
  deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
}

/**
 * Ends every session of a person and revokes their API tokens: used for "sign out everywhere", a
 * passphrase change and an access reset. A token made from a stolen session must not outlive the
 * moment the owner takes their account back.
 */
export async function endAllSessions(deps: Deps, userId: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.userId, userId))
  await deps.db.update(apiTokens).set({ revokedAt: deps.now() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'second_factor'; userId: string; user: PublicUser; sessionId: string }
  | { status: 'active'; user: PublicUser; sessionId: string; mustEnrolTotp: boolean; facts?: AccessFacts | undefined }

/**
 * The session lookup, built once per database (issue 19): Drizzle otherwise builds its SQL again for
 * every request (0.2 ms of each request's time, the floor's too), and the values come in as
 * placeholders. Only the columns the lookup uses: never the passphrase's hash or the authenticator's
 * secrets, which no request needs (the sign-in and the authenticator routes read those themselves).
 * With facts: the consent gate's facts about the client `client`, unless the session's user is that
 * client (then the three columns are empty and nothing of them is read).
 */
function buildLookup(db: Database, withFacts: boolean) {
  const client = sql.placeholder('client')
  const facts = withFacts ? accessFactsColumns(client, sql`${sessions.userId}`, sql`${sessions.userId} <> ${client}`) : {}
  return db
    .select({
      session: { expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, secondFactorPending: sessions.secondFactorPending },
      user: {
        id: users.id,
        username: users.username,
        role: users.role,
        organisationId: users.organisationId,
        displayName: users.displayName,
        locale: users.locale,
        totpEnabledAt: users.totpEnabledAt,
        deactivatedAt: users.deactivatedAt,
      },
      requireStaffTotp: organisations.requireStaffTotp,
      ...facts,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(withFacts ? 'session_lookup_with_facts' : 'session_lookup')
}

type PreparedLookup = ReturnType<typeof buildLookup>
/** Per database object: a query built for one database never runs on another (tests open many). */
const preparedLookups = new WeakMap<Database, { plain?: PreparedLookup; withFacts?: PreparedLookup }>()

function preparedLookup(db: Database, withFacts: boolean): PreparedLookup {
  let built = preparedLookups.get(db)
  if (!built) preparedLookups.set(db, (built = {}))
  return withFacts ? (built.withFacts ??= buildLookup(db, true)) : (built.plain ??= buildLookup(db, false))
}

/**
 * Finds the signed-in user for a cookie, applying the idle and absolute time-outs. With `factsFor`
 * (a request about that client), the consent gate's facts about the client as this user sees them
 * come with the same query (access/facts.ts), unless the user is that client (the gate needs none):
 * one round trip less for every request of someone else about a client's data (issue 19). Nothing
 * is decided here; the gate decides on them as on facts it read itself.
 */
export async function lookupSession(deps: Deps, token: string | undefined, factsFor?: string): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' }
  const id = hashToken(token, deps.config.secret)
  const now = deps.now()
  const [row] = factsFor ? await preparedLookup(deps.db, true).execute({ id, client: factsFor }) : await preparedLookup(deps.db, false).execute({ id })
  if (!row) return { status: 'none' }
  // A deactivated account's sessions were ended at that moment; a row that slipped past is ended now.
  if (row.user.deactivatedAt) {
    await deps.db.delete(sessions).where(eq(sessions.id, id))
    return { status: 'expired' }
  }
  const idleLimit = new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000)
  if (row.session.expiresAt <= now || row.session.lastSeenAt <= idleLimit) {
    await deps.db.delete(sessions).where(eq(sessions.id, id))
    return { status: 'expired' }
  }
  if (row.session.secondFactorPending) return { status: 'second_factor', userId: row.user.id, user: toPublicUser(row.user), sessionId: id }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchIntervalMs) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  }
  // The organisation asks staff for an authenticator app: until they set one up, they can only do that.
  const mustEnrolTotp = row.requireStaffTotp && row.user.role !== 'client' && row.user.totpEnabledAt === null
  const read = row as Partial<AccessFactsRow>
  const withFacts = factsFor && factsFor !== row.user.id && read.people && read.workerIds && read.grants
    ? { facts: accessFactsFrom({ people: read.people, workerIds: read.workerIds, grants: read.grants }) }
    : {}
  return { status: 'active', user: toPublicUser(row.user), sessionId: id, mustEnrolTotp, ...withFacts }
}

/** Housekeeping: sessions past either time-out. */
export async function deleteExpiredSessions(deps: Deps): Promise<void> {
  const now = deps.now()
  const idleLimit = new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000)
  await deps.db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleLimit)))
}

