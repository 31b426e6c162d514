import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { careSessionAttendees, careSessionNotes, careSessions, clientWorkers, consents, users, type CareSession } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps, PublicUser } from '../lib/env'
import { isActive } from '../access/rules'
import { assertHappened } from './session-facilitation'

export interface PlanInput {
  kind: 'one_to_one' | 'group'
  title: string
  agenda: string
  place?: string | undefined
  startsAt: string
  peerId?: string | null | undefined
  /** When a peer expert plans: the worker who co-facilitates (the attendees are that worker's clients). */
  workerId?: string | null | undefined
  clientIds: string[]
}

const serialise = (row: CareSession, names: Map<string, string>, attendees: string[]) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  agenda: row.agenda,
  place: row.place,
  version: row.version,
  startsAt: row.startsAt.toISOString(),
  workerId: row.workerId,
  workerName: names.get(row.workerId) ?? null,
  peerId: row.peerId,
  peerName: row.peerId ? (names.get(row.peerId) ?? null) : null,
  attendeeCount: attendees.length,
  cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
})

/**
 * A worker plans a session with a peer expert as co-facilitator, or a peer expert with a worker.
 * Planning shares nothing: the facilitators see a client's data only as far as that client shared
 * it with them (the gate). Attendees are the worker's linked clients; a peer expert who plans picks
 * only clients who shared something with them (so planning never shows them a worker's caseload).
 */
export async function planSession(deps: Deps, input: { planner: PublicUser; session: PlanInput }) {
  const { session, planner } = input
  if (session.kind === 'one_to_one' && session.clientIds.length !== 1) {
    throw new AppError('validation_failed', 'A 1:1 session has one client.', { clientIds: 'one_client' })
  }
  const workerId = planner.role === 'peer' ? session.workerId : planner.id
  const peerId = planner.role === 'peer' ? planner.id : (session.peerId ?? null)
  if (!workerId) throw new AppError('validation_failed', 'Choose the worker who joins.', { workerId: 'required' })
  if (planner.role === 'peer') {
    const [worker] = await deps.db.select().from(users).where(eq(users.id, workerId))
    if (!worker || worker.role !== 'worker' || worker.organisationId !== planner.organisationId || worker.deactivatedAt) {
      throw new AppError('not_a_participant', 'The co-facilitator is a worker of your organisation.', { workerId: 'not_a_participant' })
    }
    const shares = await deps.db.select().from(consents).where(and(eq(consents.granteeId, planner.id), inArray(consents.clientId, session.clientIds)))
    const sharing = new Set(shares.filter((grant) => isActive(grant, deps.now())).map((grant) => grant.clientId))
    if (session.clientIds.some((id) => !sharing.has(id))) {
      throw new AppError('not_a_participant', 'Only clients who share with you can attend.', { clientIds: 'not_a_participant' })
    }
  }
  const linked = await deps.db.select({ clientId: clientWorkers.clientId }).from(clientWorkers).where(eq(clientWorkers.workerId, workerId))
  const linkedIds = new Set(linked.map((row) => row.clientId))
  if (session.clientIds.some((id) => !linkedIds.has(id))) {
    throw new AppError('not_a_participant', 'Only your own clients can attend.', { clientIds: 'not_a_participant' })
  }
  if (peerId && planner.role === 'worker') {
    const [peer] = await deps.db.select().from(users).where(eq(users.id, peerId))
    if (!peer || peer.role !== 'peer' || peer.organisationId !== planner.organisationId || peer.deactivatedAt) {
      throw new AppError('not_a_participant', 'The co-facilitator is a peer expert of your organisation.', { peerId: 'not_a_participant' })
    }
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(careSessions)
      .values({
        organisationId: planner.organisationId,
        workerId,
        peerId,
        kind: session.kind,
        title: session.title,
        agenda: session.agenda,
        place: session.place ?? '',
        startsAt: new Date(session.startsAt),
        createdAt: deps.now(),
      })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    await tx.insert(careSessionAttendees).values([...new Set(session.clientIds)].map((clientId) => ({ sessionId: row.id, clientId })))
    return row
  })
}

async function namesOf(deps: Deps, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.id, row.displayName]))
}

/** Sessions a person takes part in: as attendee (client) or facilitator (worker, peer), in date order. */
export async function mySessions(deps: Deps, user: PublicUser) {
  let rows: CareSession[]
  if (user.role === 'client') {
    rows = (
      await deps.db
        .select({ session: careSessions })
        .from(careSessionAttendees)
        .innerJoin(careSessions, eq(careSessions.id, careSessionAttendees.sessionId))
        .where(and(eq(careSessionAttendees.clientId, user.id), isNull(careSessions.cancelledAt)))
        .orderBy(asc(careSessions.startsAt))
    ).map((row) => row.session)
  } else {
    const column = user.role === 'peer' ? careSessions.peerId : careSessions.workerId
    rows = await deps.db.select().from(careSessions).where(and(eq(column, user.id), isNull(careSessions.cancelledAt))).orderBy(asc(careSessions.startsAt))
  }
  const ids = rows.map((row) => row.id)
  const attendees = ids.length ? await deps.db.select().from(careSessionAttendees).where(inArray(careSessionAttendees.sessionId, ids)) : []
  const names = await namesOf(deps, rows.flatMap((row) => [row.workerId, ...(row.peerId ? [row.peerId] : [])]))
  const notes = user.role === 'client' && ids.length
    ? await deps.db.select().from(careSessionNotes).where(and(inArray(careSessionNotes.sessionId, ids), eq(careSessionNotes.clientId, user.id)))
    : []
  return rows.map((row) => ({
    ...serialise(row, names, attendees.filter((a) => a.sessionId === row.id).map((a) => a.clientId)),
    // A client sees only their own note; facilitators read notes through the gate (scope sessions).
    happened: row.startsAt <= deps.now(),
    myNote: user.role === 'client' ? (notes.find((note) => note.sessionId === row.id)?.text ?? null) : null,
  }))
}

/** The client's own note about a session they attended, once it started (never before: nothing to write about yet). */
export async function writeNote(deps: Deps, input: { clientId: string; sessionId: string; text: string }) {
  const [attending] = await deps.db
    .select({ startsAt: careSessions.startsAt, cancelledAt: careSessions.cancelledAt })
    .from(careSessionAttendees)
    .innerJoin(careSessions, eq(careSessions.id, careSessionAttendees.sessionId))
    .where(and(eq(careSessionAttendees.sessionId, input.sessionId), eq(careSessionAttendees.clientId, input.clientId)))
  if (!attending) throw new AppError('not_found', 'No such session.')
  assertHappened(deps, attending)
  const now = deps.now()
  const [row] = await deps.db
    .insert(careSessionNotes)
    .values({ sessionId: input.sessionId, clientId: input.clientId, text: input.text, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [careSessionNotes.sessionId, careSessionNotes.clientId], set: { text: input.text, updatedAt: now } })
    .returning()
  if (!row) throw new Error('upsert returned nothing')
  return { sessionId: row.sessionId, text: row.text, updatedAt: row.updatedAt.toISOString() }
}

/** A client's session notes, for the client or (through the gate, scope sessions) a consented facilitator. */
export async function clientNotes(deps: Deps, clientId: string) {
  const rows = await deps.db
    .select({ note: careSessionNotes, title: careSessions.title, startsAt: careSessions.startsAt })
    .from(careSessionNotes)
    .innerJoin(careSessions, eq(careSessions.id, careSessionNotes.sessionId))
    .where(eq(careSessionNotes.clientId, clientId))
    .orderBy(asc(careSessions.startsAt))
  return rows.map((row) => ({ sessionId: row.note.sessionId, title: row.title, startsAt: row.startsAt.toISOString(), text: row.note.text, updatedAt: row.note.updatedAt.toISOString() }))
}
