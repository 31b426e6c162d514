import { and, eq, isNull, lt, or } from 'drizzle-orm'
import QRCode from 'qrcode'
import { generateSecret, generateURI, verify } from 'otplib'
import { organisations, recoveryCodes, users, type User } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { hashToken, newInvitationCode, normaliseInvitationCode } from '../lib/tokens'
import { decryptTotpSecret, encryptTotpSecret } from '../auth/second-factor'
import { clearFailures, takeAttempt } from '../auth/throttle'
import { confirmPassphrase } from './accounts'

const recoveryCodeCount = 10
// One step (30 s) either side: phone clocks drift, and a code typed at the end of its step still works.
const epochTolerance = 30

const codeWrong = () => new AppError('totp_code_wrong', 'This code is not right. Use the newest code from your app.', { code: 'totp_code_wrong' })

async function organisationRequires(deps: Deps, organisationId: string): Promise<boolean> {
  const [row] = await deps.db.select({ required: organisations.requireStaffTotp }).from(organisations).where(eq(organisations.id, organisationId))
  return row?.required ?? false
}

async function loadUser(deps: Deps, userId: string): Promise<User> {
  const [row] = await deps.db.select().from(users).where(eq(users.id, userId))
  if (!row) throw new AppError('unauthenticated', 'Sign in first.')
  return row
}

export async function totpStatus(deps: Deps, user: PublicUser) {
  const row = await loadUser(deps, user.id)
  const left = row.totpEnabledAt
    ? await deps.db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
    : []
  return {
    enabled: row.totpEnabledAt !== null,
    enabledAt: row.totpEnabledAt ? row.totpEnabledAt.toISOString() : null,
    required: user.role !== 'client' && (await organisationRequires(deps, user.organisationId)),
    recoveryCodesLeft: left.length,
  }
}

/** Step 1: a new secret, kept encrypted as pending until a right code proves the app has it. */
export async function startTotpEnrolment(deps: Deps, input: { user: PublicUser; password: string }) {
  if (input.user.role === 'client') throw new AppError('forbidden', 'Authenticator apps are for staff accounts.')
  const row = await confirmPassphrase(deps, { userId: input.user.id, password: input.password, field: 'password' })
  if (row.totpEnabledAt) throw new AppError('totp_already_on', 'An authenticator app is already set up.')
  const secret = generateSecret()
  await deps.db.update(users).set({ totpPendingSecret: encryptTotpSecret(secret, deps.config.secret) }).where(eq(users.id, row.id))
  const otpauthUrl = generateURI({ issuer: 'Kracht', label: row.username, secret })
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  // Shown now, during set-up, and never again: after this only the encrypted form exists.
  return { secret, otpauthUrl, qrSvg }
}

/** Checks a code against a secret; the time step it matched, or null. Never accepts an old step again. */
async function matchStep(deps: Deps, secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(deps.now().getTime() / 1000),
    epochTolerance,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

/** Step 2: the first right code turns TOTP on; the recovery codes are returned this once. */
export async function confirmTotpEnrolment(deps: Deps, input: { user: PublicUser; code: string }): Promise<{ recoveryCodes: string[] }> {
  const key = `totp:${input.user.id}`
  await takeAttempt(deps, [{ key, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }])
  const row = await loadUser(deps, input.user.id)
  if (row.totpEnabledAt) throw new AppError('totp_already_on', 'An authenticator app is already set up.')
  const pending = row.totpPendingSecret ? decryptTotpSecret(row.totpPendingSecret, deps.config.secret) : null
  if (!pending) throw new AppError('totp_not_started', 'Start the set-up again.')
  const step = await matchStep(deps, pending, input.code.replace(/\s/g, ''), null)
  if (step === null) throw codeWrong()
  await clearFailures(deps, key)
  const codes = Array.from({ length: recoveryCodeCount }, () => newInvitationCode())
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
      .where(eq(users.id, row.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, row.id))
    await tx.insert(recoveryCodes).values(
      codes.map((code) => ({ userId: row.id, codeHash: hashToken(`recovery:${normaliseInvitationCode(code)}`, deps.config.secret), createdAt: now })),
    )
  })
  return { recoveryCodes: codes }
}

/**
 * The second sign-in step: a code from the app, or one recovery code. Guesses are counted like
 * passphrase guesses (per account), before the code is checked.
 */
export async function checkSecondFactor(deps: Deps, input: { userId: string; code: string }): Promise<void> {
  const key = `totp:${input.userId}`
  await takeAttempt(deps, [{ key, maxFailures: deps.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }])
  const row = await loadUser(deps, input.userId)
  const code = input.code.replace(/\s/g, '')
  const secret = row.totpSecret ? decryptTotpSecret(row.totpSecret, deps.config.secret) : null
  const step = secret ? await matchStep(deps, secret, code, row.totpLastStep) : null
  if (step !== null) {
    // Claimed in one statement: two requests with the same code cannot both pass.
    const claimed = await deps.db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, row.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id })
    if (claimed.length === 0) throw codeWrong()
    await clearFailures(deps, key)
    return
  }
  const normalised = normaliseInvitationCode(code)
  if (normalised.length === 9) {
    const used = await deps.db
      .update(recoveryCodes)
      .set({ usedAt: deps.now() })
      .where(
        and(
          eq(recoveryCodes.userId, row.id),
          eq(recoveryCodes.codeHash, hashToken(`recovery:${normalised}`, deps.config.secret)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id })
    if (used.length > 0) {
      await clearFailures(deps, key)
      return
    }
  }
  throw codeWrong()
}

/** Turning it off asks for the passphrase, and is refused while the organisation requires it. */
export async function disableTotp(deps: Deps, input: { user: PublicUser; password: string }): Promise<void> {
  await confirmPassphrase(deps, { userId: input.user.id, password: input.password, field: 'password' })
  if (await organisationRequires(deps, input.user.organisationId)) {
    throw new AppError('totp_required_by_organisation', 'Your organisation requires an authenticator app for staff.')
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, input.user.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.user.id))
  })
}

/** Whether a password sign-in must be followed by a code. */
export function needsSecondFactor(user: User): boolean {
  return user.totpEnabledAt !== null && user.role !== 'client'
}

