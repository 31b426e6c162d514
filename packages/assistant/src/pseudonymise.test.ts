import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPseudonymiser, detectPii, pseudonymise } from './pseudonymise'

function kinds(text: string, names: string[] = []): Array<[string, string]> {
  return detectPii(text, names).map((s) => [s.kind, s.value])
}

describe('detectPii', () => {
  it.each([
    ['Bel me op 06-12345678', '06-12345678'],
    ['bel 0612345678 aub', '0612345678'],
    ['mijn nummer is 06 1234 5678.', '06 1234 5678'],
    ['+31 6 12345678', '+31 6 12345678'],
    ['+31612345678', '+31612345678'],
    ['0031 (0)6 12 34 56 78', '0031 (0)6 12 34 56 78'],
    ['werk: 020-1234567', '020-1234567'],
    ['werk: 020 123 4567', '020 123 4567'],
  ])('phone in "%s"', (text, value) => {
    expect(kinds(text)).toContainEqual(['phone', value])
  })

  it('finds e-mail addresses', () => {
    expect(kinds('mail fatima.el-amrani+kracht@voorbeeld.nl maar')).toEqual([['email', 'fatima.el-amrani+kracht@voorbeeld.nl']])
  })

  it.each([
    ['Ik woon op de Kerkstraat 12', 'de Kerkstraat 12'],
    ['Hoofdweg 221-3 is mijn huis', 'Hoofdweg 221-3'],
    ['adres: Van Goghlaan 3a, Utrecht', 'Van Goghlaan 3a'],
    ['Lange Nieuwstraat 5 bis', 'Lange Nieuwstraat 5 bis'],
    ['op de Prinsengracht 263', 'de Prinsengracht 263'],
    ['Stationsplein 1', 'Stationsplein 1'],
    ['Oudegracht 10, Nieuwe Kade 4 en Singel 7', 'Oudegracht 10'],
  ])('address in "%s"', (text, value) => {
    expect(kinds(text)).toContainEqual(['address', value])
  })

  it('does not take "weg" in "ik ga weg 2 dagen" for a street', () => {
    expect(kinds('ik ga weg 2 dagen')).toEqual([])
  })

  it.each(['1234 AB', '1234AB', '1234ab'])('postcode %s', (pc) => {
    expect(kinds(`postcode ${pc} Amsterdam`)).toContainEqual(['postcode', pc])
  })

  it('does not take a year followed by a word for a postcode', () => {
    expect(kinds('in 1990 en daarna')).toEqual([])
  })

  it('BSN only when the elfproef passes', () => {
    expect(kinds('bsn 111222333')).toEqual([['bsn', '111222333']])
    expect(kinds('bsn 123456782')).toEqual([['bsn', '123456782']])
    expect(kinds('bsn 1234.56.782')).toEqual([['bsn', '1234.56.782']])
    expect(kinds('nummer 123456789')).toEqual([])
    expect(kinds('000000000')).toEqual([])
  })

  it.each([
    ['geboren 12-03-1990', '12-03-1990'],
    ['op 1/2/85', '1/2/85'],
    ['1990-03-12', '1990-03-12'],
    ['ik ben geboren op 12 maart 1990', '12 maart 1990'],
    ['born on 12th of March 1990', '12th of March 1990'],
    ['born March 12, 1990', 'March 12, 1990'],
  ])('date in "%s"', (text, value) => {
    expect(kinds(text)).toContainEqual(['date', value])
  })

  it('names: known names, in any case', () => {
    expect(kinds('fatima en Sam helpen me', ['Fatima', 'Sam'])).toEqual([
      ['name', 'fatima'],
      ['name', 'Sam'],
    ])
  })

  it('names: a known name is not found inside another word', () => {
    expect(kinds('Samen koken', ['Sam'])).toEqual([])
  })

  it.each([
    ['mijn broer Ali helpt me', 'Ali'],
    ["m'n beste vriendin Sara El Idrissi", 'Sara El Idrissi'],
    ['Mijn zus, Fatima, belt vaak', 'Fatima'],
    ['mijn oudere broer Jan van der Berg', 'Jan van der Berg'],
    ['Ik heet Noor', 'Noor'],
    ['mijn naam is Özlem', 'Özlem'],
    ['my friend Tom is great', 'Tom'],
    ['My name is Anna', 'Anna'],
    ["I'm called Jo", 'Jo'],
  ])('names in context: "%s"', (text, value) => {
    expect(kinds(text)).toContainEqual(['name', value])
  })

  it('no name after a relation word in small letters', () => {
    expect(kinds('mijn broer helpt me')).toEqual([])
  })
})

describe('pseudonymise', () => {
  it('replaces everything with numbered placeholders and restores it', () => {
    const text =
      'Ik heet Noor, mijn zus Fatima woont op de Kerkstraat 12, 1234 AB. Bel 06-12345678 of mail noor@voorbeeld.nl. BSN 111222333, geboren 12-03-1990. Fatima helpt.'
    const p = pseudonymise(text)
    expect(p.text).toBe(
      'Ik heet [NAAM_1], mijn zus [NAAM_2] woont op [ADRES_1], [POSTCODE_1]. Bel [TELEFOON_1] of mail [EMAIL_1]. BSN [BSN_1], geboren [DATUM_1]. Fatima helpt.',
    )
    expect(p.restore(p.text)).toBe(text)
  })

  it('uses the same placeholder for the same value across texts', () => {
    const p = createPseudonymiser(['Fatima'])
    expect(p.mask('Fatima helpt')).toBe('[NAAM_1] helpt')
    expect(p.mask('ik bel Fatima')).toBe('ik bel [NAAM_1]')
  })

  it('restores placeholders a model wrote without brackets or in small letters', () => {
    const p = pseudonymise('mijn broer Ali', [])
    expect(p.restore('Ik heb NAAM_1 en [naam_1]')).toBe('Ik heb Ali en Ali')
  })

  it('reports placeholders it never handed out', () => {
    const p = createPseudonymiser(['Ali'])
    p.mask('Ali')
    expect(p.unknownPlaceholders('Ik heb [NAAM_1] en [NAAM_2] en [TELEFOON_1]')).toEqual(['NAAM_2', 'TELEFOON_1'])
  })

  it('masks text that already looks like a placeholder, so it cannot be confused', () => {
    const text = 'ik schreef [NAAM_1] en Ali'
    const p = createPseudonymiser(['Ali'])
    const masked = p.mask(text)
    expect(masked).toBe('ik schreef [NAAM_1] en [NAAM_2]')
    expect(p.restore(masked)).toBe(text)
  })

  it('round-trips any text (property)', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'mijn zus Fatima',
        ' 06-12345678 ',
        'a@b.nl',
        'Kerkstraat 12',
        '1234 AB',
        '111222333',
        '12-03-1990',
        '[NAAM_1]',
        'NAAM_2',
        'Ik heet Noor',
        ' ',
        '\n',
      ),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(fc.constantFrom('Fatima', 'Noor', 'Sam', 'a'), { maxLength: 3 }), (pieces, names) => {
        const text = pieces.join('')
        const p = createPseudonymiser(names)
        expect(p.restore(p.mask(text))).toBe(text)
      }),
      { numRuns: 500 },
    )
  })
})
