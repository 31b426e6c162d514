import { eq } from 'drizzle-orm'
import { users, type User } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { checkPassphrasePolicy, hashPassphrase, verifyAgainstDummy, verifyPassphrase } from '../auth/passphrase'
import { clearFailures, countOf, giveBack, recordFailure, takeAttempt, tooManyAttempts } from '../auth/throttle'

// One message for an unknown user and a wrong passphrase, so the answer does not reveal who has an account.
const invalidCredentials = () => new AppError('invalid_credentials', 'Username or passphrase is not right.')

/**
 * Checks a username and passphrase. Three counters:
 * - per address (`ip:`), against one address trying many accounts;
 * - per account and address together (`user-ip:`), against one address guessing one account;
 * - per account (`user:`), failures from every address. It never locks the account as such: when it
 *   is full (an attack from many addresses), only addresses that already failed on this account wait,
 *   so the real person, from an address that has not failed, still gets in with the right passphrase.
 * The first two count before the passphrase is checked (see takeAttempt), so parallel guesses cannot
 * all slip through.
 */
export async function signIn(deps: Deps, input: { username: string; password: string; ip: string }): Promise<User> {
  const username = input.username.trim().toLowerCase()
  const ipKey = `ip:${input.ip}`
  const pairKey = `user-ip:${username}|${input.ip}`
  const accountKey = `user:${username}`
  const account = await countOf(deps, accountKey)
  if (account.failures >= deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    const pair = await countOf(deps, pairKey)
    if (pair.failures > 0) throw tooManyAttempts(deps, pair.windowStartedAt)
  }
  await takeAttempt(deps, [
    { key: ipKey, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_IP },
    { key: pairKey, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
  ])
  const [user] = await deps.db.select().from(users).where(eq(users.username, username))
  const ok = user?.passwordHash
    ? await verifyPassphrase(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password)
  if (!user || !ok) {
    await recordFailure(deps, [{ key: accountKey, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }])
    throw invalidCredentials()
  }
  await giveBack(deps, [ipKey])
  await clearFailures(deps, pairKey)
  // Said only after the right passphrase, so the answer reveals nothing to someone guessing.
  if (user.deactivatedAt) {
    throw new AppError('account_deactivated', 'This account was turned off by your organisation. Ask your coordinator.')
  }
  return user
}

/**
 * Asks a signed-in person for their passphrase again (before a change, a new API token, turning
 * TOTP off). Counted like sign-in guesses: a stolen session cannot be used to guess the passphrase.
 */
export async function confirmPassphrase(deps: Deps, input: { userId: string; password: string; field: string }): Promise<User> {
  const key = `reask:${input.userId}`
  await takeAttempt(deps, [{ key, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }])
  const [row] = await deps.db.select().from(users).where(eq(users.id, input.userId))
  if (!row?.passwordHash || !(await verifyPassphrase(row.passwordHash, input.password))) {
    throw new AppError('password_wrong', 'Your passphrase is not right.', { [input.field]: 'password_wrong' })
  }
  await clearFailures(deps, key)
  return row
}

export async function changeOwnPassphrase(
  deps: Deps,
  input: { user: PublicUser; currentPassword: string; newPassword: string },
): Promise<void> {
  await confirmPassphrase(deps, { userId: input.user.id, password: input.currentPassword, field: 'currentPassword' })
  checkPassphrasePolicy(input.newPassword, { username: input.user.username })
  await deps.db
    .update(users)
    .set({ passwordHash: await hashPassphrase(input.newPassword), passwordChangedAt: deps.now() })
    .where(eq(users.id, input.user.id))
}
