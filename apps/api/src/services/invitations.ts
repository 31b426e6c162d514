import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import QRCode from 'qrcode'
import { clientWorkers, invitations, organisations, teams, users, type Invitation, type Role } from '@kracht/db'
import { roles } from '@kracht/method'
import { AppError } from '../lib/app-error'
import type { Actor, Deps, PublicUser } from '../lib/env'
import { writeAccessLog } from '../lib/access-log'
import { hashToken, newInvitationCode, newToken, normaliseInvitationCode } from '../lib/tokens'
import { checkPassphrasePolicy, hashPassphrase } from '../auth/passphrase'
import { endAllSessions, toPublicUser } from '../auth/sessions'

/** Who may invite whom: a worker invites clients, a coordinator invites clients and staff. */
export const invitableRoles: Record<Role, readonly Role[]> = {
  worker: ['client'],
  admin: roles,
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
  /** An access reset under the two-person rule: the code works once a second staff member approved. */
  needsApproval: boolean
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
  values: { organisationId: string; role: Role; teamId: string | null; displayName: string; invitedById: string; userId: string | null; linkWorkerId?: string | null },
  options: { lifetimeMs?: number; needsApproval?: boolean } = {},
): Promise<IssuedInvitation> {
  const token = newToken()
  const code = newInvitationCode()
  const expiresAt = new Date(deps.now().getTime() + (options.lifetimeMs ?? deps.config.INVITATION_DAYS * 86_400_000))
  const [row] = await deps.db
    .insert(invitations)
    .values({
      ...values,
      needsApproval: options.needsApproval ?? false,
      tokenHash: hashToken(token, deps.config.secret),
      codeHash: hashToken(normaliseInvitationCode(code), deps.config.secret),
      expiresAt,
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  const link = `${deps.config.publicUrl}/uitnodiging/${token}`
  const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { id: row.id, role: row.role, displayName: row.displayName, expiresAt, code, link, qrSvg, needsApproval: row.needsApproval }
}

export async function createInvitation(
  deps: Deps,
  input: { inviter: PublicUser; role: Role; displayName: string; teamId?: string | null | undefined; workerId?: string | null | undefined },
): Promise<IssuedInvitation> {
  if (!invitableRoles[input.inviter.role].includes(input.role)) {
    throw new AppError('forbidden', `${withArticle(input.inviter.role, 'A')} cannot invite ${withArticle(input.role, 'a')}.`)
  }
  // A coordinator who invites a client names the worker the client will be linked to (optional:
  // the link can also be made later). A worker's own invitation links the worker.
  let linkWorkerId: string | null = null
  if (input.workerId) {
    if (input.role !== 'client' || input.inviter.role !== 'admin') throw new AppError('validation_failed', 'Only a client is linked to a worker.', { workerId: 'invalid' })
    const [worker] = await deps.db.select().from(users).where(eq(users.id, input.workerId))
    if (!worker || worker.role !== 'worker' || worker.organisationId !== input.inviter.organisationId || worker.deactivatedAt) {
      throw new AppError('not_found', 'No such worker in your organisation.', { workerId: 'not_found' })
    }
    linkWorkerId = worker.id
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
    linkWorkerId,
  })
}

/** A client of the actor's organisation, and the actor a linked worker or a coordinator. */
async function clientForReset(deps: Deps, actor: PublicUser, clientId: string) {
  const [client] = await deps.db.select().from(users).where(eq(users.id, clientId))
  if (!client || client.organisationId !== actor.organisationId || client.role !== 'client') {
    throw new AppError('not_found', 'No such client.')
  }
  if (actor.role === 'worker') {
    const [link] = await deps.db
      .select()
      .from(clientWorkers)
      .where(and(eq(clientWorkers.clientId, client.id), eq(clientWorkers.workerId, actor.id)))
    if (!link) throw new AppError('forbidden', 'Only a linked worker or a coordinator can do this.')
  } else if (actor.role !== 'admin') {
    throw new AppError('forbidden', 'Only a linked worker or a coordinator can do this.')
  }
  return client
}

/**
 * A client who lost their passphrase gets a new code from their worker; nobody ever sees or sets the
 * passphrase itself. Older open invitations for the same person are withdrawn. The code works for
 * RESET_CODE_MINUTES (30 at most), the reset is written to the client's access log, and under the
 * organisation's two-person rule it works only once a second staff member approved it.
 */
export async function resetClientAccess(deps: Deps, input: { actor: Actor; clientId: string }): Promise<IssuedInvitation> {
  const client = await clientForReset(deps, input.actor.user, input.clientId)
  const [organisation] = await deps.db
    .select({ resetNeedsApproval: organisations.resetNeedsApproval })
    .from(organisations)
    .where(eq(organisations.id, client.organisationId))
  await deps.db
    .update(invitations)
    .set({ withdrawnAt: deps.now() })
    .where(and(eq(invitations.userId, client.id), isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt)))
  const issued = await issue(
    deps,
    {
      organisationId: client.organisationId,
      role: 'client',
      teamId: client.teamId,
      displayName: client.displayName,
      invitedById: input.actor.user.id,
      userId: client.id,
    },
    { lifetimeMs: deps.config.RESET_CODE_MINUTES * 60_000, needsApproval: organisation?.resetNeedsApproval ?? false },
  )
  await writeAccessLog(deps, {
    actor: input.actor,
    clientId: client.id,
    action: 'create',
    scope: 'account',
    resource: `access_reset:${issued.id}`,
    outcome: 'allowed',
    basis: issued.needsApproval ? 'access_reset_awaiting_approval' : 'access_reset',
  })
  return issued
}

/**
 * The second person of the two-person rule: a coordinator or another linked worker, never the one
 * who asked for the reset. Approval does not reveal the code; the one who asked hands it over.
 */
export async function approveAccessReset(deps: Deps, input: { actor: Actor; invitationId: string }): Promise<void> {
  const [row] = await deps.db.select().from(invitations).where(eq(invitations.id, input.invitationId))
  if (!row?.userId || row.organisationId !== input.actor.user.organisationId) throw new AppError('not_found', 'No such access reset.')
  await clientForReset(deps, input.actor.user, row.userId)
  if (row.invitedById === input.actor.user.id) {
    throw new AppError('reset_approver_same_person', 'A second staff member has to approve a reset you asked for.')
  }
  const status = invitationStatus(row, deps.now())
  if (status !== 'open') throw new AppError(`invitation_${status === 'accepted' ? 'used' : status}`, 'This reset is no longer open.')
  const approved = await deps.db
    .update(invitations)
    .set({ approvedAt: deps.now(), approvedById: input.actor.user.id })
    .where(and(eq(invitations.id, row.id), eq(invitations.needsApproval, true), isNull(invitations.approvedAt)))
    .returning({ id: invitations.id })
  if (approved.length === 0) throw new AppError('reset_not_awaiting_approval', 'This reset does not wait for approval.')
  await writeAccessLog(deps, {
    actor: input.actor,
    clientId: row.userId,
    action: 'update',
    scope: 'account',
    resource: `access_reset:${row.id}`,
    outcome: 'allowed',
    basis: 'access_reset_approved',
  })
}

/** Resets of my account that I have not answered "was that you?" for yet, newest first. */
export async function listResetNotices(deps: Deps, userId: string) {
  const rows = await deps.db
    .select({ invitation: invitations, byName: users.displayName })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(and(eq(invitations.userId, userId), isNull(invitations.noticeSeenAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(20)
  return rows.map(({ invitation, byName }) => ({
    id: invitation.id,
    byName,
    createdAt: invitation.createdAt.toISOString(),
    usedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
  }))
}

export async function markResetNoticeSeen(deps: Deps, input: { userId: string; invitationId: string }): Promise<void> {
  const updated = await deps.db
    .update(invitations)
    .set({ noticeSeenAt: deps.now() })
    .where(and(eq(invitations.id, input.invitationId), eq(invitations.userId, input.userId), isNull(invitations.noticeSeenAt)))
    .returning({ id: invitations.id })
  if (updated.length === 0) throw new AppError('not_found', 'No such notice.')
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
    awaitingApproval: row.needsApproval && row.approvedAt === null,
    invitedByMe: row.invitedById === actor.id,
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
  if (row.needsApproval && !row.approvedAt) {
    throw new AppError('reset_awaiting_approval', 'This code works once a second staff member has approved it. Ask your worker.')
  }
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
): Promise<{ user: PublicUser; resetId: string | null }> {
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
    // The expiry is checked again here: a code found open a moment ago may have ended since.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.withdrawnAt), gt(invitations.expiresAt, now)))
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
    // A client invited by a worker is linked to that worker; one invited by a coordinator to the
    // worker the coordinator named (if that account is still active).
    if (created.role === 'client') {
      const [inviter] = await tx.select().from(users).where(eq(users.id, invitation.invitedById))
      const workerId = inviter?.role === 'worker' ? inviter.id : invitation.linkWorkerId
      const [worker] = workerId ? await tx.select().from(users).where(eq(users.id, workerId)) : []
      if (worker && !worker.deactivatedAt) await tx.insert(clientWorkers).values({ clientId: created.id, workerId: worker.id })
    }
    return created
  })
  if (invitation.userId) await endAllSessions(deps, user.id)
  return { user: toPublicUser(user), resetId: invitation.userId ? invitation.id : null }
}

/** "a worker", "an admin": the problem text reads as English whatever the roles are. */
function withArticle(word: string, article: 'a' | 'A'): string {
  const an = /^[aeiou]/i.test(word)
  return `${an ? `${article}n` : article} ${word}`
}
