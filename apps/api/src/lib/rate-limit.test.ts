import { describe, expect, it } from 'vitest'
import { rateLimitGroupOf } from './rate-limit'

// Which requests count against which limit; the limit itself is tried in test/security/limits.test.ts.
describe('rateLimitGroupOf', () => {
  const client = '/api/v1/clients/7d7e1f1e-0000-4000-8000-000000000000'
  it.each([
    ['GET', `${client}/inventory`, null],
    ['POST', `${client}/statements`, 'writes'],
    ['PATCH', `${client}/statements/1`, 'writes'],
    ['DELETE', `${client}/statements/1`, 'writes'],
    ['PUT', `${client}/priorities`, 'writes'],
    ['POST', `${client}/consents`, 'writes'],
    ['POST', `${client}/statements/1/comments`, 'writes'],
    ['POST', `${client}/conversations`, 'assistant'],
    ['POST', `${client}/conversations/abc/answers`, 'assistant'],
    ['POST', `${client}/conversations/abc/proposals/p1/accept`, 'writes'],
    ['POST', `${client}/conversations/abc/safety`, null],
    ['POST', `${client}/safety-events`, null],
    ['POST', '/api/v1/auth/login', null],
    ['POST', '/api/v1/auth/logout', null],
    ['POST', '/api/v1/invitations/accept', null],
    ['POST', '/api/v1/analyze', null],
    // Without the /api/v1 prefix, as tests call the API in-process.
    ['POST', '/clients/x/statements', 'writes'],
    ['POST', '/clients/x/conversations', 'assistant'],
  ])('%s %s', (method, path, group) => {
    expect(rateLimitGroupOf(method, path)).toBe(group)
  })
})
