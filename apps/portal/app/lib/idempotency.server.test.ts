import { describe, expect, it } from 'vitest'
import { formKeyOf, keyedWrite } from './idempotency.server'

const form = (key: string | null) => {
  const data = new FormData()
  if (key !== null) data.set('idempotencyKey', key)
  return data
}
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('keyedWrite', () => {
  it('reads only a usable key from the form', () => {
    expect(formKeyOf(form('0b7c8a52-1d7e-4c38-9d1c-1a2b3c4d5e6f.comment'))).toBe('0b7c8a52-1d7e-4c38-9d1c-1a2b3c4d5e6f.comment')
    expect(formKeyOf(form(null))).toBeNull()
    expect(formKeyOf(form('with space'))).toBeNull()
    expect(formKeyOf(form('x'.repeat(201)))).toBeNull()
  })

  it('sends the key as the header, and no header without one', async () => {
    const sent: Record<string, string>[] = []
    await keyedWrite(form('k1'), async ({ headers }) => (sent.push(headers), answer(201, {})))
    await keyedWrite(form(null), async ({ headers }) => (sent.push(headers), answer(201, {})))
    expect(sent).toEqual([{ 'Idempotency-Key': 'k1' }, {}])
  })

  it('waits while the first request with the key still runs, then gives its answer', async () => {
    const answers = [answer(409, { code: 'idempotency_in_progress' }), answer(409, { code: 'idempotency_in_progress' }), answer(201, { id: 'a' })]
    let calls = 0
    const response = await keyedWrite(form('k2'), async () => answers[calls++]!)
    expect(calls).toBe(3)
    expect(response.status).toBe(201)
  })

  it('sends a request the key was not made for again without the key; other problems pass through', async () => {
    const sent: Record<string, string>[] = []
    const reused = await keyedWrite(form('k3'), async ({ headers }) => {
      sent.push(headers)
      return sent.length === 1 ? answer(422, { code: 'idempotency_key_reused' }) : answer(201, {})
    })
    expect(reused.status).toBe(201)
    expect(sent).toEqual([{ 'Idempotency-Key': 'k3' }, {}])
    const conflict = await keyedWrite(form('k4'), async () => answer(409, { code: 'version_conflict' }))
    expect(conflict.status).toBe(409)
  })
})
