import { and, desc, eq, isNull } from 'drizzle-orm'
import { apiTokens, consentScopes, users, type ConsentScope } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { hashToken, newToken } from '../lib/tokens'
import { toPublicUser } from '../auth/sessions'
import { confirmPassphrase } from './accounts'

/** Recognisable in logs and secret scanners; the part after it is 256 random bits. */
export const tokenPrefix = 'kracht_'
/**
 * A token always ends; 90 days at most, so a forgotten or leaked token does not live long. It also
 * ends when its owner changes their passphrase or signs out everywhere (auth/sessions endAllSessions).
 */
export const maxTokenDays = 90

const serialise = (row: typeof apiTokens.$inferSelect) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
})

/** Creates a read-only token; the secret is returned once and only its keyed hash is kept. */
export async function createApiToken(deps: Deps, input: { user: PublicUser; name: string; scopes: string[]; expiresAt: string; password: string }) {
  // Asked again: someone at an unlocked screen must not be able to take a lasting key away.
  await confirmPassphrase(deps, { userId: input.user.id, password: input.password, field: 'password' })
  const now = deps.now()
  const scopes = input.scopes.filter((scope): scope is ConsentScope => (consentScopes as readonly string[]).includes(scope))
  if (scopes.length === 0 || scopes.length !== input.scopes.length) throw new AppError('unknown_scope', 'Unknown scope.', { scopes: 'unknown_scope' })
  const expiresAt = new Date(input.expiresAt)
  if (expiresAt <= now) throw new AppError('ends_in_past', 'The end date has already passed.', { expiresAt: 'ends_in_past' })
  if (expiresAt.getTime() - now.getTime() > maxTokenDays * 86_400_000) {
    throw new AppError('validation_failed', `A token lasts at most ${maxTokenDays} days.`, { expiresAt: 'too_long' })
  }
  const secret = `${tokenPrefix}${newToken()}`
  const [row] = await deps.db
    .insert(apiTokens)
    .values({
      userId: input.user.id,
      name: input.name,
      tokenHash: hashToken(secret, deps.config.secret),
      prefix: secret.slice(0, tokenPrefix.length + 4),
      scopes,
      expiresAt,
      createdAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return { ...serialise(row), token: secret }
}

export async function listApiTokens(deps: Deps, userId: string) {
  const rows = await deps.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt))
  return rows.map(serialise)
}

export async function revokeApiToken(deps: Deps, input: { userId: string; tokenId: string }) {
  const [row] = await deps.db.select().from(apiTokens).where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId)))
  if (!row) throw new AppError('not_found', 'No such token.')
  if (row.revokedAt) throw new AppError('token_already_revoked', 'This token was already revoked.')
  const [updated] = await deps.db.update(apiTokens).set({ revokedAt: deps.now() }).where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt))).returning()
  return serialise(updated ?? row)
}

/** Finds the owner of a bearer token, if it is known, not revoked and not ended. */
export async function lookupApiToken(deps: Deps, secret: string) {
  if (!secret.startsWith(tokenPrefix) || secret.length > 100) return null
  const [row] = await deps.db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(secret, deps.config.secret)))
  const now = deps.now()
  if (!row || row.token.revokedAt || row.token.expiresAt <= now) return null
  // Tokens belong to workers and coordinators; a role change makes old tokens worthless.
  if (row.user.role !== 'worker' && row.user.role !== 'admin') return null
  // Ended when the account was deactivated; checked here too, so no path around it remains.
  if (row.user.deactivatedAt) return null
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id))
  }
  return { tokenId: row.token.id, scopes: row.token.scopes, user: toPublicUser(row.user) }
}
