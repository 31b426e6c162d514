import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { comments, consents, teamMeetings, users, type Consent, type TeamMeeting } from '@kracht/db'
import type { Locale } from '@kracht/language'
import { teamMeetingSteps, type TeamMeetingStep } from '@kracht/trajectory'
import { isActive } from '../../access/rules'
import { AppError } from '../../lib/app-error'
import { writeAccessLog } from '../../lib/access-log'
import type { Actor, Deps } from '../../lib/env'
import { serialiseComment } from '../comments'
import { inventoryRow, listStatements, serialiseStatement } from '../inventory'
import { screenTexts } from '../safety-screen'

/**
 * The team strengths meeting (*teamkrachtbespreking*): the linked worker prepares a sheet along the
 * method's eight steps from what the client shared with the team for the meeting (the one-day team
 * share on the sharing page). Without that share there is nothing to prepare from, so it cannot be
 * started. The client writes their question to the team in their own words; the team's ideas are
 * suggestions (comments, target `team_meeting`) the client accepts or declines. The shared part of
 * the inventory shows on the sheet only while the share lasts, and each read of it is logged on the
 * basis of that share.
 */

/** The client's team share that covers this worker now (inventory, a team, not ended), if any. */
export async function activeTeamShare(deps: Deps, input: { clientId: string; workerId: string }): Promise<Consent | null> {
  const rows = await deps.db
    .select()
    .from(consents)
    .where(and(eq(consents.clientId, input.clientId), isNotNull(consents.teamId)))
    .orderBy(desc(consents.createdAt))
  const now = deps.now()
  return rows.find((grant) => isActive(grant, now) && grant.scopes.includes('inventory') && (grant.memberIds ?? []).includes(input.workerId)) ?? null
}

async function findMeeting(deps: Deps, clientId: string, meetingId: string): Promise<TeamMeeting> {
  const [row] = await deps.db
    .select()
    .from(teamMeetings)
    .where(and(eq(teamMeetings.id, meetingId), eq(teamMeetings.clientId, clientId)))
  if (!row) throw new AppError('not_found', 'No such team meeting.')
  return row
}

const summary = (row: TeamMeeting) => ({
  id: row.id,
  meetingAt: row.meetingAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  hasQuestion: Boolean(row.clientQuestion),
})

/** The client's meetings, newest first, and (for the linked worker) whether a team share allows a new one. */
export async function listTeamMeetings(deps: Deps, input: { clientId: string; viewerId: string; isSelf: boolean }) {
  const rows = await deps.db.select().from(teamMeetings).where(eq(teamMeetings.clientId, input.clientId)).orderBy(desc(teamMeetings.meetingAt))
  const share = input.isSelf ? null : await activeTeamShare(deps, { clientId: input.clientId, workerId: input.viewerId })
  return {
    canPrepare: share !== null,
    shareEndsAt: share?.endsAt ? share.endsAt.toISOString() : null,
    meetings: rows.map(summary),
  }
}

/** The ideas of the team on this meeting: suggestions the client accepts or declines. */
async function ideasOf(deps: Deps, clientId: string, meetingId: string) {
  const rows = await deps.db
    .select({ comment: comments, authorName: users.displayName })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.clientId, clientId), eq(comments.targetKind, 'team_meeting'), eq(comments.targetId, meetingId)))
    .orderBy(asc(comments.createdAt))
  return rows.map(({ comment, authorName }) => serialiseComment({ ...comment, authorName }))
}

/**
 * The sheet. For the linked worker the shared inventory is read on the meeting's team share while it
 * lasts, and logged on that basis; the client sees their own words anyway.
 */
export async function getTeamMeeting(deps: Deps, input: { clientId: string; meetingId: string; actor: Actor | null; isSelf: boolean }) {
  const meeting = await findMeeting(deps, input.clientId, input.meetingId)
  const [share] = meeting.consentId ? await deps.db.select().from(consents).where(eq(consents.id, meeting.consentId)) : []
  const shareLasts = share !== undefined && isActive(share, deps.now())
  let shared: { statements: ReturnType<typeof serialiseStatement>[]; priorities: { domain: string; wish: string | null }[] } | null = null
  if (input.isSelf || shareLasts) {
    const excludeDomains = input.isSelf ? [] : (share?.excludeDomains ?? [])
    const [rows, inventory] = await Promise.all([listStatements(deps, input.clientId, { excludeDomains }), inventoryRow(deps, input.clientId)])
    shared = { statements: rows.map(serialiseStatement), priorities: inventory.priorities.filter((p) => !excludeDomains.includes(p.domain)) }
    if (!input.isSelf && share) {
      await writeAccessLog(deps, { actor: input.actor, clientId: input.clientId, action: 'read', scope: 'inventory', resource: `team_meeting:${meeting.id}`, outcome: 'allowed', basis: `consent:${share.id}` })
    }
  }
  return {
    id: meeting.id,
    meetingAt: meeting.meetingAt.toISOString(),
    createdAt: meeting.createdAt.toISOString(),
    version: meeting.version,
    clientQuestion: meeting.clientQuestion,
    notes: teamMeetingSteps.map((step) => ({ step, text: meeting.notes[step] ?? '' })),
    shareEndsAt: share?.endsAt ? share.endsAt.toISOString() : null,
    shared,
    ideas: await ideasOf(deps, input.clientId, meeting.id),
  }
}

/** The linked worker prepares a meeting: only on a team share that covers them now (else no_team_share). */
export async function prepareTeamMeeting(deps: Deps, input: { clientId: string; workerId: string; meetingAt: Date; actor: Actor | null }) {
  const share = await activeTeamShare(deps, { clientId: input.clientId, workerId: input.workerId })
  if (!share) throw new AppError('no_team_share', 'The client shares nothing with the team for a meeting right now.')
  const [row] = await deps.db
    .insert(teamMeetings)
    .values({ clientId: input.clientId, consentId: share.id, preparedById: input.workerId, meetingAt: input.meetingAt, createdAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return getTeamMeeting(deps, { clientId: input.clientId, meetingId: row.id, actor: input.actor, isSelf: false })
}

/** Saves one change to the meeting with its version check, in one statement (a stale version changes nothing). */
async function saveVersioned(deps: Deps, input: { clientId: string; meetingId: string; version: number; set: Partial<Pick<TeamMeeting, 'notes' | 'clientQuestion'>> }) {
  await findMeeting(deps, input.clientId, input.meetingId)
  const [row] = await deps.db
    .update(teamMeetings)
    .set({ ...input.set, version: sql`${teamMeetings.version} + 1` })
    .where(and(eq(teamMeetings.id, input.meetingId), eq(teamMeetings.clientId, input.clientId), eq(teamMeetings.version, input.version)))
    .returning()
  if (!row) throw new AppError('version_conflict', 'The sheet changed somewhere else. Nothing was overwritten; look again.')
}

/** The worker's notes per step (steps left out keep what they had). Screened like every saved text. */
export async function saveNotes(
  deps: Deps,
  input: { clientId: string; meetingId: string; version: number; notes: Partial<Record<TeamMeetingStep, string>>; actor: Actor | null; locale: Locale },
) {
  const meeting = await findMeeting(deps, input.clientId, input.meetingId)
  await saveVersioned(deps, { clientId: input.clientId, meetingId: input.meetingId, version: input.version, set: { notes: { ...meeting.notes, ...input.notes } } })
  const safety = screenTexts(Object.values(input.notes), input.locale)
  return { meeting: await getTeamMeeting(deps, { clientId: input.clientId, meetingId: input.meetingId, actor: input.actor, isSelf: false }), safety }
}

/** The client's question to the team, in their own words (empty: no question). */
export async function saveQuestion(deps: Deps, input: { clientId: string; meetingId: string; version: number; question: string; locale: Locale }) {
  await saveVersioned(deps, { clientId: input.clientId, meetingId: input.meetingId, version: input.version, set: { clientQuestion: input.question || null } })
  return {
    meeting: await getTeamMeeting(deps, { clientId: input.clientId, meetingId: input.meetingId, actor: null, isSelf: true }),
    safety: screenTexts([input.question], input.locale),
  }
}

/** The worker records one idea of the team, as a suggestion the client decides on. */
export async function addIdea(deps: Deps, input: { clientId: string; meetingId: string; authorId: string; text: string; locale: Locale }) {
  const meeting = await findMeeting(deps, input.clientId, input.meetingId)
  const [row] = await deps.db
    .insert(comments)
    .values({
      clientId: input.clientId,
      targetKind: 'team_meeting',
      targetId: meeting.id,
      domain: null,
      targetVersion: meeting.version,
      authorId: input.authorId,
      kind: 'suggestion',
      body: '',
      suggestedText: input.text,
      status: 'open',
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return { idea: serialiseComment(row), safety: screenTexts([input.text], input.locale) }
}
