import { DrizzleQueryError } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, type TestApi } from '../testing'
import { errorForLog } from './error-log'

// Nothing a person typed may reach the server log (README, "Security and privacy"). A failed query is
// where it would: Drizzle's message quotes the query's values, PostgreSQL's detail quotes keys.

describe('an unexpected error as the log keeps it', () => {
  it('a failed query keeps its SQL, SQLSTATE and names, never its values or the database\'s own words', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "Spoorstraat 12"'), { code: '22P02', table_name: 'network_people', constraint_name: 'network_people_ring_check' })
    const error = new DrizzleQueryError('insert into "network_people" ("name", "note") values ($1, $2)', ['Oma Rie', 'Spoorstraat 12, bel na 8 uur'], cause)
    const line = errorForLog(error)
    expect(line).toContain('Failed query: insert into "network_people" ("name", "note") values ($1, $2)')
    expect(line).toContain('sqlstate=22P02 table=network_people constraint=network_people_ring_check')
    expect(line).toMatch(/\n\s+at /)
    expect(line).not.toMatch(/Oma Rie|Spoorstraat|bel na/)
  })

  it('other errors keep name, message and frames; something thrown that is not an Error says only what it was', () => {
    expect(errorForLog(new TypeError('x is not a function'))).toMatch(/^TypeError: x is not a function\n\s+at /)
    expect(errorForLog('Ik wil niet meer')).toBe('a thrown string, not an Error')
  })
})

describe('through the API: a query that fails in a route', () => {
  let t: TestApi
  let sam: string
  beforeAll(async () => {
    t = await createTestApi()
    sam = await t.signIn('sam')
  })
  afterAll(() => t.close())

  it('answers 500 internal_error, and the log line names the route and the SQL but not the words', async () => {
    // A fault the code cannot cause by itself: the column the insert writes is gone.
    await t.handle.asOwner('alter table network_people rename column note to note_gone')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const response = await t.json('POST', `/clients/${t.ids.sam}/network/persons`, {
        cookie: sam,
        body: { name: 'Tante Ans', area: 'family', ring: 1, support: ['emotional'], note: 'Woont Spoorstraat 12, weet van mijn schulden' },
      })
      expect(response.status).toBe(500)
      expect((await response.json()).code).toBe('internal_error')
      const lines = logged.mock.calls.map((call) => call.map(String).join(' '))
      expect(lines.some((line) => line.includes('[api] unexpected error on POST') && line.includes('Failed query: insert into "network_people"'))).toBe(true)
      expect(lines.join('\n')).not.toMatch(/Tante Ans|Spoorstraat|schulden/)
    } finally {
      logged.mockRestore()
      await t.handle.asOwner('alter table network_people rename column note_gone to note')
    }
  })
})
