import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../testing'

let t: TestApi
let sam: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
})
afterAll(() => t.close())

// Mobility Mentoring: poverty's stress takes away room to plan, so the load stays low. "Deze week"
// on the client's home never shows more than three steps, however many are open.
describe('"Deze week" keeps the load low', () => {
  it('shows at most three open steps, soonest first, whatever the plan holds', async () => {
    const base = `/clients/${t.ids.sam}`
    const goal = await (await t.json('POST', `${base}/goals`, { cookie: sam, body: { text: 'Ik wil mijn geld op orde', domain: 'finances' } })).json()
    const whens = ['2027-03-05', '2027-03-01', '2027-03-04', '2027-03-02', '2027-03-03']
    for (const [i, when] of whens.entries()) {
      const added = await t.json('POST', `${base}/goals/${goal.goal.id}/actions`, { cookie: sam, body: { what: `Stap ${i}`, who: 'client', when } })
      expect(added.status).toBe(201)
    }
    const plan = await (await t.json('GET', `${base}/goals`, { cookie: sam })).json()
    expect(plan.next.map((step: { when: string }) => step.when)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03'])
  })
})
