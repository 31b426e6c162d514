import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path'

// Attack tests: each payload once sent a signed-in person to another site after sign-in.
describe('safeReturnPath refuses every way out of the site', () => {
  it.each([
    ['a tab after the first slash', '/\t/evil.example'],
    ['a newline after the first slash', '/\n/evil.example'],
    ['a backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['encoded slashes', '/%2F%2Fevil.example'],
    ['encoded slashes, lower case', '/%2f%2fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/inloggen'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a relative path', 'evil.example'],
    ['a space before the slash', ' //evil.example'],
    ['a zero-width space after the slash', '/\u200B/evil.example'],
    ['empty', ''],
  ])('%s: %j', (_name, payload) => {
    expect(safeReturnPath(payload)).toBe('/')
  })

  it('refuses what is not a string', () => {
    expect(safeReturnPath(null)).toBe('/')
    expect(safeReturnPath(undefined)).toBe('/')
    expect(safeReturnPath(['/inventaris'])).toBe('/')
  })

  it('uses the fallback it is given', () => {
    expect(safeReturnPath('//evil.example', '/inloggen')).toBe('/inloggen')
  })
})

describe('safeReturnPath keeps paths of this site', () => {
  it.each(['/', '/inventaris', '/inventaris/leefgebied/wonen?opgeslagen=1#zin-3', '/delen?gedeeld=Noor%20de%20Vries', '/clienten/7d7e1f1e-0000-4000-8000-000000000000'])(
    '%j',
    (path) => {
      expect(safeReturnPath(path)).toBe(path)
    },
  )
})
