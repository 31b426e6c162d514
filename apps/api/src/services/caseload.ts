import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { accessLog, clientWorkers, consents, users } from '@kracht/db'
import type { Actor, Deps } from '../lib/env'
import { decideClientAccess } from '../access/gate'
import { writeAccessLogMany, type AccessLogInput } from '../lib/access-log'
import { hashOfInventory, lastReviews } from './agreement'
import { serialiseConsent } from './consent/consents'
import { openSuggestionCounter } from './comments'
import { inventoryRows, listStatements } from './inventory'

/**
 * A worker's caseload: linked clients (and anyone who shared with them), what each shared, what is
 * new or changed since the worker last opened the inventory, and whether a review is waiting. The
 * counts come from shared data only, so they go through the same rules, and each one is logged.
 *
 * A fixed number of queries for the whole list and two per client who shares (the consent rules'
 * facts and the statement list), where it was a dozen per client (issue 19): the shares, the log
 * rows, the last looks, the reviews, the inventory rows and the open suggestions are each one query
 * for all clients. Every client's log row is written before any of that client's data is read.
 */
export async function caseload(deps: Deps, actor: Actor) {
  const me = actor.user
  const [linked, sharedWithMe] = await Promise.all([
    deps.db.select({ clientId: clientWorkers.clientId }).from(clientWorkers).where(eq(clientWorkers.workerId, me.id)),
    deps.db.select({ clientId: consents.clientId }).from(consents).where(and(eq(consents.granteeId, me.id), isNull(consents.revokedAt))),
  ])
  const linkedIds = new Set(linked.map((row) => row.clientId))
  const clientIds = [...new Set([...linkedIds, ...sharedWithMe.map((row) => row.clientId)])]
  if (clientIds.length === 0) return []
  const [found, myConsents] = await Promise.all([
    deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(and(inArray(users.id, clientIds), eq(users.role, 'client'), isNull(users.erasedAt))),
    deps.db.select().from(consents).where(and(inArray(consents.clientId, clientIds), eq(consents.granteeId, me.id))).orderBy(desc(consents.createdAt)),
  ])
  const clients = found.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
  const now = deps.now()

  // The same rules as the gate on every client route; what it reads is logged like any read (the
  // caseload lists linked clients without asking for their data: a refusal is not logged).
  const request = { scope: 'inventory', action: 'read', resource: 'caseload' } as const
  const decisions = new Map<string, Awaited<ReturnType<typeof decideClientAccess>>['decision']>()
  const logRows: AccessLogInput[] = []
  for (const client of clients) {
    const { decision, clientExists } = await decideClientAccess(deps, actor, client.id, { scope: request.scope, access: request.action })
    decisions.set(client.id, decision)
    if (decision.allowed && clientExists && decision.basis !== 'self') {
      logRows.push({ actor, clientId: client.id, action: 'read', scope: request.scope, resource: request.resource, outcome: 'allowed', basis: decision.basis })
    }
  }
  await writeAccessLogMany(deps, logRows)

  const allowedIds = clients.filter((client) => decisions.get(client.id)?.allowed).map((client) => client.id)
  const [lastLooks, reviews, stored, openSuggestions, statementLists] = await Promise.all([
    lastLooksAt(deps, me.id, allowedIds),
    lastReviews(deps, allowedIds, me.id),
    inventoryRows(deps, allowedIds),
    openSuggestionCounter(deps, allowedIds),
    Promise.all(allowedIds.map(async (clientId) => [clientId, await listStatements(deps, clientId, { excludeDomains: decisions.get(clientId)?.excludeDomains })] as const)),
  ])
  const statementsOf = new Map(statementLists)

  return clients.map((client) => {
    const decision = decisions.get(client.id)
    const shared = myConsents.filter((consent) => consent.clientId === client.id).map((consent) => serialiseConsent(consent, now)).filter((consent) => consent.active)
    let inventory = null
    let suggestions = 0
    const rows = statementsOf.get(client.id)
    const row = stored.get(client.id)
    if (decision?.allowed && rows && row) {
      const filter = { excludeDomains: decision.excludeDomains }
      const lastLook = lastLooks.get(client.id)
      const current = hashOfInventory(rows, row, filter)
      const review = reviews.get(client.id)
      inventory = {
        lastLookedAt: lastLook ? lastLook.toISOString() : null,
        changedSinceLastLook: lastLook ? rows.filter((statement) => statement.updatedAt > lastLook).length : rows.length,
        statementCount: current.statementCount,
        reviewWaiting: review?.contentHash !== current.hash,
        lastReviewedAt: review ? review.reviewedAt.toISOString() : null,
      }
      suggestions = openSuggestions(client.id, filter)
    }
    return {
      clientId: client.id,
      displayName: client.displayName,
      linked: linkedIds.has(client.id),
      shared: shared.map((consent) => ({ id: consent.id, scopes: consent.scopes, excludeDomains: consent.excludeDomains, access: consent.access, endsAt: consent.endsAt, team: consent.teamId !== null })),
      inventory,
      openSuggestions: suggestions,
    }
  })
}

/** When the worker last opened each client's inventory (an allowed read of it), in one query. */
async function lastLooksAt(deps: Deps, actorId: string, clientIds: string[]): Promise<Map<string, Date>> {
  if (clientIds.length === 0) return new Map()
  const rows = await deps.db
    .selectDistinctOn([accessLog.clientId], { clientId: accessLog.clientId, at: accessLog.at })
    .from(accessLog)
    .where(and(eq(accessLog.actorId, actorId), inArray(accessLog.clientId, clientIds), eq(accessLog.resource, 'inventory'), eq(accessLog.outcome, 'allowed')))
    .orderBy(accessLog.clientId, desc(accessLog.at))
  return new Map(rows.map((row) => [row.clientId, row.at]))
}
