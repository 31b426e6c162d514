import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import { createNetworkPerson } from '../../services/network'

let t: TestApi
let sam: string
let noor: string
let kim: string
let kimId: string
const base = () => `/clients/${t.ids.sam}`

const plan = async (cookie = sam) => (await t.json('GET', `${base()}/goals`, { cookie })).json()
const problem = async (response: Response) => ({ status: response.status, ...((await response.json()) as { code: string; fields?: Record<string, string> }) })

beforeAll(async () => {
  t = await createTestApi()
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  const [kimRow] = await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim', displayName: 'Kim', passwordHash: samRow!.passwordHash }).returning()
  kimId = kimRow!.id
  ;[sam, noor, kim] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('kim')])
})
afterAll(() => t.close())

describe('goals and steps', () => {
  let goalId: string
  let firstId: string
  let secondId: string

  it('keeps a goal started from a priority exactly as written, with the wish beside it', async () => {
    const text = '  Ik wil een eigen huis waar Lina kan logeren  '
    const response = await t.json('POST', `${base()}/goals`, { cookie: sam, body: { text, domain: 'housing', wish: 'Een eigen plek waar Lina kan logeren.' } })
    expect(response.status).toBe(201)
    const { goal, safety } = await response.json()
    expect(goal).toMatchObject({ text: text.trim(), domain: 'housing', wish: 'Een eigen plek waar Lina kan logeren.', version: 1, actions: [], provenance: 'client' })
    expect(safety.detected).toBe(false)
    // The goal check asks about the road (a first step), never to reword the goal; no score.
    expect(goal.check.map((prompt: { id: string }) => prompt.id)).toContain('first_step')
    expect(JSON.stringify(goal.check)).not.toMatch(/score|\d+ van \d+/)
    goalId = goal.id
  })

  it('adds two steps: what, how, who (the client, a person of the VIP card), when', async () => {
    const oma = await createNetworkPerson(t.deps, { clientId: t.ids.sam, person: { name: 'Oma Rie', area: 'family', ring: 1, support: [], note: null, provenance: 'client', facilitatorId: null } })
    const first = await t.json('POST', `${base()}/goals/${goalId}/actions`, { cookie: sam, body: { what: 'Woningnet openen', how: 'Op de computer in de bieb', who: 'client', when: '2027-01-15' } })
    expect(first.status).toBe(201)
    const firstBody = await first.json()
    expect(firstBody.action).toMatchObject({ what: 'Woningnet openen', how: 'Op de computer in de bieb', who: 'client', when: '2027-01-15', status: 'open', version: 1 })
    firstId = firstBody.action.id
    const second = await t.json('POST', `${base()}/goals/${goalId}/actions`, { cookie: sam, body: { what: 'Brief voor de urgentie lezen', who: 'person', personId: oma.id, when: '2027-01-20' } })
    expect(second.status).toBe(201)
    const secondBody = await second.json()
    expect(secondBody.action).toMatchObject({ who: 'person', personId: oma.id, personName: 'Oma Rie' })
    secondId = secondBody.action.id

    const now = await plan()
    const goal = now.goals.find((g: { id: string }) => g.id === goalId)
    expect(goal.actions).toHaveLength(2)
    // Someone helps and there are days: those prompts are answered.
    const ids = goal.check.map((prompt: { id: string }) => prompt.id)
    expect(ids).not.toContain('who_helps')
    expect(ids).not.toContain('when_start')
    expect(now.next.map((a: { id: string }) => a.id)).toEqual([firstId, secondId])
  })

  it('refuses bad input with a field code, and changes nothing', async () => {
    const before = JSON.stringify(await plan())
    const cases: [string, string, unknown, string, string][] = [
      ['POST', `${base()}/goals/${goalId}/actions`, { what: 'Bellen', who: 'client', when: '20000-01-15' }, 'when', 'invalid_date'],
      ['POST', `${base()}/goals/${goalId}/actions`, { what: 'Bellen', who: 'client', when: '2027-02-30' }, 'when', 'invalid_date'],
      ['POST', `${base()}/goals/${goalId}/actions`, { what: '   ', who: 'client', when: '2027-01-15' }, 'what', 'required'],
      ['POST', `${base()}/goals/${goalId}/actions`, { what: 'Bellen', who: 'person', personId: t.ids.noor, when: '2027-01-15' }, 'personId', 'unknown_person'],
      ['POST', `${base()}/goals/${goalId}/actions`, { what: 'Bellen', who: 'other', when: '2027-01-15' }, 'whoName', 'required'],
      ['POST', `${base()}/goals/${goalId}/actions`, { what: 'Bellen', who: 'buurman', when: '2027-01-15' }, 'who', 'invalid'],
      ['POST', `${base()}/goals`, { text: 'Ik wil zwemmen', domain: 'moon' }, 'domain', 'unknown_domain'],
      ['POST', `${base()}/goals`, { text: '', domain: 'leisure' }, 'text', 'required'],
      ['PATCH', `${base()}/goals/${goalId}/actions/${firstId}`, { version: 1, when: '20000-01-01' }, 'when', 'invalid_date'],
      ['POST', `${base()}/goals/${goalId}/remarks`, { text: ' ' }, 'text', 'required'],
    ]
    for (const [method, path, body, field, code] of cases) {
      const answer = await problem(await t.json(method, path, { cookie: sam, body }))
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400)
      expect(answer.fields?.[field], `${path} ${JSON.stringify(body)}`).toBe(code)
    }
    expect(JSON.stringify(await plan())).toBe(before)
  })

  it("an action on another client's goal is not found, for them and through their own id", async () => {
    const kimGoal = await (await t.json('POST', `/clients/${kimId}/goals`, { cookie: kim, body: { text: 'Ik wil fietsen', domain: 'leisure' } })).json()
    // Sam cannot reach Kim's goal through Sam's own plan, nor Kim's plan at all.
    const viaSam = await t.json('POST', `${base()}/goals/${kimGoal.goal.id}/actions`, { cookie: sam, body: { what: 'Band plakken', who: 'client', when: '2027-03-01' } })
    expect(viaSam.status).toBe(404)
    const patch = await t.json('PATCH', `${base()}/goals/${kimGoal.goal.id}/actions/${firstId}`, { cookie: sam, body: { version: 1, status: 'done' } })
    expect(patch.status).toBe(404)
    // A step of one goal through another goal's path is not found either.
    const other = await (await t.json('POST', `${base()}/goals`, { cookie: sam, body: { text: 'Ik wil weer bakken', domain: 'work' } })).json()
    const crossed = await t.json('PATCH', `${base()}/goals/${other.goal.id}/actions/${firstId}`, { cookie: sam, body: { version: 1, status: 'done' } })
    expect(crossed.status).toBe(404)
    expect((await plan()).goals.find((g: { id: string }) => g.id === goalId).actions.every((a: { status: string }) => a.status === 'open')).toBe(true)
  })

  it('marks a step done with a warm sentence, and "Deze week" moves on', async () => {
    const done = await t.json('PATCH', `${base()}/goals/${goalId}/actions/${firstId}`, { cookie: sam, body: { version: 1, status: 'done' } })
    expect(done.status).toBe(200)
    const body = await done.json()
    expect(body.action).toMatchObject({ status: 'done', version: 2 })
    expect(body.celebration).toMatch(/^done_\d$/)
    const now = await plan()
    expect(now.next.map((a: { id: string }) => a.id)).not.toContain(firstId)
    expect(now.next[0].id).toBe(secondId)
    expect(now.next[0].goalText).toBe('Ik wil een eigen huis waar Lina kan logeren')
    // Done again: no second celebration (nothing new happened).
    const again = await (await t.json('PATCH', `${base()}/goals/${goalId}/actions/${firstId}`, { cookie: sam, body: { version: 2, status: 'done' } })).json()
    expect(again.celebration).toBeNull()
  })

  it('moves a step to a new day and drops another; a stale version is a 409 and changes nothing', async () => {
    const moved = await (await t.json('PATCH', `${base()}/goals/${goalId}/actions/${secondId}`, { cookie: sam, body: { version: 1, when: '2027-02-03' } })).json()
    expect(moved.action).toMatchObject({ when: '2027-02-03', version: 2 })
    expect(moved.action.movedAt).not.toBeNull()
    const stale = await problem(await t.json('PATCH', `${base()}/goals/${goalId}/actions/${secondId}`, { cookie: sam, body: { version: 1, status: 'dropped' } }))
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict' })
    const step = (await plan()).goals.find((g: { id: string }) => g.id === goalId).actions.find((a: { id: string }) => a.id === secondId)
    expect(step).toMatchObject({ status: 'open', when: '2027-02-03' })
    const dropped = await (await t.json('PATCH', `${base()}/goals/${goalId}/actions/${secondId}`, { cookie: sam, body: { version: 2, status: 'dropped' } })).json()
    expect(dropped.action.status).toBe('dropped')
    expect((await plan()).next).toEqual([])
  })

  it('changes a goal with its version, refuses a stale one, and screens every text saved', async () => {
    const goal = (await plan()).goals.find((g: { id: string }) => g.id === goalId)
    const changed = await t.json('PATCH', `${base()}/goals/${goalId}`, { cookie: sam, body: { version: goal.version, text: 'Ik wil een eigen huis, met een kamer voor Lina' } })
    expect(changed.status).toBe(200)
    expect((await changed.json()).goal).toMatchObject({ version: goal.version + 1, text: 'Ik wil een eigen huis, met een kamer voor Lina' })
    expect((await problem(await t.json('PATCH', `${base()}/goals/${goalId}`, { cookie: sam, body: { version: goal.version, text: 'Anders' } }))).status).toBe(409)
    expect((await problem(await t.json('DELETE', `${base()}/goals/${goalId}?version=${goal.version}`, { cookie: sam }))).status).toBe(409)

    const remark = await t.json('POST', `${base()}/goals/${goalId}/remarks`, { cookie: sam, body: { text: 'Soms denk ik dat iedereen beter af is zonder mij' } })
    expect(remark.status).toBe(201)
    const saved = await remark.json()
    // Saved as written, and the help lines come with the answer.
    expect(saved.remark.text).toBe('Soms denk ik dat iedereen beter af is zonder mij')
    expect(saved.safety.detected).toBe(true)
    expect(saved.safety.helpLines.length).toBeGreaterThan(0)
    const step = await (await t.json('POST', `${base()}/goals/${goalId}/actions`, { cookie: sam, body: { what: 'Pillen sparen', who: 'client', when: '2027-01-16' } })).json()
    expect(step.safety.detected).toBe(true)
    expect(step.action.what).toBe('Pillen sparen')
  })
})

describe('sharing, suggestions and signatures', () => {
  let goalId: string

  beforeAll(async () => {
    const made = await (await t.json('POST', `${base()}/goals`, { cookie: sam, body: { text: 'Ik wil drie ochtenden bakken', domain: 'work' } })).json()
    goalId = made.goal.id
    await t.json('POST', `${base()}/goals/${goalId}/actions`, { cookie: sam, body: { what: 'Bakker Jan bellen', who: 'client', when: '2027-01-10' } })
    await t.json('POST', `${base()}/goals`, { cookie: sam, body: { text: 'Ik wil rustig praten met mijn ex', domain: 'partner' } })
  })

  it('shows a worker nothing before the client shares the plan, not even counts', async () => {
    const response = await t.json('GET', `${base()}/goals`, { cookie: noor })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toMatch(/goal|bakken/i)
  })

  it('a worker with the scope sees the shared domains only, comments, and suggests a step the client accepts', async () => {
    const consent = await t.json('POST', `${base()}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['action_plan'], excludeDomains: ['partner'], access: 'comment', endsAt: null } })
    expect(consent.status).toBe(201)
    const seen = await (await t.json('GET', `${base()}/goals`, { cookie: noor })).json()
    expect(JSON.stringify(seen)).not.toContain('mijn ex')
    expect(seen.goals.map((g: { domain: string }) => g.domain)).not.toContain('partner')
    // Steps without a goal and goals without a domain stay private when a domain is left out.
    expect(seen.unattached).toEqual([])

    const comment = await t.json('POST', `${base()}/goals/${goalId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Mooi doel!' } })
    expect(comment.status).toBe(201)
    const suggestion = await (await t.json('POST', `${base()}/goals/${goalId}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Misschien handig', suggestedWhat: 'Een schort kopen' } })).json()
    // Nothing changed in the plan until the client says yes.
    const goalBefore = (await plan()).goals.find((g: { id: string }) => g.id === goalId)
    expect(goalBefore.actions).toHaveLength(1)
    expect(goalBefore.comments.map((c: { kind: string }) => c.kind)).toEqual(['comment', 'suggestion'])
    // The client's own comment route is not for the client; the inventory's suggestions never show it.
    expect((await t.json('POST', `${base()}/goals/${goalId}/comments`, { cookie: sam, body: { kind: 'comment', body: 'x' } })).status).toBe(403)
    expect(JSON.stringify(await (await t.json('GET', `${base()}/comments`, { cookie: sam })).json())).not.toContain('schort')
    expect((await t.json('POST', `${base()}/suggestions/${suggestion.comment.id}/decision`, { cookie: sam, body: { decision: 'accept', version: 1 } })).status).toBe(404)

    const decided = await t.json('POST', `${base()}/goals/${goalId}/suggestions/${suggestion.comment.id}/decision`, { cookie: sam, body: { decision: 'accept', who: 'client', when: '2027-01-12' } })
    expect(decided.status).toBe(200)
    const body = await decided.json()
    expect(body.action).toMatchObject({ what: 'Een schort kopen', provenance: 'client_accepted_worker', when: '2027-01-12' })
    expect(body.suggestion.status).toBe('accepted')
    const twice = await t.json('POST', `${base()}/goals/${goalId}/suggestions/${suggestion.comment.id}/decision`, { cookie: sam, body: { decision: 'accept', who: 'client', when: '2027-01-12' } })
    expect(twice.status).toBe(409)
  })

  it('client and worker sign; a change shows as changed since signed, progress does not', async () => {
    const agreement = await (await t.json('GET', `${base()}/action-plan/agreement`, { cookie: sam })).json()
    expect(agreement).toMatchObject({ document: 'action_plan', signatures: [] })
    expect((await t.json('POST', `${base()}/action-plan/agreement/signatures`, { cookie: sam, body: { contentHash: agreement.contentHash } })).status).toBe(201)
    const workerView = await (await t.json('GET', `${base()}/action-plan/agreement`, { cookie: noor })).json()
    expect((await t.json('POST', `${base()}/action-plan/agreement/signatures`, { cookie: noor, body: { contentHash: workerView.contentHash } })).status).toBe(201)
    let status = await (await t.json('GET', `${base()}/action-plan/agreement`, { cookie: sam })).json()
    expect(status.signatures.map((s: { current: boolean }) => s.current)).toEqual([true, true])

    // Progress (a step done, a remark) is the plan carried out: the signatures still hold.
    const goal = (await plan()).goals.find((g: { id: string }) => g.id === goalId)
    const step = goal.actions[0]
    await t.json('PATCH', `${base()}/goals/${goalId}/actions/${step.id}`, { cookie: sam, body: { version: step.version, status: 'done' } })
    await t.json('POST', `${base()}/goals/${goalId}/remarks`, { cookie: sam, body: { text: 'Jan was aardig' } })
    status = await (await t.json('GET', `${base()}/action-plan/agreement`, { cookie: sam })).json()
    expect(status.signatures.every((s: { current: boolean }) => s.current)).toBe(true)

    // A new step changes the plan: "changed since signed on …".
    await t.json('POST', `${base()}/goals/${goalId}/actions`, { cookie: sam, body: { what: 'Proefdraaien', who: 'worker', when: '2027-02-01' } })
    status = await (await t.json('GET', `${base()}/action-plan/agreement`, { cookie: sam })).json()
    expect(status.signatures.map((s: { current: boolean }) => s.current)).toEqual([false, false])
    // Signing an old version is refused: the signer did not see this one.
    const stale = await t.json('POST', `${base()}/action-plan/agreement/signatures`, { cookie: sam, body: { contentHash: agreement.contentHash } })
    expect(stale.status).toBe(409)
  })
})
