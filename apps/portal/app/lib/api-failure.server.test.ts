import { describe, expect, it } from 'vitest'
import { failureStatus, okOrThrow, throwApiFailure } from './api-failure.server'

const answer = (status: number) => ({ ok: status >= 200 && status < 300, status })

describe('a failed API answer in a loader', () => {
  it('becomes the error page with a status the reader can act on', () => {
    expect(failureStatus(404)).toBe(404)
    expect(failureStatus(403)).toBe(403)
    expect(failureStatus(400)).toBe(404)
    expect(failureStatus(500)).toBe(503)
    expect(failureStatus(502)).toBe(503)
  })

  it('is thrown as a Response without the API body, so the page never shows raw JSON', async () => {
    let thrown: unknown
    try {
      throwApiFailure(answer(500))
    } catch (error) {
      thrown = error
    }
    if (!(thrown instanceof Response)) throw new Error('expected a Response')
    expect(thrown.status).toBe(503)
    expect(await thrown.text()).toBe('')
  })

  it('lets a good answer through unchanged and stops a failed one', () => {
    const good = answer(200)
    expect(okOrThrow(good)).toBe(good)
    expect(() => okOrThrow(answer(503))).toThrow(Response)
  })
})
