import { eq, lt, or } from 'drizzle-orm'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { sessions, users, type User } from '@kracht/db'
import { hashToken, newToken } from '../lib/tokens'
import type { AppEnv, Deps, PublicUser } from '../lib/env'

export const sessionCookieName = 'kracht_session'

// The idle time-out is enforced exactly; last-seen is written at most once a minute to spare the database.
const touchIntervalMs = 60_000

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    organisationId: user.organisationId,
    displayName: user.displayName,
    locale: user.locale,
  }
}

/** A fresh session id at every sign-in, so a fixed (planted) cookie is worthless. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const deps = c.get('deps')
  const token = newToken()
  const now = deps.now()
  const previous = getCookie(c, sessionCookieName)
  if (previous) await deps.db.delete(sessions).where(eq(sessions.id, hashToken(previous, deps.config.secret)))
  await deps.db.insert(sessions).values({
    id: hashToken(token, deps.config.secret),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
  })
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.production,
    path: '/',
    maxAge: deps.config.SESSION_ABSOLUTE_HOURS * 3600,
  })
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const deps = c.get('deps')
  const token = getCookie(c, sessionCookieName)
  if (token) await deps.db.delete(sessions).where(eq(sessions.id, hashToken(token, deps.config.secret)))
  deleteCookie(c, sessionCookieName, { path: '/', secure: deps.config.production })
}

export async function endAllSessions(deps: Deps, userId: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.userId, userId))
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'active'; user: PublicUser; sessionId: string }

/** Finds the signed-in user for a cookie, applying the idle and absolute time-outs. */
export async function lookupSession(deps: Deps, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' }
  const id = hashToken(token, deps.config.secret)
  const now = deps.now()
  const [row] = await deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
  if (!row) return { status: 'none' }
  const idleLimit = new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000)
  if (row.session.expiresAt <= now || row.session.lastSeenAt <= idleLimit) {
    await deps.db.delete(sessions).where(eq(sessions.id, id))
    return { status: 'expired' }
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchIntervalMs) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  }
  return { status: 'active', user: toPublicUser(row.user), sessionId: id }
}

/** Housekeeping: sessions past either time-out. */
export async function deleteExpiredSessions(deps: Deps): Promise<void> {
  const now = deps.now()
  const idleLimit = new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000)
  await deps.db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleLimit)))
}

