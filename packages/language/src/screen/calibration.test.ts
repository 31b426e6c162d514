import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import type { Locale } from '../types'
import { predict, recognised } from './classifier'
import { combine, crisisModel, screenParts } from './index'
import { crisisTokens, normalisedText } from './normalise'

/**
 * Round 4 (eval/HELDOUT.md): the classifier never speaks alone on weak evidence. Round 3's
 * classifier scored an empty text 0.78, so nonsense, names and short English answers got a
 * check-in and stopped the assistant's flows. None of the harmless texts below is in the training
 * data except the bare "ja", "nee" and "ok" (eval/everyday-short.jsonl holds others like them).
 */
const both = (text: string): boolean => (['nl', 'en'] as Locale[]).some((locale) => analyze(text, { locale }).crisis.detected)
const score = (text: string): number => predict(crisisModel(), normalisedText(crisisTokens(text))).crisis

const HARMLESS = [
  '',
  '   ',
  'xyzzy',
  'peace and quiet',
  'I like cooking',
  'ja',
  'nee',
  'Sam',
  'ok',
  // Short Dutch answers to the miracle question ("Stel, er gebeurt vannacht een wonder …").
  'dat mijn kinderen weer lachen',
  'ik word wakker en ruik koffie',
  'mijn huis is eindelijk rustig',
  'mijn vriendin zou het merken',
  'ik ga fluitend naar mijn werk',
  'ik heb zin in de dag',
  'rustig ontbijten met mijn zoon',
]

const CRISIS = [
  'ik wil niet meer leven',
  'ik heb de pillen al klaarliggen, genoeg voor een keer',
  'mijn vriend knijpt mijn keel dicht als hij boos is',
  'I want to kill myself',
  'ik snij mezelf weer elke avond',
  'ik ben bang dat ik mijn baby iets aandoe',
  'kwilnietmeerleve',
]

describe('the crisis classifier is calibrated (round 4)', () => {
  it('scores an empty text at its prior, far below the check-in threshold', () => {
    const t = crisisModel().thresholds
    expect(score('')).toBeLessThan(0.06)
    expect(score('')).toBeLessThan(t.checkIn / 3)
  })

  it('knows too few features of nonsense, a name or a one-word answer to speak alone', () => {
    const t = crisisModel().thresholds
    for (const text of ['xyzzy', 'Sam', 'ok', 'ja', 'nee', 'qwrtzp vlmk']) {
      expect(recognised(crisisModel(), normalisedText(crisisTokens(text))), text).toBeLessThan(t.minKnown)
      expect(score(text), text).toBeLessThan(t.checkIn)
    }
  })

  it.each(HARMLESS)('does not flag the harmless answer %j in either language', (text) => {
    expect(both(text)).toBe(false)
  })

  it.each(CRISIS)('flags the crisis statement %j', (text) => {
    expect(analyze(text, { locale: 'nl' }).crisis.detected).toBe(true)
  })
})

/**
 * Round 21 (eval/HELDOUT.md): the lower check-in (0.3) has a band of its own up to `lowBand` (0.35,
 * the old check-in): there the classifier alone does not ask where a look-alike structure is in the
 * text (a harmless purpose, a film, a past told), and asks where none is.
 */
describe('the lower check-in band', () => {
  const t = crisisModel().thresholds
  const inBand = (text: string): boolean => {
    const p = screenParts(text).probability
    return p >= t.checkIn && p < (t.lowBand ?? 0)
  }
  const stars = 'Ik stond vannacht op het dak van de parkeergarage om de sterren te fotograferen.'
  it('keeps a harmless purpose quiet in the band, which the bare check-in would ask about', () => {
    expect(inBand(stars)).toBe(true)
    const phrase = { detected: false, kind: null }
    expect(combine(stars, phrase, screenParts(stars)).detected).toBe(false)
    expect(combine(stars, phrase, screenParts(stars), { ...t, lowBand: undefined }).detected).toBe(true)
  })
})
