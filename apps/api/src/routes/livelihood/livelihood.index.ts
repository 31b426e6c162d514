import { createRouter } from '../../lib/router'
import * as bridge from '../../services/livelihood/bridge'
import * as money from '../../services/livelihood/money'
import { networkNames } from '../../services/safety-plan'
import { screenTexts } from '../../services/safety-screen'
import * as routes from './livelihood.routes'

export const livelihoodRouter = createRouter()
  .openapi(routes.getBridge, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await bridge.getBridge(c.get('deps'), clientId), 200)
  })
  .openapi(routes.addPlacement, async (c) => {
    const { clientId } = c.req.valid('param')
    const body = c.req.valid('json')
    const placement = await bridge.addPlacement(c.get('deps'), clientId, body)
    return c.json({ placement, safety: screenTexts([placement.note], c.get('clientAccess').actor.locale) }, 201)
  })
  .openapi(routes.updatePlacement, async (c) => {
    const { clientId, placementId } = c.req.valid('param')
    const { note, ...patch } = c.req.valid('json')
    // An empty note is no note; a note left out stays as it was.
    const placement = await bridge.updatePlacement(c.get('deps'), clientId, placementId, { ...patch, ...(note !== undefined ? { note: note || null } : {}) })
    return c.json({ placement, safety: screenTexts([placement.note], c.get('clientAccess').actor.locale) }, 200)
  })
  .openapi(routes.removePlacement, async (c) => {
    const { clientId, placementId } = c.req.valid('param')
    await bridge.removePlacement(c.get('deps'), clientId, placementId, c.req.valid('query').version)
    return c.body(null, 204)
  })
  .openapi(routes.getMoney, async (c) => {
    const { clientId } = c.req.valid('param')
    const deps = c.get('deps')
    const page = await money.getMoneyPage(deps, clientId)
    // The VIP card's names help the client pick a helper; someone the page is shared with gets only the page.
    if (!c.get('clientAccess').isSelf) return c.json(page, 200)
    return c.json({ ...page, networkNames: await networkNames(deps, clientId) }, 200)
  })
  .openapi(routes.putMoney, async (c) => {
    const { clientId } = c.req.valid('param')
    const { version, ...content } = c.req.valid('json')
    return c.json(await money.saveMoneyPage(c.get('deps'), { clientId, version, content, locale: c.get('clientAccess').actor.locale }), 200)
  })
