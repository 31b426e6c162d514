import { and, eq, inArray } from 'drizzle-orm'
import { careSessionAttendees, careSessionFacilitatorNotes, careSessionReflections, careSessions, users, type CareSession } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'

/**
 * What the two facilitators of a session (the worker and the peer expert) do with it: change or
 * cancel it, keep their own notes, and write one short reflection afterwards that both read. None of
 * this is a client's record: the clients' own notes stay theirs (care-sessions.ts).
 */

const isFacilitator = (session: CareSession, user: PublicUser) => session.workerId === user.id || session.peerId === user.id

/** The session, if the caller facilitates it; anyone else gets "not found" (nothing to learn from it). */
export async function facilitatedSession(deps: Deps, user: PublicUser, sessionId: string): Promise<CareSession> {
  const [session] = await deps.db.select().from(careSessions).where(eq(careSessions.id, sessionId))
  if (!session || !isFacilitator(session, user)) throw new AppError('not_found', 'No such session.')
  return session
}

/** Notes and a reflection are about what happened: not before the start, not for a cancelled session. */
export function assertHappened(deps: Deps, session: Pick<CareSession, 'startsAt' | 'cancelledAt'>) {
  if (session.cancelledAt) throw new AppError('session_cancelled', 'This session was cancelled.', { text: 'session_cancelled' })
  if (session.startsAt > deps.now()) {
    throw new AppError('session_not_started', 'You can write about the session once it has started.', { text: 'session_not_started' })
  }
}

export interface SessionChanges {
  version: number
  title?: string | undefined
  startsAt?: string | undefined
  place?: string | undefined
  agenda?: string | undefined
}

/** Either facilitator changes the date, place, title or agenda; a stale version changes nothing. */
export async function changeSession(deps: Deps, input: { user: PublicUser; sessionId: string; changes: SessionChanges }) {
  const session = await facilitatedSession(deps, input.user, input.sessionId)
  if (session.cancelledAt) throw new AppError('session_cancelled', 'This session was cancelled.')
  const { version, startsAt, ...rest } = input.changes
  const set = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined))
  const [row] = await deps.db
    .update(careSessions)
    .set({ ...set, ...(startsAt ? { startsAt: new Date(startsAt) } : {}), version: session.version + 1 })
    .where(and(eq(careSessions.id, session.id), eq(careSessions.version, version)))
    .returning()
  if (!row) throw new AppError('version_conflict', 'Someone else changed this session just now. Look again and try once more.')
  return row
}

export async function cancelSession(deps: Deps, input: { user: PublicUser; sessionId: string }) {
  const session = await facilitatedSession(deps, input.user, input.sessionId)
  if (session.cancelledAt) throw new AppError('session_cancelled', 'This session was already cancelled.')
  await deps.db.update(careSessions).set({ cancelledAt: deps.now(), version: session.version + 1 }).where(eq(careSessions.id, session.id))
}

export async function writeFacilitatorNote(deps: Deps, input: { user: PublicUser; sessionId: string; text: string }) {
  const session = await facilitatedSession(deps, input.user, input.sessionId)
  assertHappened(deps, session)
  const now = deps.now()
  await deps.db
    .insert(careSessionFacilitatorNotes)
    .values({ sessionId: session.id, authorId: input.user.id, text: input.text, updatedAt: now })
    .onConflictDoUpdate({ target: [careSessionFacilitatorNotes.sessionId, careSessionFacilitatorNotes.authorId], set: { text: input.text, updatedAt: now } })
  return { text: input.text, updatedAt: now.toISOString() }
}

export async function writeReflection(deps: Deps, input: { user: PublicUser; sessionId: string; text: string }) {
  const session = await facilitatedSession(deps, input.user, input.sessionId)
  assertHappened(deps, session)
  const now = deps.now()
  await deps.db
    .insert(careSessionReflections)
    .values({ sessionId: session.id, text: input.text, authorId: input.user.id, updatedAt: now })
    .onConflictDoUpdate({ target: careSessionReflections.sessionId, set: { text: input.text, authorId: input.user.id, updatedAt: now } })
  return { text: input.text, authorName: input.user.displayName, updatedAt: now.toISOString() }
}

/**
 * One session for a facilitator: the people in it (names only: planning shares nothing of a
 * client's data), their own note, the shared reflection, and what they may do now.
 */
export async function sessionForFacilitator(deps: Deps, user: PublicUser, sessionId: string) {
  const session = await facilitatedSession(deps, user, sessionId)
  const attendees = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(careSessionAttendees)
    .innerJoin(users, eq(users.id, careSessionAttendees.clientId))
    .where(eq(careSessionAttendees.sessionId, session.id))
  const people = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [session.workerId, ...(session.peerId ? [session.peerId] : [])]))
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? null) : null)
  const [[note], [reflection]] = await Promise.all([
    deps.db
      .select()
      .from(careSessionFacilitatorNotes)
      .where(and(eq(careSessionFacilitatorNotes.sessionId, session.id), eq(careSessionFacilitatorNotes.authorId, user.id))),
    deps.db
      .select({ text: careSessionReflections.text, updatedAt: careSessionReflections.updatedAt, authorName: users.displayName })
      .from(careSessionReflections)
      .leftJoin(users, eq(users.id, careSessionReflections.authorId))
      .where(eq(careSessionReflections.sessionId, session.id)),
  ])
  const happened = session.startsAt <= deps.now()
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    agenda: session.agenda,
    place: session.place,
    startsAt: session.startsAt.toISOString(),
    version: session.version,
    workerId: session.workerId,
    workerName: nameOf(session.workerId),
    peerId: session.peerId,
    peerName: nameOf(session.peerId),
    attendees: attendees.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl')),
    cancelledAt: session.cancelledAt ? session.cancelledAt.toISOString() : null,
    happened,
    myNote: note ? { text: note.text, updatedAt: note.updatedAt.toISOString() } : null,
    reflection: reflection ? { text: reflection.text, authorName: reflection.authorName ?? null, updatedAt: reflection.updatedAt.toISOString() } : null,
  }
}
