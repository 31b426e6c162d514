import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, comments, organisations, teamMeetings, users } from '@kracht/db'
import { teamMeetingSteps } from '@kracht/trajectory'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
let noor: string
let eva: string
let wim: string
let teamId = ''
const list = () => `/clients/${t.ids.sam}/team-meetings`
const one = (id: string) => `${list()}/${id}`
const DAY = 86_400_000

beforeAll(async () => {
  t = await createTestApi()
  ;[sam, noor, eva] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva')])
  const [noorRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.noor))
  teamId = noorRow!.teamId!
  const [other] = await t.deps.db.insert(organisations).values({ name: 'Andere Stichting' }).returning()
  await t.deps.db.insert(users).values({ organisationId: other!.id, role: 'worker', username: 'wim', displayName: 'Wim', passwordHash: noorRow!.passwordHash })
  wim = await t.signIn('wim')
})
afterAll(() => t.close())

const body = async (response: Response) => response.json()
const signInAgain = async () => {
  ;[sam, noor, eva, wim] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('eva'), t.signIn('wim')])
}

describe('team strengths meeting', () => {
  let meetingId = ''
  let version = 1

  it('cannot be prepared without the client sharing with the team for the meeting', async () => {
    expect(await body(await t.json('GET', list(), { cookie: noor }))).toMatchObject({ canPrepare: false, meetings: [] })
    const refused = await t.json('POST', list(), { cookie: noor, body: { meetingAt: new Date(Date.now() + DAY / 2).toISOString() } })
    expect(refused.status).toBe(409)
    expect((await body(refused)).code).toBe('no_team_share')
    expect(await t.deps.db.select().from(teamMeetings)).toEqual([])
  })

  it('is prepared from the one-day team share by the linked worker, and the shared words are read on that share', async () => {
    const share = await t.json('POST', `/clients/${t.ids.sam}/consents`, {
      cookie: sam,
      body: { teamId, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: new Date(Date.now() + DAY).toISOString() },
    })
    expect(share.status).toBe(201)
    const consentId = (await body(share)).id
    expect(await body(await t.json('GET', list(), { cookie: noor }))).toMatchObject({ canPrepare: true })
    // The client sees their meetings but prepares none.
    expect((await body(await t.json('GET', list(), { cookie: sam }))).canPrepare).toBe(false)
    expect((await t.json('POST', list(), { cookie: sam, body: { meetingAt: new Date().toISOString() } })).status).toBe(403)
    const bad = await t.json('POST', list(), { cookie: noor, body: { meetingAt: 'morgen' } })
    expect(bad.status).toBe(400)
    const prepared = await t.json('POST', list(), { cookie: noor, body: { meetingAt: new Date(Date.now() + DAY / 2).toISOString() } })
    expect(prepared.status).toBe(201)
    const meeting = await body(prepared)
    meetingId = meeting.id
    version = meeting.version
    expect(meeting.notes.map((n: { step: string }) => n.step)).toEqual([...teamMeetingSteps])
    expect(meeting.clientQuestion).toBeNull()
    expect(meeting.shared.statements.length).toBeGreaterThan(0)
    const reads = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.resource, `team_meeting:${meetingId}`)))
    expect(reads).toEqual([expect.objectContaining({ scope: 'inventory', action: 'read', basis: `consent:${consentId}`, outcome: 'allowed' })])
  })

  it("takes the client's question in the client's words only, with a version check", async () => {
    expect((await t.json('PUT', `${one(meetingId)}/question`, { cookie: noor, body: { version, question: 'Hoe vind ik werk?' } })).status).toBe(403)
    const saved = await t.json('PUT', `${one(meetingId)}/question`, { cookie: sam, body: { version, question: 'Hoe vind ik werk in de buurt, met mijn rijbewijs?' } })
    expect(saved.status).toBe(200)
    const { meeting, safety } = await body(saved)
    expect(meeting.clientQuestion).toBe('Hoe vind ik werk in de buurt, met mijn rijbewijs?')
    expect(safety.detected).toBe(false)
    const stale = await t.json('PUT', `${one(meetingId)}/question`, { cookie: sam, body: { version, question: 'Iets anders' } })
    expect(stale.status).toBe(409)
    expect((await body(stale)).code).toBe('version_conflict')
    version = meeting.version
  })

  it("takes the worker's notes per step, refuses an unknown step and the client, and screens them", async () => {
    expect((await t.json('PUT', `${one(meetingId)}/notes`, { cookie: sam, body: { version, notes: { successes: 'x' } } })).status).toBe(403)
    const unknown = await t.json('PUT', `${one(meetingId)}/notes`, { cookie: noor, body: { version, notes: { gossip: 'x' } } })
    expect(unknown.status).toBe(400)
    const saved = await t.json('PUT', `${one(meetingId)}/notes`, {
      cookie: noor,
      body: { version, notes: { successes: 'Sam heeft een kamer gevonden.', situation_and_tried: 'Ze zegt soms: ik wil dood.' } },
    })
    expect(saved.status).toBe(200)
    const { meeting, safety } = await body(saved)
    expect(safety.detected).toBe(true)
    expect(meeting.notes.find((n: { step: string }) => n.step === 'successes').text).toBe('Sam heeft een kamer gevonden.')
    version = meeting.version
  })

  it("records the team's ideas as suggestions the client accepts or declines", async () => {
    expect((await t.json('POST', `${one(meetingId)}/ideas`, { cookie: sam, body: { text: 'x' } })).status).toBe(403)
    expect((await t.json('POST', `${one(meetingId)}/ideas`, { cookie: noor, body: { text: ' ' } })).status).toBe(400)
    const first = await body(await t.json('POST', `${one(meetingId)}/ideas`, { cookie: noor, body: { text: 'Vraag bij de bibliotheek naar het werkcafé.' } }))
    const second = await body(await t.json('POST', `${one(meetingId)}/ideas`, { cookie: noor, body: { text: 'Oefen een sollicitatie met Eva.' } }))
    expect(first.idea).toMatchObject({ targetKind: 'team_meeting', targetId: meetingId, kind: 'suggestion', status: 'open' })
    const accepted = await t.json('POST', `/clients/${t.ids.sam}/suggestions/${first.idea.id}/decision`, { cookie: sam, body: { decision: 'accept', version: 1 } })
    expect(accepted.status).toBe(200)
    expect((await body(accepted)).statement).toBeNull()
    expect((await t.json('POST', `/clients/${t.ids.sam}/suggestions/${second.idea.id}/decision`, { cookie: sam, body: { decision: 'edit', text: 'x', version: 1 } })).status).toBe(400)
    expect((await t.json('POST', `/clients/${t.ids.sam}/suggestions/${second.idea.id}/decision`, { cookie: sam, body: { decision: 'decline', version: 1 } })).status).toBe(200)
    const again = await t.json('POST', `/clients/${t.ids.sam}/suggestions/${first.idea.id}/decision`, { cookie: sam, body: { decision: 'decline', version: 1 } })
    expect((await body(again)).code).toBe('suggestion_decided')
    const seen = await body(await t.json('GET', one(meetingId), { cookie: sam }))
    expect(seen.ideas.map((idea: { status: string }) => idea.status)).toEqual(['accepted', 'declined'])
    const [row] = await t.deps.db.select().from(comments).where(eq(comments.id, first.idea.id))
    expect(row?.decidedAt).not.toBeNull()
  })

  it("is in the client's own data file: the meeting with their question, and the team's ideas with their decisions", async () => {
    const file = await body(await t.json('GET', `/clients/${t.ids.sam}/export`, { cookie: sam }))
    expect(file.trajectory.teamMeetings).toEqual([expect.objectContaining({ id: meetingId, clientQuestion: 'Hoe vind ik werk in de buurt, met mijn rijbewijs?' })])
    const ideas = file.comments.filter((row: { targetKind: string }) => row.targetKind === 'team_meeting')
    expect(ideas.map((row: { status: string }) => row.status)).toEqual(['accepted', 'declined'])
  })

  it('is the client and the linked worker only: a team member on the share and another organisation are refused', async () => {
    expect((await t.json('GET', one(meetingId), { cookie: eva })).status).toBe(403)
    const outside = await t.json('GET', list(), { cookie: wim })
    expect(await body(outside)).toMatchObject({ code: 'forbidden', fields: { reason: 'other_organisation' } })
    expect((await t.json('GET', `${list()}/00000000-0000-4000-8000-000000000000`, { cookie: noor })).status).toBe(404)
  })

  it('keeps the sheet after the share ends, without what was shared, and no new meeting can be prepared', async () => {
    t.advance(2 * DAY)
    await signInAgain()
    const seen = await body(await t.json('GET', one(meetingId), { cookie: noor }))
    expect(seen.shared).toBeNull()
    expect(seen.clientQuestion).toBe('Hoe vind ik werk in de buurt, met mijn rijbewijs?')
    expect(seen.ideas).toHaveLength(2)
    expect((await body(await t.json('GET', one(meetingId), { cookie: sam }))).shared).not.toBeNull()
    expect((await body(await t.json('GET', list(), { cookie: noor }))).canPrepare).toBe(false)
    const late = await t.json('POST', list(), { cookie: noor, body: { meetingAt: new Date(Date.now() + 3 * DAY).toISOString() } })
    expect((await body(late)).code).toBe('no_team_share')
  })
})
