import { describe, expect, it } from 'vitest'
import { judge } from './measure'

// Being at a place of means now is asked about even where the classifier learned the words from
// look-alikes (a shelter called De Brug): rules marked `alwaysAsk` are never stood down by its veto.
describe('rules that always ask', () => {
  it.each([
    'ik sta op de brug',
    'Ik sta nu op de brug.',
    'ik ben op de brug',
    'ik zit op de vensterbank met het raam open, 8 hoog',
    "i'm on the roof",
    // A capital alone is not a name here: chat capitalises at random.
    'ik sta op de Brug',
    // The tracks: the generic check-in net alone was stood down here (classifier p ≈ 0.01).
    'ik sta op het spoor',
    'ik lig op het spoor',
    'ik sta aan de rand van het perron',
    "I'm standing on the tracks",
    'im on the train tracks rn',
    // Round 6: at the water with the wish to go in, a noose already hanging, going to a bridge.
    'ik sta bij het water en wil erin',
    'ik sta al een uur bij de sluis en twijfel',
    'de strop hangt al',
    'ik ga vannacht naar de brug',
  ])('asks about "%s"', (text) => {
    const verdict = judge({ id: 't', text, locale: 'nl', crisis: 'suicide' })
    expect(verdict.detected.combined).toBe(true)
    expect(verdict.level).not.toBeNull()
  })

  it.each(['ik sta bij De Brug in de rij voor eten', 'ik sta op het perron te wachten', 'Ik werk bij Het Spoor in Utrecht', 'ik loop langs het spoor naar school', 'we zitten op het balkon te eten', 'im staying at De Brug shelter for now',
    // Round 6: a commute, and fun by the water.
    'ik sta op het station en de trein komt zo', 'we staan bij het water te vissen met opa'])(
    'stays quiet about "%s"',
    (text) => {
      expect(judge({ id: 't', text, locale: 'nl', crisis: null }).detected.combined).toBe(false)
    },
  )
})
