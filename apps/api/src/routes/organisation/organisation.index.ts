import { createRouter } from '../../lib/router'
import { requireRole, requireUser } from '../../lib/guards'
import { AppError } from '../../lib/app-error'
import { writeAccessLog, writeAccessLogMany } from '../../lib/access-log'
import * as organisation from '../../services/organisation'
import * as routes from './organisation.routes'

export const organisationRouter = createRouter()
  .openapi(routes.getOrganisation, async (c) => {
    const actor = requireUser(c)
    return c.json(await organisation.getOrganisation(c.get('deps'), actor), 200)
  })
  .openapi(routes.updateOrganisation, async (c) => {
    const actor = requireRole(c, 'admin')
    return c.json(await organisation.updateOrganisation(c.get('deps'), { actor, ...c.req.valid('json') }), 200)
  })
  .openapi(routes.setRetention, async (c) => {
    const actor = requireRole(c, 'admin')
    return c.json(await organisation.setRetention(c.get('deps'), { actor, retentionDays: c.req.valid('json').retentionDays }), 200)
  })
  .openapi(routes.listTeams, async (c) => {
    const actor = requireUser(c)
    return c.json(await organisation.listTeams(c.get('deps'), actor), 200)
  })
  .openapi(routes.createTeam, async (c) => {
    const actor = requireRole(c, 'admin')
    return c.json(await organisation.createTeam(c.get('deps'), { actor, name: c.req.valid('json').name }), 201)
  })
  .openapi(routes.listPeople, async (c) => {
    const actor = requireRole(c, 'admin', 'worker', 'peer')
    const roles = c.req.valid('query').role ?? ['worker', 'peer', 'admin']
    const people = await organisation.listPeople(c.get('deps'), { actor, roles })
    // Being someone's client is itself about that client: a coordinator's list of clients leaves a
    // row in each listed client's log.
    await writeAccessLogMany(
      c.get('deps'),
      people
        .filter((person) => person.role === 'client')
        .map((person) => ({ actor: c.get('actor'), clientId: person.id, action: 'read' as const, scope: 'organisation', resource: 'people', outcome: 'allowed' as const, basis: 'coordinator' })),
    )
    return c.json(people, 200)
  })
  .openapi(routes.setTeam, async (c) => {
    const actor = requireRole(c, 'admin')
    await organisation.setTeam(c.get('deps'), { actor, userId: c.req.valid('param').userId, teamId: c.req.valid('json').teamId })
    return c.body(null, 204)
  })
  .openapi(routes.deactivatePerson, async (c) => {
    const actor = requireRole(c, 'admin')
    await organisation.deactivateStaff(c.get('deps'), { actor, userId: c.req.valid('param').userId })
    return c.body(null, 204)
  })
  .openapi(routes.myClients, async (c) => {
    const worker = requireRole(c, 'worker')
    const rows = await organisation.listMyClients(c.get('deps'), worker)
    return c.json(rows.map((row) => ({ ...row, linkedAt: row.linkedAt.toISOString() })), 200)
  })
  .openapi(routes.listClientWorkers, async (c) => {
    const actor = requireUser(c)
    const { clientId } = c.req.valid('param')
    if (actor.id !== clientId && actor.role !== 'admin') throw new AppError('forbidden', 'Not allowed.')
    const workers = await organisation.listClientWorkers(c.get('deps'), { actor, clientId })
    if (actor.id !== clientId) {
      await writeAccessLog(c.get('deps'), { actor: c.get('actor'), clientId, action: 'read', scope: 'organisation', resource: 'client_workers', outcome: 'allowed', basis: 'coordinator' })
    }
    return c.json(workers, 200)
  })
  .openapi(routes.linkWorker, async (c) => {
    const actor = requireRole(c, 'admin')
    const { clientId, workerId } = c.req.valid('param')
    await organisation.linkWorker(c.get('deps'), { actor, clientId, workerId })
    // Who is the client's worker decides who may ask for their consent: the client sees it in their log.
    await writeAccessLog(c.get('deps'), { actor: c.get('actor'), clientId, action: 'create', scope: 'organisation', resource: `worker_link:${workerId}`, outcome: 'allowed', basis: 'coordinator' })
    return c.body(null, 204)
  })
  .openapi(routes.unlinkWorker, async (c) => {
    const actor = requireRole(c, 'admin')
    const { clientId, workerId } = c.req.valid('param')
    await organisation.unlinkWorker(c.get('deps'), { actor, clientId, workerId })
    await writeAccessLog(c.get('deps'), { actor: c.get('actor'), clientId, action: 'delete', scope: 'organisation', resource: `worker_link:${workerId}`, outcome: 'allowed', basis: 'coordinator' })
    return c.body(null, 204)
  })
