import { and, desc, eq, gt, inArray, isNull, notInArray, type SQL } from 'drizzle-orm'
import { accessLog, clientWorkers, consents, statements, users } from '@kracht/db'
import type { Actor, Deps } from '../lib/env'
import { checkClientAccess } from '../access/gate'
import { currentInventoryHash, lastReview } from './agreement'
import { listConsents } from './consent/consents'
import { countOpenSuggestions } from './comments'

/**
 * A worker's caseload: linked clients (and anyone who shared with them), what each shared, what is
 * new or changed since the worker last opened the inventory, and whether a review is waiting. The
 * counts come from shared data only, so they go through the same rules, and each one is logged.
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
  const clients = await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(and(inArray(users.id, clientIds), eq(users.role, 'client'), isNull(users.erasedAt)))
  const rows = []
  for (const client of clients.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))) {
    const shared = (await listConsents(deps, client.id)).filter((consent) => consent.granteeId === me.id)
    // The same rules as the gate on every client route; what it reads is logged like any read.
    const decision = await checkClientAccess(deps, actor, client.id, { scope: 'inventory', action: 'read', resource: 'caseload' }, { logDenied: false })
    let inventory = null
    let openSuggestions = 0
    if (decision.allowed) {
      const [lastLook] = await deps.db
        .select({ at: accessLog.at })
        .from(accessLog)
        .where(and(eq(accessLog.actorId, me.id), eq(accessLog.clientId, client.id), eq(accessLog.resource, 'inventory'), eq(accessLog.outcome, 'allowed')))
        .orderBy(desc(accessLog.at))
        .limit(1)
      const conditions: SQL[] = [eq(statements.clientId, client.id), isNull(statements.deletedAt)]
      if (decision.excludeDomains.length > 0) conditions.push(notInArray(statements.domain, decision.excludeDomains))
      if (lastLook) conditions.push(gt(statements.updatedAt, lastLook.at))
      const changed = await deps.db.select({ id: statements.id }).from(statements).where(and(...conditions))
      const [current, review] = await Promise.all([
        currentInventoryHash(deps, client.id, { excludeDomains: decision.excludeDomains }),
        lastReview(deps, client.id, me.id),
      ])
      inventory = {
        lastLookedAt: lastLook ? lastLook.at.toISOString() : null,
        changedSinceLastLook: changed.length,
        statementCount: current.statementCount,
        reviewWaiting: review?.contentHash !== current.hash,
        lastReviewedAt: review ? review.reviewedAt.toISOString() : null,
      }
      openSuggestions = await countOpenSuggestions(deps, client.id, { excludeDomains: decision.excludeDomains })
    }
    rows.push({
      clientId: client.id,
      displayName: client.displayName,
      linked: linkedIds.has(client.id),
      shared: shared.map((consent) => ({ id: consent.id, scopes: consent.scopes, excludeDomains: consent.excludeDomains, access: consent.access, endsAt: consent.endsAt, team: consent.teamId !== null })),
      inventory,
      openSuggestions,
    })
  }
  return rows
}
