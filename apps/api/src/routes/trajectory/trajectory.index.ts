import { createRouter } from '../../lib/router'
import * as trajectory from '../../services/trajectory/trajectory'
import * as capacity from '../../services/trajectory/capacity'
import * as routes from './trajectory.routes'
import * as capacityRoutes from './capacity.routes'

export const trajectoryRouter = createRouter()
  .openapi(routes.getTrajectory, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await trajectory.getTrajectory(c.get('deps'), clientId), 200)
  })
  .openapi(routes.startTrajectory, async (c) => {
    const { clientId } = c.req.valid('param')
    const { model } = c.req.valid('json')
    return c.json(await trajectory.startTrajectory(c.get('deps'), { clientId, model, workerId: c.get('clientAccess').actor.id }), 201)
  })
  .openapi(routes.nextPhase, async (c) => {
    const { clientId } = c.req.valid('param')
    const body = c.req.valid('json') as { from?: string | undefined } | undefined
    return c.json(await trajectory.moveToNextPhase(c.get('deps'), { clientId, workerId: c.get('clientAccess').actor.id, from: body?.from }), 200)
  })
  .openapi(capacityRoutes.listAssessments, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await capacity.listAssessments(c.get('deps'), clientId), 200)
  })
  .openapi(capacityRoutes.addAssessment, async (c) => {
    const { clientId } = c.req.valid('param')
    const actor = c.get('clientAccess').actor
    const saved = await capacity.addAssessment(c.get('deps'), { clientId, authorId: actor.id, locale: actor.locale, assessment: c.req.valid('json') })
    if (!saved.assessment) throw new Error('saved assessment not found')
    return c.json({ assessment: saved.assessment, safety: saved.safety }, 201)
  })
