import { createRouter } from '../../lib/router'
import * as agreement from '../../services/agreement'
import * as routes from './signatures.routes'

export const signaturesRouter = createRouter()
  .openapi(routes.getAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    return c.json(await agreement.agreementStatus(c.get('deps'), { clientId, viewer: access }), 200)
  })
  .openapi(routes.signAgreement, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const role = access.isSelf ? 'client' : 'worker'
    const signed = await agreement.signInventory(c.get('deps'), { clientId, signerId: access.actor.id, signerRole: role, filter: access, expectedHash: c.req.valid('json').contentHash })
    return c.json(signed, 201)
  })
