import { eq } from 'drizzle-orm'
import { users } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { checkPassphrasePolicy, hashPassphrase, verifyAgainstDummy, verifyPassphrase } from '../auth/passphrase'
import { assertNotLocked, clearFailures, recordFailure, type ThrottleKey } from '../auth/throttle'
import { toPublicUser } from '../auth/sessions'

function throttleKeys(deps: Deps, username: string, ip: string): ThrottleKey[] {
  return [
    { key: `user:${username}`, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
    { key: `ip:${ip}`, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_IP },
  ]
}

// One message for an unknown user and a wrong passphrase, so the answer does not reveal who has an account.
const invalidCredentials = () => new AppError('invalid_credentials', 'Username or passphrase is not right.')

export async function signIn(
  deps: Deps,
  input: { username: string; password: string; ip: string },
): Promise<PublicUser> {
  const username = input.username.trim().toLowerCase()
  const keys = throttleKeys(deps, username, input.ip)
  await assertNotLocked(deps, keys)
  const [user] = await deps.db.select().from(users).where(eq(users.username, username))
  const ok = user?.passwordHash
    ? await verifyPassphrase(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password)
  if (!user || !ok) {
    await recordFailure(deps, keys)
    throw invalidCredentials()
  }
  await clearFailures(deps, `user:${username}`)
  return toPublicUser(user)
}

export async function changeOwnPassphrase(
  deps: Deps,
  input: { user: PublicUser; currentPassword: string; newPassword: string },
): Promise<void> {
  const keys = [{ key: `user:${input.user.username}`, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }]
  await assertNotLocked(deps, keys)
  const [row] = await deps.db.select().from(users).where(eq(users.id, input.user.id))
  if (!row?.passwordHash || !(await verifyPassphrase(row.passwordHash, input.currentPassword))) {
    await recordFailure(deps, keys)
    throw new AppError('password_wrong', 'Your current passphrase is not right.', { currentPassword: 'password_wrong' })
  }
  checkPassphrasePolicy(input.newPassword, { username: input.user.username })
  await deps.db
    .update(users)
    .set({ passwordHash: await hashPassphrase(input.newPassword), passwordChangedAt: deps.now() })
    .where(eq(users.id, input.user.id))
}
