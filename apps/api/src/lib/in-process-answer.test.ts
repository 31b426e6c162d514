import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../testing'
import type { InternalCall } from './env'
import { inProcessAnswer } from './in-process-answer'

/**
 * The portal's in-process calls read a JSON answer from the text it was made from (issue 19): the
 * same status, headers and value as over HTTP, read once as a body is, and every other answer as
 * it was.
 */
let t: TestApi
let sam: string
let noor: string
beforeAll(async () => {
  t = await createTestApi()
  sam = await t.signIn('sam')
  noor = await t.signIn('noor')
})
afterAll(() => t.close())

const internalCall = (): InternalCall => ({ clientIp: '127.0.0.1' })
const call = async (path: string, cookie: string, internal?: InternalCall, init: RequestInit = {}) => {
  const response = await t.api.fetch(new Request(`http://kracht.internal/${path.replace(/^\//, '')}`, { ...init, headers: { cookie, ...init.headers } }), internal ? { internal } : undefined)
  return internal ? inProcessAnswer(response) : response
}
/** The value without the moment the quality was checked (each read checks anew). */
const withoutTimes = (value: unknown) => JSON.parse(JSON.stringify(value), (key, field: unknown) => (key === 'checkedAt' ? undefined : field)) as unknown
const headersOf = (response: Response) => [...response.headers.entries()].filter(([name]) => name !== 'date')

describe('in-process JSON answers', () => {
  it('give the same status, headers and value as a direct call', async () => {
    const paths: [string, string][] = [
      ['/health', sam],
      ['/me', sam],
      [`/clients/${t.ids.sam}/inventory`, sam],
      [`/clients/${t.ids.sam}/inventory/overview`, noor],
      [`/clients/${t.ids.sam}/inventory`, ''],
      ['/clients/not-a-uuid/inventory', sam],
      ['/no-such-route', sam],
    ]
    for (const [path, cookie] of paths) {
      const direct = await call(path, cookie)
      const inProcess = await call(path, cookie, internalCall())
      expect(inProcess.status, path).toBe(direct.status)
      expect(headersOf(inProcess), path).toEqual(headersOf(direct))
      expect(withoutTimes(await inProcess.json()), path).toEqual(withoutTimes(await direct.json()))
    }
  })

  it('is read once, as text or as JSON, and its body stream is still there for whoever reads that', async () => {
    const asText = await call('/me', sam, internalCall())
    const text = await asText.text()
    expect(JSON.parse(text)).toMatchObject({ username: 'sam' })
    await expect(asText.json()).rejects.toThrow(TypeError)
    const asJson = await call('/me', sam, internalCall())
    expect(await asJson.json()).toEqual(JSON.parse(text))
    await expect(asJson.text()).rejects.toThrow(TypeError)
    const asStream = await call('/me', sam, internalCall())
    expect(JSON.parse(await new Response(asStream.body).text())).toEqual(JSON.parse(text))
  })

  it('leaves answers that are not c.json as they are (and direct calls)', async () => {
    const direct = await call('/me', sam)
    expect(Object.hasOwn(direct, 'json')).toBe(false)
    const html = await call('/docs', sam, internalCall())
    expect(Object.hasOwn(html, 'text')).toBe(false)
    expect(await html.text()).toContain('<')
  })
})
