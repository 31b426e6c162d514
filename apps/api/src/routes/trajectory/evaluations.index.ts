import { createRouter } from '../../lib/router'
import * as evaluations from '../../services/trajectory/evaluations'
import * as meetings from '../../services/trajectory/team-meetings'
import * as routes from './evaluations.routes'
import * as meetingRoutes from './team-meetings.routes'

/**
 * Evaluations together and team strengths meetings: the linked gate (access/linked.ts) let in only
 * the client and their linked worker. The side someone answers or signs as is who they are, never
 * something the body chooses.
 */
export const evaluationsRouter = createRouter()
  .openapi(routes.listEvaluations, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await evaluations.listEvaluations(c.get('deps'), clientId), 200)
  })
  .openapi(routes.startEvaluation, async (c) => {
    const { clientId } = c.req.valid('param')
    return c.json(await evaluations.startEvaluation(c.get('deps'), { clientId, workerId: c.get('clientAccess').actor.id }), 201)
  })
  .openapi(routes.getEvaluation, async (c) => {
    const { clientId, evaluationId } = c.req.valid('param')
    return c.json(await evaluations.getEvaluation(c.get('deps'), clientId, evaluationId), 200)
  })
  .openapi(routes.answerItem, async (c) => {
    const { clientId, evaluationId, item } = c.req.valid('param')
    const { text, version } = c.req.valid('json')
    const access = c.get('clientAccess')
    const saved = await evaluations.answerItem(c.get('deps'), {
      clientId,
      evaluationId,
      item,
      side: access.isSelf ? 'client' : 'worker',
      authorId: access.actor.id,
      text,
      version,
      locale: access.actor.locale,
    })
    return c.json(saved, 200)
  })
  .openapi(routes.signEvaluation, async (c) => {
    const { clientId, evaluationId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const signed = await evaluations.signEvaluation(c.get('deps'), {
      clientId,
      evaluationId,
      side: access.isSelf ? 'client' : 'worker',
      signerId: access.actor.id,
      contentHash: c.req.valid('json').contentHash,
    })
    return c.json(signed, 201)
  })
  .openapi(meetingRoutes.listTeamMeetings, async (c) => {
    const { clientId } = c.req.valid('param')
    const access = c.get('clientAccess')
    return c.json(await meetings.listTeamMeetings(c.get('deps'), { clientId, viewerId: access.actor.id, isSelf: access.isSelf }), 200)
  })
  .openapi(meetingRoutes.prepareTeamMeeting, async (c) => {
    const { clientId } = c.req.valid('param')
    // The contract accepts ISO date-times only, so this is a real moment.
    const meetingAt = new Date(c.req.valid('json').meetingAt)
    const prepared = await meetings.prepareTeamMeeting(c.get('deps'), { clientId, workerId: c.get('clientAccess').actor.id, meetingAt, actor: c.get('actor') })
    return c.json(prepared, 201)
  })
  .openapi(meetingRoutes.getTeamMeeting, async (c) => {
    const { clientId, meetingId } = c.req.valid('param')
    return c.json(await meetings.getTeamMeeting(c.get('deps'), { clientId, meetingId, actor: c.get('actor'), isSelf: c.get('clientAccess').isSelf }), 200)
  })
  .openapi(meetingRoutes.saveNotes, async (c) => {
    const { clientId, meetingId } = c.req.valid('param')
    const { version, notes } = c.req.valid('json')
    const saved = await meetings.saveNotes(c.get('deps'), { clientId, meetingId, version, notes, actor: c.get('actor'), locale: c.get('clientAccess').actor.locale })
    return c.json(saved, 200)
  })
  .openapi(meetingRoutes.saveQuestion, async (c) => {
    const { clientId, meetingId } = c.req.valid('param')
    const { version, question } = c.req.valid('json')
    return c.json(await meetings.saveQuestion(c.get('deps'), { clientId, meetingId, version, question, locale: c.get('clientAccess').actor.locale }), 200)
  })
  .openapi(meetingRoutes.addIdea, async (c) => {
    const { clientId, meetingId } = c.req.valid('param')
    const access = c.get('clientAccess')
    const added = await meetings.addIdea(c.get('deps'), { clientId, meetingId, authorId: access.actor.id, text: c.req.valid('json').text, locale: access.actor.locale })
    return c.json(added, 201)
  })
