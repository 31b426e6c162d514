import { createRouter } from '../../lib/router'
import * as safetyPlan from '../../services/safety-plan'
import * as routes from './safety-plan.routes'

export const safetyPlanRouter = createRouter()
  .openapi(routes.getSafetyPlan, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const deps = c.get('deps')
    const plan = await safetyPlan.getSafetyPlan(deps, clientId)
    if (!access.isSelf) return c.json(plan, 200)
    return c.json({ ...plan, networkNames: await safetyPlan.networkNames(deps, clientId) }, 200)
  })
  .openapi(routes.putSafetyPlan, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const { version, ...lines } = c.req.valid('json')
    const saved = await safetyPlan.saveSafetyPlan(c.get('deps'), { clientId, version, lines, locale: access.actor.locale })
    return c.json(saved, 200)
  })
