import { describe, expect, it } from 'vitest'
import { lexicon } from './lexicon'
import { BREAK_COMMA, BREAK_NONE, BREAK_SENTENCE, oneSlipApart, tokenize } from './tokenize'

const nl = (text: string) => tokenize(text, lexicon('nl').normaliser)
const en = (text: string) => tokenize(text, lexicon('en').normaliser)
const norms = (text: string, f = nl) => f(text).map((t) => t.norm)

describe('tokenize', () => {
  it('lower-cases and strips accents but keeps the original spans', () => {
    const text = 'De CLIËNT is één keer geweest'
    const toks = nl(text)
    expect(toks.map((t) => t.norm)).toEqual(['de', 'client', 'is', 'een', 'keer', 'geweest'])
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.raw)
    expect(toks[1]?.raw).toBe('CLIËNT')
  })

  it('handles decomposed accents (NFD input)', () => {
    expect(norms('cliE\u0308nt')).toEqual(['client'])
  })

  it('resolves chat spelling: k, kben, m’n, ff, nie, kannie', () => {
    expect(norms('k ben ff moe')).toEqual(['ik', 'ben', 'even', 'moe'])
    expect(norms('kben blij met m’n kids')).toEqual(['ik', 'ben', 'blij', 'met', 'mijn', 'kinderen'])
    expect(norms("k'heb het nie gedaan")).toEqual(['ik', 'heb', 'het', 'niet', 'gedaan'])
    expect(norms('ik kannie slapen')).toEqual(['ik', 'kan', 'niet', 'slapen'])
    expect(norms('kanik dat')).toEqual(['kan', 'ik', 'dat'])
  })

  it('keeps one span for all words made from one written word', () => {
    const [a, b] = nl('kben')
    expect(a?.start).toBe(0)
    expect(b?.end).toBe(4)
    expect(a?.src).toBe(b?.src)
  })

  it('shortens elongations to a known word', () => {
    expect(norms('heeeel leuuuuk')).toEqual(['heel', 'leuk'])
    expect(norms('niiiiet')).toEqual(['niet'])
    expect(norms('ikkk')).toEqual(['ik'])
  })

  it('drops emoji and treats them as a pause', () => {
    const toks = nl('ik kan koken 😊 ik wil bakken')
    expect(toks.map((t) => t.norm)).toEqual(['ik', 'kan', 'koken', 'ik', 'wil', 'bakken'])
    expect(toks[3]?.brk).toBe(BREAK_COMMA)
  })

  it('reads a dot without spaces and an ellipsis as a pause, a full stop as an end', () => {
    expect(nl('ik.wil.dood').map((t) => t.brk)).toEqual([BREAK_NONE, BREAK_COMMA, BREAK_COMMA])
    expect(nl('ik wil... dood')[2]?.brk).toBe(BREAK_COMMA)
    expect(nl('ik kook. jij wast')[2]?.brk).toBe(BREAK_SENTENCE)
    expect(nl('ik kook!jij wast')[2]?.brk).toBe(BREAK_SENTENCE)
  })

  it('marks commas and sentence ends', () => {
    const toks = nl('ik kook, jij wast af. Klaar')
    expect(toks.map((t) => t.brk)).toEqual([BREAK_NONE, BREAK_NONE, BREAK_COMMA, BREAK_NONE, BREAK_NONE, BREAK_SENTENCE])
  })

  it('joins hyphenated words', () => {
    expect(norms('mijn ex-partner en het blijf-van-mijn-lijfhuis')).toEqual(['mijn', 'expartner', 'en', 'het', 'blijfvanmijnlijfhuis'])
  })

  it('reads letter-digit spellings of words it knows, and leaves numbers alone', () => {
    expect(norms('su1c1de', en)).toEqual(['suicide'])
    expect(norms('ik ben 25 en heb een ps5')).toEqual(['ik', 'ben', '25', 'en', 'heb', 'een', 'ps5'])
  })

  it('writes English contractions out and keeps their span', () => {
    const toks = en("I can't and I'm fine")
    expect(toks.map((t) => t.norm)).toEqual(['i', 'can', 'not', 'and', 'i', 'am', 'fine'])
    expect(toks[2]?.raw).toBe("can't")
  })

  it('does not include an opening quote in the span', () => {
    const text = "je schreef 'niet' zei ze"
    const t = nl(text).find((x) => x.norm === 'niet')
    expect(t && text.slice(t.start, t.end)).toBe('niet')
  })

  it('forgives one typing slip in important words, not in words it knows', () => {
    expect(norms('zlefmoord')).toEqual(['zelfmoord'])
    expect(norms('niemnad')).toEqual(['niemand'])
    expect(norms('suicdie', en)).toEqual(['suicide'])
    expect(norms('opvangen')).toEqual(['opvangen'])
  })

  it('returns nothing for text without words', () => {
    expect(nl('')).toEqual([])
    expect(nl('!!! 😊 ... ???')).toEqual([])
  })
})

describe('oneSlipApart', () => {
  it.each([
    ['zelfmoort', 'zelfmoord', true],
    ['zelmoord', 'zelfmoord', true],
    ['zelffmoord', 'zelfmoord', true],
    ['zlefmoord', 'zelfmoord', true],
    ['zelfmoord', 'zelfmoord', false],
    ['zlfmoort', 'zelfmoord', false],
    ['moord', 'zelfmoord', false],
  ])('%s ~ %s: %s', (a, b, expected) => expect(oneSlipApart(a, b)).toBe(expected))
})
