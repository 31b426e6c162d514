import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'

const kinds = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).suggestions.map((s) => s.kind)
const messages = (text: string, locale: 'nl' | 'en' = 'nl') => analyze(text, { locale }).suggestions.map((s) => s.message)

describe('suggestions', () => {
  it('quotes the negation the client wrote and asks what they can do', () => {
    const m = messages('ik ben nie lui')
    expect(m[0]).toBe("Je schreef 'nie'. Wat kun je wél, of wat wil je in plaats daarvan?")
  })

  it('asks for the ik-vorm with a sentence starter, not a rewrite', () => {
    const a = analyze('Mevrouw kan heel goed koken voor haar kinderen')
    const p = a.suggestions.find((s) => s.kind === 'person')
    expect(p?.message).toContain('ik-vorm')
    expect(p?.message).not.toContain('koken')
  })

  it('mentions the friendlier word as an option', () => {
    const m = messages('De cliënt is een zorgmijder').find((x) => x.includes('zorgmijder'))
    expect(m).toContain('iemand die het liever zelf regelt')
    expect(m).toContain('Jij kiest')
  })

  it('asks for a detail when the statement is very short', () => {
    expect(kinds('ik kook')).toContain('detail')
    expect(kinds('Ik kan koken voor de hele groep met weinig geld')).not.toContain('detail')
  })

  it('offers the five sentence starters when no form was found', () => {
    const m = messages('elke dag wandelen in het park met de hond').find((x) => x.includes('Ik ben'))
    expect(m).toContain("'Ik kan…'")
    expect(m).toContain("'Ik weet…'")
  })

  it('says nothing on a good statement', () => {
    expect(kinds('Ik kan goed rekenen en met geld omgaan')).toEqual([])
  })

  it('speaks the language of the statement', () => {
    expect(messages("I can't cook", 'en')[0]).toBe("You wrote 'can't'. What can you do, or what would you like instead?")
    expect(messages('The client is unmotivated', 'en').join(' ')).toContain('first person')
  })

  it('stays silent on a crisis and on empty input', () => {
    expect(kinds('ik wil dood')).toEqual([])
    expect(kinds('')).toEqual([])
  })
})
