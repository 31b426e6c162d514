import { describe, expect, it } from 'vitest'
import { sanitiseLine, sanitiseText } from './sanitise-text'
import { LineSchema, TextSchema } from './schemas'

describe('sanitiseText takes out what changes how a text reads without being seen', () => {
  it.each([
    ['right-to-left override', 'ik wil \u202Enetpots\u202C niet', 'ik wil netpots niet'],
    ['left-to-right and right-to-left embeddings', '\u202Aa\u202Bb\u202C', 'ab'],
    ['left-to-right override', '\u202Dabc', 'abc'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['directional marks', 'a\u200Eb\u200Fc\u061C', 'abc'],
    ['zero-width space', 'ik\u200Bben', 'ikben'],
    ['zero-width joiner outside any sequence', 'ik \u200D ben', 'ik  ben'],
    ['word joiner and BOM', '\uFEFFik\u2060ben', 'ikben'],
    ['soft hyphen', 'kwets\u00ADbaar', 'kwetsbaar'],
    ['control characters', 'a\u0000b\u0007c\u001Bd\u007Fe', 'abcde'],
    ['tags outside a flag', 'a\u{E0041}b', 'ab'],
    ['a lone surrogate', 'a\uD800b', 'a\uFFFDb'],
  ])('%s', (_name, input, expected) => {
    expect(sanitiseText(input)).toBe(expected)
  })

  it('keeps newlines and makes every line break a \\n', () => {
    expect(sanitiseText('een\ntwee\r\ndrie\rvier\u2028vijf')).toBe('een\ntwee\ndrie\nvier\nvijf')
  })

  it('applies NFC, also after taking out an invisible character between a letter and its accent', () => {
    expect(sanitiseText('cafe\u0301')).toBe('café')
    expect(sanitiseText('e\u200B\u0301')).toBe('é')
  })

  it.each([
    ['family', '👩\u200D👩\u200D👧'],
    ['skin tone', '👨🏽\u200D💻'],
    ['heart on fire (VS16)', '❤\uFE0F\u200D🔥'],
    ['transgender flag', '🏳\uFE0F\u200D⚧\uFE0F'],
    ['flag of England (tags)', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
    ['Persian with a non-joiner', 'می\u200Cخواهم'],
    ['Devanagari with a joiner', 'क्\u200Dष'],
    ['plain Dutch', 'Ik kan goed koken voor mijn kinderen.'],
  ])('keeps %s intact', (_name, text) => {
    expect(sanitiseText(text)).toBe(text.normalize('NFC'))
  })
})

describe('sanitiseLine', () => {
  it('turns line breaks and tabs into spaces', () => {
    expect(sanitiseLine('Noor\nde\tVries\u2029')).toBe('Noor de Vries ')
  })
})

describe('the shared schemas', () => {
  it('check lengths on the cleaned text', () => {
    const schema = TextSchema.trim().min(1).max(3)
    expect(schema.parse('\u202Eabc\u202C')).toBe('abc')
    expect(schema.safeParse('\u200B\u200B').success).toBe(false)
  })

  it('stay string schemas in the OpenAPI sense and can be chained', () => {
    expect(LineSchema.max(10).parse(' a\u200Bb ')).toBe(' ab ')
  })
})
