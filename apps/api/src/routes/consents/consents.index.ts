import { createRouter } from '../../lib/router'
import { writeAccessLog } from '../../access/gate'
import * as consent from '../../services/consent/consents'
import * as routes from './consents.routes'

export const consentsRouter = createRouter()
  .openapi(routes.listConsents, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await consent.listConsents(c.get('deps'), clientId, { includeInactive: c.req.valid('query').all === 'true' }), 200)
  })
  .openapi(routes.grantConsent, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await consent.grantConsent(c.get('deps'), { clientId, consent: c.req.valid('json') }), 201)
  })
  .openapi(routes.revokeConsent, async (c) => {
    const { clientId, consentId } = c.req.valid('param')
    return c.json(await consent.revokeConsent(c.get('deps'), { clientId, consentId }), 200)
  })
  .openapi(routes.readAccessLog, async (c) => {
    const { clientId } = c.req.valid('param')
    const deps = c.get('deps')
    const query = c.req.valid('query')
    const entries = await consent.readAccessLog(deps, {
      clientId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      includeOwn: query.includeOwn === 'true',
      limit: query.limit,
    })
    // Reading the log is itself logged (after the read, so this look is not in its own answer).
    await writeAccessLog(deps, { actor: c.get('actor'), clientId, action: 'read', scope: 'access_log', resource: 'access_log', outcome: 'allowed', basis: 'self' })
    return c.json(entries, 200)
  })
  .openapi(routes.listGrantees, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await consent.possibleGrantees(c.get('deps'), clientId), 200)
  })
  .openapi(routes.listGranteeTeams, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await consent.granteeTeams(c.get('deps'), clientId), 200)
  })
