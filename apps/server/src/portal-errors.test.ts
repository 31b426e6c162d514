import { DrizzleQueryError } from 'drizzle-orm'
import type { AppLoadContext } from '@remix-run/node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { logPortalError } from './portal-errors'

const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
afterEach(() => logged.mockClear())

const args = (path: string, init: RequestInit = {}) => ({ request: new Request(`http://localhost${path}`, init), params: {}, context: {} as AppLoadContext })
/** What Remix hands over for an address no route matches (ErrorResponseImpl with the router's own error). */
const notFound = { status: 404, statusText: 'Not Found', internal: true, data: 'Error: No route matches URL "/bestaat-niet"', error: new Error('No route matches URL "/bestaat-niet"') }

describe('what the server log keeps of a failed portal page', () => {
  it('an address that does not exist, or a closed tab, is no fault: nothing is logged', () => {
    logPortalError(notFound, args('/bestaat-niet'))
    const closed = new AbortController()
    closed.abort()
    logPortalError(new Error('aborted'), args('/inventaris', { signal: closed.signal }))
    expect(logged).not.toHaveBeenCalled()
  })

  it('a real fault is logged with the path\'s ids left out and without what a person typed', () => {
    const failed = new DrizzleQueryError('update "statements" set "text" = $1 where "id" = $2', ['Ik wil niet meer wakker worden', 'x'], new Error('deadlock detected'))
    logPortalError(failed, args('/inventaris/zin/0d1b9889-879b-4fe4-900c-568d5533202c'))
    const line = String(logged.mock.calls[0]?.[0])
    expect(line).toContain('[portal] unexpected error on GET /inventaris/zin/:id: DrizzleQueryError: Failed query: update "statements"')
    expect(line).not.toMatch(/wakker|0d1b9889/)
  })

  it('a failure inside a route (an error response with its own error) logs that error', () => {
    logPortalError({ status: 500, internal: true, error: new RangeError('Invalid time value') }, args('/plan'))
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/^\[portal\] unexpected error on GET \/plan: RangeError: Invalid time value/)
  })
})
