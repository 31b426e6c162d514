import { endOfDutchDay } from '@kracht/calendar'
import { createRouter } from '../../lib/router'
import * as inventory from '../../services/inventory'
import * as agreement from '../../services/agreement'
import { screenText, screenTexts } from '../../services/safety-screen'
import * as routes from './inventory.routes'
import type { Locale } from '@kracht/language'
import type { Deps } from '../../lib/env'
import type { ClientAccess } from '../../access/gate'

/** The inventory as the gate's caller may see it (GET …/inventory, and the worker's page in one call). */
export async function inventoryAsSeen(deps: Deps, clientId: string, access: ClientAccess, locale: Locale | undefined, alongside?: inventory.AlongsideRead) {
  // Quality requirement 6 (an agreement between client and worker) counts only a current signature.
  // Asked only when both have signed at all (the inventory's own query tells).
  const agreementSigned = () => agreement.agreementSigned(deps, clientId, access)
  const shown = await inventory.getInventory(deps, { clientId, locale: locale ?? access.actor.locale, excludeDomains: access.excludeDomains, agreementSigned, isSelf: access.isSelf, alongside })
  // The portal shows only the actions the consent allows (a read-only share offers no comment form).
  return { ...shown, viewerAccess: access.access }
}

export const inventoryRouter = createRouter()
  .openapi(routes.listStatements, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const rows = await inventory.listStatements(c.get('deps'), clientId, { ...c.req.valid('query'), excludeDomains: access.excludeDomains })
    return c.json(rows.map(inventory.serialiseStatement), 200)
  })
  .openapi(routes.createStatement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const row = await inventory.createStatement(deps, { clientId, actorId: access.actor.id, statement: c.req.valid('json') })
    const feedback = inventory.statementFeedback(row.text, access.actor.locale, await inventory.domainSettings(deps, clientId))
    return c.json({ statement: inventory.serialiseStatement(row), feedback, safety: screenText(row.text, access.actor.locale) }, 201)
  })
  .openapi(routes.updateStatement, async (c) => {
    const { clientId, statementId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { version, ...patch } = c.req.valid('json')
    const deps = c.get('deps')
    const row = await inventory.updateStatement(deps, { clientId, actorId: access.actor.id, statementId, version, patch })
    const feedback = inventory.statementFeedback(row.text, access.actor.locale, await inventory.domainSettings(deps, clientId))
    return c.json({ statement: inventory.serialiseStatement(row), feedback, safety: screenText(row.text, access.actor.locale) }, 200)
  })
  .openapi(routes.deleteStatement, async (c) => {
    const { clientId, statementId } = c.req.valid('param')
    const access = c.get('clientAccess')
    await inventory.deleteStatement(c.get('deps'), { clientId, actorId: access.actor.id, statementId, version: c.req.valid('query').version })
    return c.body(null, 204)
  })
  .openapi(routes.getInventory, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await inventoryAsSeen(c.get('deps'), clientId, c.get('clientAccess'), c.req.valid('query').locale), 200)
  })
  .openapi(routes.putPriorities, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const row = await inventory.setPriorities(c.get('deps'), { clientId, actorId: access.actor.id, ...body })
    const safety = screenTexts(body.priorities.map((priority) => priority.wish), access.actor.locale)
    return c.json({ version: row?.version ?? body.version + 1, safety }, 200)
  })
  .openapi(routes.putRemarks, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const body = c.req.valid('json')
    const row = await inventory.setRemarks(c.get('deps'), { clientId, actorId: access.actor.id, ...body })
    return c.json({ version: row?.version ?? body.version + 1, safety: screenText(body.remarks, access.actor.locale) }, 200)
  })
  .openapi(routes.getHistory, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { at } = c.req.valid('query')
    // A plain date means the end of that Dutch day: "how it looked on 1 March" includes all of 1 March.
    const moment = at ? (at.length === 10 ? endOfDutchDay(at) : new Date(at)) : c.get('deps').now()
    return c.json(await inventory.inventoryHistory(c.get('deps'), { clientId, at: moment, excludeDomains: access.excludeDomains }), 200)
  })
