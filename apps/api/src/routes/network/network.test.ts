import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { accessLog, networkPeople, networkPersonRevisions, users } from '@kracht/db'
import { createTestApi, type TestApi } from '../../testing'
import { endOfDay } from './network.index'

let t: TestApi
let sam: string
let noor: string
let kim: string
const persons = () => `/clients/${t.ids.sam}/network/persons`
const resourcesPath = () => `/clients/${t.ids.sam}/network/resources`

beforeAll(async () => {
  t = await createTestApi()
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  await t.deps.db.insert(users).values({ organisationId: samRow!.organisationId, role: 'client', username: 'kim', displayName: 'Kim', passwordHash: samRow!.passwordHash })
  ;[sam, noor, kim] = await Promise.all([t.signIn('sam'), t.signIn('noor'), t.signIn('kim')])
})
afterAll(() => t.close())

const add = async (body: Record<string, unknown>, cookie = sam) => t.json('POST', persons(), { cookie, body })

describe('people on the network map', () => {
  it('adds people with the fixed body, lists them closest first, and reads one', async () => {
    const oma = await add({ name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'] })
    expect(oma.status).toBe(201)
    const saved = await oma.json()
    expect(saved.person).toMatchObject({ name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'], note: null, period: 'now', provenance: 'client', version: 1 })
    expect(saved.safety.detected).toBe(false)
    await add({ name: 'Buurman Kees', area: 'friends', ring: 3, support: ['practical'], note: 'Hij helpt met de fiets', period: 'past' })
    const list = await (await t.json('GET', persons(), { cookie: sam })).json()
    expect(list.map((p: { name: string }) => p.name)).toEqual(['Oma Rie', 'Buurman Kees'])
    const one = await t.json('GET', `${persons()}/${saved.person.id}`, { cookie: sam })
    expect((await one.json()).name).toBe('Oma Rie')
  })

  it('refuses bad input with a code per field and changes nothing', async () => {
    const before = (await (await t.json('GET', persons(), { cookie: sam })).json()).length
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: 'Jan', area: 'neighbours', ring: 1 }, 'area', 'unknown_area'],
      [{ name: 'Jan', area: 'family', ring: 7 }, 'ring', 'ring_out_of_range'],
      [{ name: 'Jan', area: 'family', ring: 0 }, 'ring', 'ring_out_of_range'],
      [{ name: 'Jan', area: 'family', ring: 1.5 }, 'ring', 'ring_out_of_range'],
      [{ name: '   ', area: 'family', ring: 1 }, 'name', 'required'],
      [{ name: 'x'.repeat(201), area: 'family', ring: 1 }, 'name', 'too_long'],
      [{ name: 'Jan', area: 'family', ring: 1, support: ['money'] }, 'support.0', 'unknown_support'],
      [{ name: 'Jan', area: 'family', ring: 1, period: 'later' }, 'period', 'unknown_period'],
      [{ name: 'Jan', area: 'family', ring: 1, note: 'x'.repeat(501) }, 'note', 'too_long'],
    ]
    for (const [body, field, code] of cases) {
      const response = await add(body)
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      const problem = await response.json()
      expect(problem.code).toBe('validation_failed')
      expect(problem.fields[field]).toBe(code)
    }
    // An unknown field is refused rather than silently dropped.
    expect((await add({ name: 'Jan', area: 'family', ring: 1, clientId: t.ids.noor })).status).toBe(400)
    // Not JSON, and a body far beyond the limit: a problem, never a 500.
    expect((await t.json('POST', persons(), { cookie: sam, body: '{"name":' })).status).toBe(400)
    const huge = await t.json('POST', persons(), { cookie: sam, body: { name: 'Jan', area: 'family', ring: 1, note: 'x'.repeat(70_000) } })
    expect(huge.status).toBe(413)
    expect((await huge.json()).code).toBe('payload_too_large')
    expect((await (await t.json('GET', persons(), { cookie: sam })).json()).length).toBe(before)
  })

  it('changes a person on the version last read; a stale version changes nothing (409)', async () => {
    const created = (await (await add({ name: 'Tante Ans', area: 'family', ring: 2 })).json()).person
    const path = `${persons()}/${created.id}`
    const changed = await t.json('PATCH', path, { cookie: sam, body: { version: 1, ring: 1, support: ['company'] } })
    expect(changed.status).toBe(200)
    expect((await changed.json()).person).toMatchObject({ ring: 1, support: ['company'], version: 2, name: 'Tante Ans' })
    const stale = await t.json('PATCH', path, { cookie: sam, body: { version: 1, ring: 3 } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).code).toBe('version_conflict')
    expect((await t.json('PATCH', path, { cookie: sam, body: { version: 2, ring: 7 } })).status).toBe(400)
    expect((await t.json('PATCH', path, { cookie: sam, body: { version: 2, area: 'club' } })).status).toBe(400)
    expect((await (await t.json('GET', path, { cookie: sam })).json()).ring).toBe(1)

    expect((await t.json('DELETE', `${path}?version=1`, { cookie: sam })).status).toBe(409)
    expect((await t.json('DELETE', `${path}?version=2`, { cookie: sam })).status).toBe(204)
    expect((await t.json('GET', path, { cookie: sam })).status).toBe(404)
    expect((await t.json('PATCH', path, { cookie: sam, body: { version: 3, ring: 2 } })).status).toBe(404)
    const revisions = await t.deps.db.select().from(networkPersonRevisions).where(eq(networkPersonRevisions.personId, created.id))
    expect(revisions.map((r) => [r.action, r.version, r.ring])).toEqual([
      ['create', 1, 2],
      ['update', 2, 1],
      ['delete', 3, 1],
    ])
  })

  it("never reaches another client's person: 404 under one's own id, 403 under theirs", async () => {
    const kims = (await (await t.json('POST', `/clients/${(await me(kim)).id}/network/persons`, { cookie: kim, body: { name: 'Mama', area: 'family', ring: 1 } })).json()).person
    expect((await t.json('GET', `${persons()}/${kims.id}`, { cookie: sam })).status).toBe(404)
    expect((await t.json('PATCH', `${persons()}/${kims.id}`, { cookie: sam, body: { version: 1, ring: 3 } })).status).toBe(404)
    expect((await t.json('DELETE', `${persons()}/${kims.id}?version=1`, { cookie: sam })).status).toBe(404)
    expect((await t.json('GET', `/clients/${(await me(kim)).id}/network/persons`, { cookie: sam })).status).toBe(403)
    const [row] = await t.deps.db.select().from(networkPeople).where(eq(networkPeople.id, kims.id))
    expect(row).toMatchObject({ ring: 1, version: 1, deletedAt: null })
  })

  it('screens the name and the note on save: saved as written, the answer carries the help lines', async () => {
    const note = 'Ik bel haar als ik denk dat iedereen beter af is zonder mij'
    const saved = await add({ name: 'Mijn zus', area: 'family', ring: 1, note })
    expect(saved.status).toBe(201)
    const body = await saved.json()
    expect(body.person.note).toBe(note)
    expect(body.safety.detected).toBe(true)
    const tels = body.safety.helpLines.flatMap((line: { numbers: { tel: string }[] }) => line.numbers.map((n) => n.tel))
    expect(tels).toContain('tel:113')
  })
})

describe('the map of a past day', () => {
  it('shows who was there then and what changed since; refuses a date in the year 20000', async () => {
    const history = (at: string) => t.json('GET', `/clients/${t.ids.sam}/network/history?at=${encodeURIComponent(at)}`, { cookie: sam })
    const before = t.deps.now().toISOString()
    t.advance(60_000)
    const coach = (await (await add({ name: 'Coach Ali', area: 'school_work_club', ring: 3 })).json()).person
    await t.json('PATCH', `${persons()}/${coach.id}`, { cookie: sam, body: { version: 1, ring: 1 } })
    const then = await (await history(before)).json()
    expect(then.then.map((p: { name: string }) => p.name)).not.toContain('Coach Ali')
    expect(then.now.map((p: { name: string }) => p.name)).toContain('Coach Ali')
    expect(then.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'added', person: expect.objectContaining({ name: 'Coach Ali', ring: 1 }) })]))
    // The removed aunt is on no map after her removal, but is on the map of a day before it.
    expect(then.now.map((p: { name: string }) => p.name)).not.toContain('Tante Ans')
    expect(then.then.map((p: { name: string }) => p.name)).not.toContain('Tante Ans')

    for (const bad of ['20000-01-01', '1999-12-31', 'gisteren', '2025-13-45']) {
      const response = await history(bad)
      expect(response.status, bad).toBe(400)
    }
    expect((await history('2025-01-01')).status).toBe(200)
    expect((await (await history('2025-01-01')).json()).then).toEqual([])
  })

  it('takes a calendar day as its end in Amsterdam, summer and winter', () => {
    expect(endOfDay('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z')
    expect(endOfDay('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z')
  })
})

describe('resources (hulpbronnen)', () => {
  it('keeps resources in the four kinds, linked to a life domain or a person, and refuses bad links', async () => {
    const oma = (await (await t.json('GET', persons(), { cookie: sam })).json()).find((p: { name: string }) => p.name === 'Oma Rie')
    const housing = await t.json('POST', resourcesPath(), { cookie: sam, body: { kind: 'socio_economic', text: 'Ik heb een eigen kamer', domain: 'housing' } })
    expect(housing.status).toBe(201)
    const byPerson = await t.json('POST', resourcesPath(), { cookie: sam, body: { kind: 'social_cohesion', text: 'Oma kookt op zondag', personId: oma.id } })
    expect(byPerson.status).toBe(201)
    const partner = await t.json('POST', resourcesPath(), { cookie: sam, body: { kind: 'social_empowerment', text: 'Ik weet nu wat ik wil met mijn ex', domain: 'partner' } })
    expect(partner.status).toBe(201)

    const kimsPerson = (await (await t.json('GET', `/clients/${(await me(kim)).id}/network/persons`, { cookie: kim })).json())[0]
    const refused: [Record<string, unknown>, number, string][] = [
      [{ kind: 'money', text: 'x' }, 400, 'kind'],
      [{ kind: 'socio_economic', text: '' }, 400, 'text'],
      [{ kind: 'socio_economic', text: 'x', domain: 'moon' }, 400, 'domain'],
      [{ kind: 'socio_economic', text: 'x', personId: kimsPerson.id }, 400, 'personId'],
      [{ kind: 'socio_economic', text: 'x', domain: 'housing', personId: oma.id }, 400, 'personId'],
    ]
    for (const [body, status, field] of refused) {
      const response = await t.json('POST', resourcesPath(), { cookie: sam, body })
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(Object.keys((await response.json()).fields ?? {})).toContain(field)
    }
    const list = await (await t.json('GET', resourcesPath(), { cookie: sam })).json()
    expect(list).toHaveLength(3)

    const resource = (await housing.json()).resource
    const stale = await t.json('PATCH', `${resourcesPath()}/${resource.id}`, { cookie: sam, body: { version: 2, text: 'Anders' } })
    expect(stale.status).toBe(409)
    const changed = await t.json('PATCH', `${resourcesPath()}/${resource.id}`, { cookie: sam, body: { version: 1, text: 'Ik heb een eigen kamer met een raam' } })
    expect((await changed.json()).resource).toMatchObject({ version: 2, domain: 'housing' })
    const screened = await t.json('PATCH', `${resourcesPath()}/${resource.id}`, { cookie: sam, body: { version: 2, text: 'Mijn kamer, maar ik spaar pillen' } })
    expect((await screened.json()).safety.detected).toBe(true)
    expect((await t.json('DELETE', `${resourcesPath()}/${resource.id}?version=3`, { cookie: sam })).status).toBe(204)
    expect(await (await t.json('GET', resourcesPath(), { cookie: sam })).json()).toHaveLength(2)
  })
})

describe('sharing the network: the one gate, the access log, suggestions the client accepts', () => {
  it('without the network scope a worker gets nothing, not even a count, and the refusal is logged', async () => {
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], access: 'comment', endsAt: null } })
    for (const path of [persons(), resourcesPath(), `/clients/${t.ids.sam}/network/comments`, `/clients/${t.ids.sam}/network/history?at=2026-01-01`]) {
      const response = await t.json('GET', path, { cookie: noor })
      expect(response.status, path).toBe(403)
      const text = await response.text()
      expect(text).not.toContain('Oma')
    }
    const denied = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.scope, 'network')))
    expect(denied.map((row) => [row.outcome, row.basis])).toContainEqual(['denied', 'scope_not_shared'])
  })

  it('with the scope a worker sees the map (not the left-out domain), comments and suggests; never writes', async () => {
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['network'], access: 'comment', excludeDomains: ['partner'], endsAt: null } })
    const list = await t.json('GET', persons(), { cookie: noor })
    expect(list.status).toBe(200)
    expect((await list.json()).map((p: { name: string }) => p.name)).toContain('Oma Rie')
    const resources = await (await t.json('GET', resourcesPath(), { cookie: noor })).json()
    expect(JSON.stringify(resources)).not.toContain('mijn ex')
    expect(resources.some((r: { domain: string | null }) => r.domain === 'partner')).toBe(false)
    const [allowed] = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor), eq(accessLog.outcome, 'allowed'), eq(accessLog.scope, 'network')))
    expect(allowed?.basis).toMatch(/^consent:/)

    expect((await add({ name: 'Noor zelf', area: 'professionals', ring: 1 }, noor)).status).toBe(403)
    const oma = (await (await t.json('GET', persons(), { cookie: noor })).json()).find((p: { name: string }) => p.name === 'Oma Rie')
    expect((await t.json('PATCH', `${persons()}/${oma.id}`, { cookie: noor, body: { version: oma.version, ring: 3 } })).status).toBe(403)

    const comments = `/clients/${t.ids.sam}/network/comments`
    const comment = await t.json('POST', comments, { cookie: noor, body: { kind: 'comment', personId: oma.id, body: 'Fijn dat oma er is.' } })
    expect(comment.status).toBe(201)
    const suggestion = await t.json('POST', comments, { cookie: noor, body: { kind: 'suggestion', body: 'Je noemde haar vaak.', proposal: { name: 'Buurvrouw Els', area: 'friends', ring: 2, support: ['practical'] } } })
    expect(suggestion.status).toBe(201)
    const change = await t.json('POST', comments, { cookie: noor, body: { kind: 'suggestion', personId: oma.id, proposal: { name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional', 'advice'] } } })
    expect(change.status).toBe(201)
    expect((await t.json('POST', comments, { cookie: noor, body: { kind: 'suggestion', proposal: { name: 'X', area: 'moon', ring: 9 } } })).status).toBe(400)
    expect((await t.json('POST', comments, { cookie: noor, body: { kind: 'suggestion' } })).status).toBe(400)
    // The client changes their own map on the map; a comment is for others.
    expect((await t.json('POST', comments, { cookie: sam, body: { kind: 'comment', body: 'x' } })).status).toBe(403)
    // Nothing on the map yet.
    expect((await (await t.json('GET', persons(), { cookie: sam })).json()).map((p: { name: string }) => p.name)).not.toContain('Buurvrouw Els')

    const added = await suggestion.json()
    const decide = (id: string, body: Record<string, unknown>, cookie = sam) => t.json('POST', `/clients/${t.ids.sam}/network/suggestions/${id}/decision`, { cookie, body })
    expect((await decide(added.id, { decision: 'accept' }, noor)).status).toBe(403)
    const accepted = await decide(added.id, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    expect((await accepted.json()).person).toMatchObject({ name: 'Buurvrouw Els', ring: 2, provenance: 'client_accepted_worker' })
    expect((await decide(added.id, { decision: 'accept' })).status).toBe(409)

    const changed = await change.json()
    expect((await decide(changed.id, { decision: 'accept', version: oma.version + 5 })).status).toBe(409)
    // A conflict leaves the suggestion open: the client may try again on the right version.
    const ok = await decide(changed.id, { decision: 'accept', version: oma.version })
    expect(ok.status).toBe(200)
    expect((await ok.json()).person).toMatchObject({ support: ['emotional', 'advice'], provenance: 'client_accepted_worker' })

    const seen = await (await t.json('GET', comments, { cookie: sam })).json()
    expect(seen.map((c: { kind: string; status: string | null }) => [c.kind, c.status])).toEqual([
      ['comment', null],
      ['suggestion', 'accepted'],
      ['suggestion', 'accepted'],
    ])
  })

  it('a read-only share sees the map but cannot comment', async () => {
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['network'], access: 'read', endsAt: null } })
    const eva = await t.signIn('eva')
    expect((await t.json('GET', persons(), { cookie: eva })).status).toBe(200)
    expect((await t.json('POST', `/clients/${t.ids.sam}/network/comments`, { cookie: eva, body: { kind: 'comment', body: 'Mooi' } })).status).toBe(403)
  })
})

async function me(cookie: string): Promise<{ id: string }> {
  return (await t.json('GET', '/me', { cookie })).json()
}
