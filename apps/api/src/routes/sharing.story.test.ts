import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, demoPassword, type TestApi } from '../testing'

let t: TestApi
let sam: string
let noor: string
let base: string
let partnerId: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
  base = `/clients/${t.ids.sam}`
  const added = await (await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik spreek mijn ex alleen op het station' } })).json()
  partnerId = added.statement.id
})
afterAll(() => t.close())

type Statement = { id: string; domain: string; text: string; version: number; provenance: string }

describe('sharing, review and agreement: the main story', () => {
  let workStatement: Statement
  let suggestionId: string

  it('the caseload lists sam, with nothing shared yet', async () => {
    const caseload = await (await t.json('GET', '/caseload', { cookie: noor })).json()
    expect(caseload).toEqual([expect.objectContaining({ displayName: 'Sam', linked: true, shared: [], inventory: null })])
    expect((await t.json('GET', '/caseload', { cookie: sam })).status).toBe(403)
  })

  it('after sam shares, noor sees what changed and that a review waits', async () => {
    await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null } })
    const [row] = await (await t.json('GET', '/caseload', { cookie: noor })).json()
    expect(row.shared[0]).toMatchObject({ scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment' })
    expect(row.inventory).toMatchObject({ lastLookedAt: null, reviewWaiting: true })
    expect(row.inventory.changedSinceLastLook).toBe(row.inventory.statementCount)
    const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: noor })).json()
    workStatement = inventory.statements.find((s: Statement) => s.domain === 'work')
    const [after] = await (await t.json('GET', '/caseload', { cookie: noor })).json()
    expect(after.inventory.changedSinceLastLook).toBe(0)
    expect((await t.json('POST', `${base}/inventory/reviews`, { cookie: noor })).status).toBe(201)
    const [reviewed] = await (await t.json('GET', '/caseload', { cookie: noor })).json()
    expect(reviewed.inventory.reviewWaiting).toBe(false)
  })

  it('noor comments and proposes a rewording, never changing the text; not on a left-out domain', async () => {
    const comment = await t.json('POST', `${base}/statements/${workStatement.id}/comments`, { cookie: noor, body: { kind: 'comment', body: 'Mooi, vertel eens meer!' } })
    expect(comment.status).toBe(201)
    const suggestion = await t.json('POST', `${base}/statements/${workStatement.id}/comments`, { cookie: noor, body: { kind: 'suggestion', body: 'Specifieker?', suggestedText: 'Ik kan elke dinsdag goed plannen bij de fietsenmaker' } })
    expect(suggestion.status).toBe(201)
    suggestionId = (await suggestion.json()).id
    expect((await t.json('POST', `${base}/statements/${partnerId}/comments`, { cookie: noor, body: { kind: 'comment', body: 'x' } })).status).toBe(403)
    expect((await t.json('PATCH', `${base}/statements/${workStatement.id}`, { cookie: noor, body: { version: workStatement.version, text: 'Anders' } })).status).toBe(403)
    const open = await (await t.json('GET', `${base}/comments?open=true`, { cookie: sam })).json()
    expect(open).toHaveLength(1)
    expect(open[0]).toMatchObject({ authorName: 'Noor Haddou', kind: 'suggestion', status: 'open' })
  })

  it('sam accepts: the words become sam\'s, provenance kept; a second decision is refused', async () => {
    expect((await t.json('POST', `${base}/suggestions/${suggestionId}/decision`, { cookie: noor, body: { decision: 'accept', version: workStatement.version } })).status).toBe(403)
    const response = await t.json('POST', `${base}/suggestions/${suggestionId}/decision`, { cookie: sam, body: { decision: 'accept', version: workStatement.version } })
    expect(response.status).toBe(200)
    const { statement, suggestion } = await response.json()
    expect(statement).toMatchObject({ text: 'Ik kan elke dinsdag goed plannen bij de fietsenmaker', provenance: 'client_accepted_worker' })
    expect(suggestion.status).toBe('accepted')
    const again = await t.json('POST', `${base}/suggestions/${suggestionId}/decision`, { cookie: sam, body: { decision: 'decline', version: statement.version } })
    expect((await again.json()).code).toBe('suggestion_decided')
  })

  it('both sign; a change shows as changed since signed, and quality counts the agreement', async () => {
    const forSam = await (await t.json('GET', `${base}/agreement`, { cookie: sam })).json()
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: sam, body: { contentHash: forSam.contentHash } })).status).toBe(201)
    const forNoor = await (await t.json('GET', `${base}/agreement`, { cookie: noor })).json()
    expect(forNoor.contentHash).not.toBe(forSam.contentHash)
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: noor, body: { contentHash: forNoor.contentHash } })).status).toBe(201)
    const signed = await (await t.json('GET', `${base}/agreement`, { cookie: sam })).json()
    expect(signed.signatures.map((s: { signerRole: string; current: boolean }) => [s.signerRole, s.current]).sort()).toEqual([['client', true], ['worker', true]])
    const quality = (await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()).quality
    expect(quality.items.find((item: { id: string }) => item.id === 'agreement')?.status).toBe('done')

    // A change in the left-out domain is not noor's: only sam's signature asks to be renewed.
    await t.json('PATCH', `${base}/statements/${partnerId}`, { cookie: sam, body: { version: 1, text: 'Ik spreek mijn ex op het station, met mijn zus erbij' } })
    const changed = await (await t.json('GET', `${base}/agreement`, { cookie: sam })).json()
    expect(Object.fromEntries(changed.signatures.map((s: { signerRole: string; current: boolean }) => [s.signerRole, s.current]))).toEqual({ client: false, worker: true })
    // A stale hash is refused: you sign what you saw.
    expect((await t.json('POST', `${base}/agreement/signatures`, { cookie: sam, body: { contentHash: forSam.contentHash } })).status).toBe(409)
  })

  it('an API token reads what was shared, read-only, logged as a token', async () => {
    const created = await t.json('POST', '/me/api-tokens', { cookie: noor, body: { name: 'ECD', scopes: ['inventory'], expiresAt: new Date(t.deps.now().getTime() + 86_400_000).toISOString(), password: demoPassword } })
    expect(created.status).toBe(201)
    const { token, id } = await created.json()
    const bearer = { authorization: `Bearer ${token}` }
    const inventory = await t.json('GET', `${base}/inventory`, { headers: bearer })
    expect(inventory.status).toBe(200)
    expect(JSON.stringify(await inventory.json())).not.toContain('partner')
    expect((await t.json('POST', `${base}/statements/${workStatement.id}/comments`, { headers: bearer, body: { kind: 'comment', body: 'x' } })).status).toBe(403)
    expect((await t.json('GET', '/me/api-tokens', { headers: bearer })).status).toBe(403)
    const listed = await (await t.json('GET', '/me/api-tokens', { cookie: noor })).json()
    expect(JSON.stringify(listed)).not.toContain(token)
    const log = await (await t.json('GET', `${base}/access-log`, { cookie: sam })).json()
    expect(log[0]).toMatchObject({ actorName: 'Noor Haddou', via: 'token', resource: 'inventory', outcome: 'allowed' })
    expect((await t.json('DELETE', `/me/api-tokens/${id}`, { cookie: noor })).status).toBe(200)
    const revoked = await t.json('GET', `${base}/inventory`, { headers: bearer })
    expect(revoked.status).toBe(401)
    expect((await revoked.json()).code).toBe('token_invalid')
  })
})
