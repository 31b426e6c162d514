import { and, desc, eq, isNull } from 'drizzle-orm'
import QRCode from 'qrcode'
import { clientWorkers, invitations, organisations, teams, users, type Invitation, type Role } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { hashToken, newInvitationCode, newToken, normaliseInvitationCode } from '../lib/tokens'
import { checkPassphrasePolicy, hashPassphrase } from '../auth/passphrase'
import { endAllSessions, toPublicUser } from '../auth/sessions'

/** Who may invite whom: a worker invites clients, a coordinator invites workers and peer experts. */
export const invitableRoles: Record<Role, readonly Role[]> = {
  worker: ['client'],
  admin: ['worker', 'peer', 'admin'],
  client: [],
  peer: [],
}

export interface IssuedInvitation {
  id: string
  role: Role
  displayName: string
  expiresAt: Date
  /** Shown once: only hashes are stored. */
  code: string
  link: string
  qrSvg: string
}

export type InvitationStatus = 'open' | 'accepted' | 'expired' | 'withdrawn'

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted'
  if (invitation.withdrawnAt) return 'withdrawn'
  if (invitation.expiresAt <= now) return 'expired'
  return 'open'
}

async function issue(
  deps: Deps,
  values: { organisationId: string; role: Role; teamId: string | null; displayName: string; invitedById: string; userId: string | null },
): Promise<IssuedInvitation> {
  const token = newToken()
  const code = newInvitationCode()
  const expiresAt = new Date(deps.now().getTime() + deps.config.INVITATION_DAYS * 86_400_000)
  const [row] = await deps.db
    .insert(invitations)
    .values({
      ...values,
      tokenHash: hashToken(token, deps.config.secret),
      codeHash: hashToken(normaliseInvitationCode(code), deps.config.secret),
      expiresAt,
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  const link = `${deps.config.publicUrl}/uitnodiging/${token}`
  const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { id: row.id, role: row.role, displayName: row.displayName, expiresAt, code, link, qrSvg }
}

export async function createInvitation(
  deps: Deps,
  input: { inviter: PublicUser; role: Role; displayName: string; teamId?: string | null | undefined },
): Promise<IssuedInvitation> {
  if (!invitableRoles[input.inviter.role].includes(input.role)) {
    throw new AppError('forbidden', `A ${input.inviter.role} cannot invite a ${input.role}.`)
  }
  const [inviter] = await deps.db.select().from(users).where(eq(users.id, input.inviter.id))
  const teamId = input.teamId ?? inviter?.teamId ?? null
  // A team of another organisation (or none at all) is refused as unknown: a coordinator places
  // people only in their own organisation's teams (a team share names its people; see gate).
  if (input.teamId) {
    const [team] = await deps.db.select({ organisationId: teams.organisationId }).from(teams).where(eq(teams.id, input.teamId))
    if (!team || team.organisationId !== input.inviter.organisationId) throw new AppError('not_found', 'No such team.', { teamId: 'not_found' })
  }
  return issue(deps, {
    organisationId: input.inviter.organisationId,
    role: input.role,
    teamId,
    displayName: input.displayName,
    invitedById: input.inviter.id,
    userId: null,
  })
}

/**
 * A client who lost their passphrase gets a new invitation code from their worker; nobody ever sees
 * or sets the passphrase itself. Older open invitations for the same person are withdrawn.
 */
export async function resetClientAccess(
  deps: Deps,
  input: { actor: PublicUser; clientId: string },
): Promise<IssuedInvitation> {
  const [client] = await deps.db.select().from(users).where(eq(users.id, input.clientId))
  if (!client || client.organisationId !== input.actor.organisationId || client.role !== 'client') {
    throw new AppError('not_found', 'No such client.')
  }
  if (input.actor.role === 'worker') {
    const [link] = await deps.db
      .select()
      .from(clientWorkers)
      .where(and(eq(clientWorkers.clientId, client.id), eq(clientWorkers.workerId, input.actor.id)))
    if (!link) throw new AppError('forbidden', 'Only a linked worker or a coordinator can do this.')
  } else if (input.actor.role !== 'admin') {
    throw new AppError('forbidden', 'Only a linked worker or a coordinator can do this.')
  }
  await deps.db
    .update(invitations)
    .set({ withdrawnAt: deps.now() })
    .where(and(eq(invitations.userId, client.id), isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt)))
  return issue(deps, {
    organisationId: client.organisationId,
    role: 'client',
    teamId: client.teamId,
    displayName: client.displayName,
    invitedById: input.actor.id,
    userId: client.id,
  })
}

export async function listInvitations(deps: Deps, actor: PublicUser) {
  const where =
    actor.role === 'admin'
      ? eq(invitations.organisationId, actor.organisationId)
      : and(eq(invitations.organisationId, actor.organisationId), eq(invitations.invitedById, actor.id))
  const rows = await deps.db.select().from(invitations).where(where).orderBy(desc(invitations.createdAt)).limit(200)
  const now = deps.now()
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    displayName: row.displayName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status: invitationStatus(row, now),
    isAccessReset: row.userId !== null,
  }))
}

export async function withdrawInvitation(deps: Deps, input: { actor: PublicUser; invitationId: string }): Promise<void> {
  const [row] = await deps.db.select().from(invitations).where(eq(invitations.id, input.invitationId))
  if (!row || row.organisationId !== input.actor.organisationId) throw new AppError('not_found', 'No such invitation.')
  if (input.actor.role !== 'admin' && row.invitedById !== input.actor.id) {
    throw new AppError('forbidden', 'You can only withdraw invitations you made.')
  }
  const status = invitationStatus(row, deps.now())
  if (status !== 'open') throw new AppError(`invitation_${status === 'accepted' ? 'used' : status}`, 'This invitation is no longer open.')
  await deps.db.update(invitations).set({ withdrawnAt: deps.now() }).where(eq(invitations.id, row.id))
}

export type InvitationSecret = { token: string } | { code: string }

async function findOpenInvitation(deps: Deps, secret: InvitationSecret): Promise<Invitation> {
  const hash =
    'token' in secret
      ? hashToken(secret.token, deps.config.secret)
      : hashToken(normaliseInvitationCode(secret.code), deps.config.secret)
  const column = 'token' in secret ? invitations.tokenHash : invitations.codeHash
  const [row] = await deps.db.select().from(invitations).where(eq(column, hash))
  if (!row) throw new AppError('invitation_invalid', 'This invitation code is not known. Check the code, or ask for a new one.')
  const status = invitationStatus(row, deps.now())
  if (status === 'accepted') throw new AppError('invitation_used', 'This invitation was already used. Ask for a new one if you need it.')
  if (status === 'withdrawn') throw new AppError('invitation_withdrawn', 'This invitation was withdrawn. Ask for a new one.')
  if (status === 'expired') throw new AppError('invitation_expired', 'This invitation has expired. Ask for a new one.')
  return row
}

export async function lookupInvitation(deps: Deps, secret: InvitationSecret) {
  const row = await findOpenInvitation(deps, secret)
  const [organisation] = await deps.db.select().from(organisations).where(eq(organisations.id, row.organisationId))
  let username: string | null = null
  if (row.userId) {
    const [existing] = await deps.db.select({ username: users.username }).from(users).where(eq(users.id, row.userId))
    username = existing?.username ?? null
  }
  return {
    role: row.role,
    displayName: row.displayName,
    organisationName: organisation?.name ?? '',
    expiresAt: row.expiresAt,
    /** For an access reset the username stays; only a new passphrase is chosen. */
    existingUsername: username,
  }
}

export async function acceptInvitation(
  deps: Deps,
  input: InvitationSecret & { username?: string | undefined; password: string },
): Promise<PublicUser> {
  const invitation = await findOpenInvitation(deps, input)
  const username = invitation.userId ? undefined : input.username
  if (!invitation.userId && !username) {
    throw new AppError('validation_failed', 'Choose a username.', { username: 'required' })
  }
  checkPassphrasePolicy(input.password, username ? { username } : {})
  const passwordHash = await hashPassphrase(input.password)
  const now = deps.now()
  const user = await deps.db.transaction(async (tx) => {
    // Claimed inside the transaction, so two phones using one code cannot both succeed.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt)))
      .returning({ id: invitations.id })
    if (claimed.length === 0) throw new AppError('invitation_used', 'This invitation was already used.')
    if (invitation.userId) {
      const [updated] = await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: now })
        .where(eq(users.id, invitation.userId))
        .returning()
      if (!updated) throw new AppError('invitation_invalid', 'This invitation is no longer valid.')
      return updated
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username ?? ''))
    if (taken) throw new AppError('username_taken', 'This username is taken. Choose another one.', { username: 'username_taken' })
    const [created] = await tx
      .insert(users)
      .values({
        organisationId: invitation.organisationId,
        teamId: invitation.teamId,
        role: invitation.role,
        username: username ?? '',
        displayName: invitation.displayName,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning()
    if (!created) throw new Error('insert returned nothing')
    // A client invited by a worker is linked to that worker.
    if (created.role === 'client') {
      const [inviter] = await tx.select().from(users).where(eq(users.id, invitation.invitedById))
      if (inviter?.role === 'worker') await tx.insert(clientWorkers).values({ clientId: created.id, workerId: inviter.id })
    }
    return created
  })
  if (invitation.userId) await endAllSessions(deps, user.id)
  return toPublicUser(user)
}

