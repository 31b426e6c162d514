import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import { formatAnalysis, parseArgs } from './cli'

describe('cli', () => {
  it('parses locale, json and the text', () => {
    expect(parseArgs(['ik', 'ben', 'niet', 'lui'])).toEqual({ text: 'ik ben niet lui', locale: 'nl', json: false, help: false })
    expect(parseArgs(['--en', "I can't"])).toMatchObject({ text: "I can't", locale: 'en' })
    expect(parseArgs(['--locale', 'en', '--json', 'hi'])).toMatchObject({ text: 'hi', locale: 'en', json: true })
    expect(parseArgs(['--locale=en', 'x'])).toMatchObject({ locale: 'en' })
  })

  it('prints a readable analysis in Dutch labels', () => {
    const text = 'ik ben niet lui'
    const out = formatAnalysis(text, analyze(text))
    expect(out).toContain('Persoon:    ik-vorm')
    expect(out).toContain("'niet'")
    expect(out).toContain('ik ben [niet] lui')
    expect(out).toContain('Vorm:       Ik ben…')
    expect(out).toContain('Suggesties:')
  })

  it('shows the crisis line', () => {
    const text = 'ik wil dood'
    expect(formatAnalysis(text, analyze(text))).toContain('Crisis:     JA, zelfdoding')
  })
})
