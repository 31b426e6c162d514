import { createRouter } from '../../lib/router'
import * as trajectory from '../../services/trajectory/trajectory'
import * as routes from './trajectory.routes'

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
