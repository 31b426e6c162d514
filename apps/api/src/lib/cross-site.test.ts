import { describe, expect, it } from 'vitest'
import { isCrossSiteRequest } from './cross-site'

const publicOrigin = 'https://kracht.example.nl'
const check = (method: string, headers: Record<string, string>) =>
  isCrossSiteRequest({ method, header: (name) => headers[name], publicOrigin })

// The rule as a table; the requests themselves are tried in test/security/cross-site.test.ts.
describe('isCrossSiteRequest', () => {
  it.each([
    ['a read from another site', 'GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, false],
    ['a post from our own page', 'POST', { 'sec-fetch-site': 'same-origin', origin: publicOrigin }, false],
    ['a post from a typed address or bookmark', 'POST', { 'sec-fetch-site': 'none' }, false],
    ['a post from another site', 'POST', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, true],
    ['a post from a sibling subdomain', 'POST', { 'sec-fetch-site': 'same-site', origin: 'https://blog.example.nl' }, true],
    ['a delete from another site, no body', 'DELETE', { 'sec-fetch-site': 'cross-site' }, true],
    ['an old browser, Origin ours', 'PATCH', { origin: publicOrigin }, false],
    ['an old browser, Origin the host it was sent to', 'PUT', { origin: 'http://localhost:4123', host: 'localhost:4123' }, false],
    ['an old browser, Origin elsewhere', 'PUT', { origin: 'https://evil.example', host: 'kracht.example.nl' }, true],
    ['Origin: null', 'POST', { origin: 'null', host: 'kracht.example.nl' }, true],
    ['Origin: null with Sec-Fetch-Site cross-site', 'POST', { origin: 'null', 'sec-fetch-site': 'cross-site' }, true],
    ['an Origin that is not a URL', 'POST', { origin: 'nonsense', host: 'kracht.example.nl' }, true],
    ['no browser headers at all (a program)', 'POST', {}, false],
  ])('%s', (_name, method, headers, refused) => {
    expect(check(method, headers)).toBe(refused)
  })
})
