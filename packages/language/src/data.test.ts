// The word lists are edited by people: these checks make a slip fail loudly.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { domainIds, locales, strengthForms } from './types'
import { lexicon } from './lexicon'
import { entriesOf } from './domains'

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data')
const read = (locale: string, file: string): unknown => JSON.parse(readFileSync(join(dataDir, locale, file), 'utf8'))

describe('data files', () => {
  it('have the same files for every locale', () => {
    const nl = readdirSync(join(dataDir, 'nl')).sort()
    for (const l of locales) expect(readdirSync(join(dataDir, l)).sort()).toEqual(nl)
  })

  it.each(locales)('%s: compile without errors', (locale) => {
    expect(() => lexicon(locale)).not.toThrow()
  })

  it.each(locales)('%s: domains use the ten domain ids and positive weights', (locale) => {
    const d = read(locale, 'domains.json') as Record<string, unknown>
    for (const key of Object.keys(d)) {
      if (key.startsWith('$') || key === '_stop') continue
      expect(domainIds as readonly string[]).toContain(key)
      for (const [weight, lines] of Object.entries(d[key] as Record<string, string[]>)) {
        expect(Number(weight), `${locale} ${key} ${weight}`).toBeGreaterThan(0)
        expect(Number(weight)).toBeLessThanOrEqual(6)
        for (const word of entriesOf(lines)) expect(word, `${locale} ${key}`).toBe(word.toLowerCase())
      }
    }
    for (const id of domainIds) {
      const n = Object.values(d[id] as Record<string, string[]>).reduce((sum, lines) => sum + entriesOf(lines).length, 0)
      expect(n, `${locale} ${id}`).toBeGreaterThan(60)
    }
  })

  it.each(locales)('%s: forms name only the five forms', (locale) => {
    const f = read(locale, 'forms.json') as { verbs: Record<string, string[]>; refine: { form: string | null }[] }
    for (const k of Object.keys(f.verbs)) expect(strengthForms as readonly string[]).toContain(k)
    for (const r of f.refine) expect(r.form === null || (strengthForms as readonly string[]).includes(r.form)).toBe(true)
  })

  it.each(locales)('%s: crisis lists are not empty and written in lower case', (locale) => {
    const c = read(locale, 'crisis.json') as Record<string, string[]>
    for (const k of ['suicide', 'self_harm', 'violence', 'idioms']) {
      expect(c[k]?.length).toBeGreaterThan(5)
      for (const p of c[k] ?? []) expect(p).toBe(p.toLowerCase())
    }
  })

  it.each(locales)('%s: suggestions have every text', (locale) => {
    const s = read(locale, 'suggestions.json') as Record<string, string>
    for (const k of ['negation', 'negationMore', 'personOther', 'personNone', 'deficitWithAlternative', 'deficitWithout', 'labelWithAlternative', 'labelWithout', 'detail', 'form']) {
      expect(typeof s[k]).toBe('string')
    }
  })
})
