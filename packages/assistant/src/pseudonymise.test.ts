import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPseudonymiser, detectPii, placeholderCounts, pseudonymise } from './pseudonymise'

function kinds(text: string, names: string[] = []): Array<[string, string]> {
  return detectPii(text, names).map((s) => [s.kind, s.value])
}

/** The text as the model would get it. */
const masked = (text: string, options: Parameters<typeof createPseudonymiser>[0] = []) => createPseudonymiser(options).mask(text)

describe('detectPii: what the stand-in model server received as typed before issue 14', () => {
  it.each([
    ['mijn broer ahmed komt vanavond', 'ahmed'],
    ['fatima el amrani is mijn buurvrouw', 'fatima el amrani'],
    ['ik had een gesprek met dr. Jansen', 'Jansen'],
    ['mevrouw jansen helpt me', 'jansen'],
    ['meneer De Groot belt', 'De Groot'],
    ['my brother john helps', 'john'],
    ['mn dochter maryam is 4', 'maryam'],
    ['Rocco helpt mij met klussen', 'Rocco'],
  ])('names: "%s"', (text, name) => {
    expect(masked(text)).not.toContain(name)
  })

  it.each(['06-12345678', '06 12 34 56 78', '06 1234 5678', '+31 6 1234 5678', '+31 (0)6-12345678', '0031612345678', '020-123 45 67', '+32 470 12 34 56', '(06) 123 456 78'])(
    'phone %s',
    (phone) => {
      expect(kinds(`bel me op ${phone} als er iets is`)).toContainEqual(['phone', phone])
    },
  )

  it.each(['111222333', '1112.22.333', '111-222-333', '111 222 333'])('BSN %s (eleven-test), with or without separators', (bsn) => {
    expect(kinds(`mijn bsn is ${bsn}`)).toContainEqual(['bsn', bsn])
  })

  it('any other run of five or more digits is masked too, as a number', () => {
    expect(kinds('nummer 123456789')).toEqual([['case_number', '123456789']])
    expect(kinds('ik ben 25 en heb 3 kinderen, sinds 2019 hier')).toEqual([])
  })

  it.each(['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'BE68 5390 0754 7034'])('IBAN %s', (iban) => {
    expect(kinds(`stort het op ${iban}`)).toContainEqual(['iban', iban])
  })

  it.each(['1234 AB', '1234AB', '1234ab', '2512 ab'])('postcode %s in any case', (pc) => {
    expect(kinds(`mijn postcode is ${pc}`)).toContainEqual(['postcode', pc])
  })

  it('does not take a year followed by a word for a postcode', () => {
    expect(kinds('in 1990 en daarna')).toEqual([])
  })

  it.each([
    ['ik woon in rotterdam', 'rotterdam'],
    ['mijn familie is in Casablanca', 'Casablanca'],
    ['mijn broer woont in Den Haag', 'Den Haag'],
    ['ik slaap bij het Leger des Heils', 'Leger des Heils'],
    ['ik werk bij albert heijn', 'albert heijn'],
    ['ik woon op de Kerkstraat 12', 'Kerkstraat 12'],
    ['ik woon in de hoofdstraat', 'hoofdstraat'],
    ['kenteken 12-ABC-3', '12-ABC-3'],
    ['mijn v-nummer is 2345678901', '2345678901'],
    ['paspoort NXC3J47K9', 'NXC3J47K9'],
    ['dossiernummer Z-2024-1234', 'Z-2024-1234'],
    ['volg me op insta @fatima_92', '@fatima_92'],
    ['mail fatima.el-amrani+kracht@voorbeeld.nl', 'fatima.el-amrani+kracht@voorbeeld.nl'],
    ['ik ben geboren op 12 maart 1990', '12 maart 1990'],
    ['ik ben van 1995', '1995'],
    ['mijn pas eindigt op 4821', '4821'],
    ['ik woon op Rokin 120', 'Rokin 120'],
    ['volg sam.devries', 'sam.devries'],
    ['mijn verjaardag is 12/05', '12/05'],
    ["geboren 05/03/'90", "05/03/'90"],
  ])('"%s" loses "%s"', (text, detail) => {
    expect(masked(text)).not.toContain(detail)
  })

  it('special-category words are masked by category', () => {
    expect(masked('ik gebruik methadon, heb schulden en een depressie')).toBe('ik gebruik [VERSLAVING_1], heb [SCHULDEN_1] en een [GEZONDHEID_1]')
    expect(masked('ik zat in de gevangenis, ik ga naar de moskee, ik ben lesbisch')).toBe(
      'ik zat in de [JUSTITIE_1], ik ga naar de [GELOOF_1], ik ben [SEKSUALITEIT_1]',
    )
  })

  it('names from the client\'s own data, in any case and in parts, wherever they appear', () => {
    const options = { names: ['Sam de Vries', 'Noor Bakker'], organisations: ['Stichting De Brug'] }
    expect(masked('sam en noor, de vries en bakker, zitten bij de brug', options)).toBe('[NAAM_1] en [NAAM_2], [NAAM_3] en [NAAM_4], zitten bij [ORGANISATIE_1]')
  })

  it('a known name wins over an overlapping pattern, and neither loses its mask', () => {
    // "Jan" is part of the street; the known name must not leave the street half-masked, or vice versa.
    const out = createPseudonymiser({ names: ['Jan van Galen'] })
    expect(out.mask('ik woon op de Jan van Galenstraat 5')).toBe('ik woon op [ADRES_1]')
    expect(out.mask('mail jan.van.galen@voorbeeld.nl of Jan van Galen')).toBe('mail [EMAIL_1] of [NAAM_1]')
    expect(kinds('Bel Sam op 06-12345678', ['Sam op 06'])).toEqual([['phone', 'Sam op 06-12345678']])
  })

  it('a value found once stays masked in later texts, in any case and in parts (drafts cut from an answer)', () => {
    const p = createPseudonymiser()
    expect(p.mask('Ik had een gesprek met dr. Jansen. Geboren 21 mrt. 1985')).toBe('Ik had een gesprek met dr. [NAAM_1]. Geboren [DATUM_1]')
    expect(p.mask('Ik wil jansen')).toMatch(/^Ik wil \[NAAM_\d\]$/)
    expect(p.mask('Ik wil 1985')).toMatch(/^Ik wil \[DATUM_\d\]$/)
  })

  it('leaves ordinary sentences alone', () => {
    for (const text of ['Ik kan goed koken voor mijn familie', 'Mijn broer helpt me altijd', 'Samen koken met vrienden', 'Op Maandag bel ik Veilig Thuis'])
      expect(masked(text, ['Sam'])).toBe(text)
  })
})

describe('pseudonymise', () => {
  it('replaces everything with numbered placeholders and restores it', () => {
    const text = 'Ik heet Noor, mijn zus Fatima woont op de Kerkstraat 12, 1234 AB. Bel 06-12345678 of mail noor@voorbeeld.nl. BSN 111222333, geboren 12-03-1990.'
    const p = pseudonymise(text)
    expect(p.text).toBe(
      'Ik heet [NAAM_1], mijn zus [NAAM_2] woont op [ADRES_1], [POSTCODE_1]. Bel [TELEFOON_1] of mail [EMAIL_1]. BSN [BSN_1], geboren [DATUM_1].',
    )
    expect(p.restore(p.text)).toBe(text)
  })

  it('uses the same placeholder for the same value across texts', () => {
    const p = createPseudonymiser(['Fatima'])
    expect(p.mask('Fatima helpt')).toBe('[NAAM_1] helpt')
    expect(p.mask('ik bel Fatima')).toBe('ik bel [NAAM_1]')
    expect(placeholderCounts(p)).toEqual({ name: 1 })
  })

  it('restores only the exact form it handed out', () => {
    const p = pseudonymise('mijn broer Ali', [])
    expect(p.restore('Ik heb [NAAM_1]')).toBe('Ik heb Ali')
    expect(p.restore('Ik heb NAAM_1, [naam_1], [NAAM 1], [NAME_1]')).toBe('Ik heb NAAM_1, [naam_1], [NAAM 1], [NAME_1]')
  })

  it('reports exact placeholders it never handed out', () => {
    const p = createPseudonymiser(['Ali'])
    p.mask('Ali')
    expect(p.unknownPlaceholders('Ik heb [NAAM_1] en [NAAM_2] en [TELEFOON_1]')).toEqual(['NAAM_2', 'TELEFOON_1'])
  })

  it('masks text that already looks like a placeholder, in any form, so it cannot be confused', () => {
    const text = 'ik schreef [NAAM_1], [NAAM 1], NAAM1 en Ali'
    const p = createPseudonymiser(['Ali'])
    const out = p.mask(text)
    expect(out).toBe('ik schreef [NAAM_1], [NAAM_2], [NAAM_3] en [NAAM_4]')
    expect(p.restore(out)).toBe(text)
  })

  it('round-trips any text (property)', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('mijn zus Fatima', ' 06-12345678 ', 'a@b.nl', 'Kerkstraat 12', '1234 AB', '111222333', '12-03-1990', '[NAAM_1]', 'NAAM_2', 'Ik heet Noor', ' ', '\n', 'NL91 ABNA 0417 1643 00', 'methadon', 'in Utrecht'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(fc.constantFrom('Fatima', 'Noor', 'Sam', 'a'), { maxLength: 3 }), (pieces, names) => {
        const text = pieces.join('')
        const p = createPseudonymiser(names)
        expect(p.restore(p.mask(text))).toBe(text)
      }),
      { numRuns: 300 },
    )
  })
})
