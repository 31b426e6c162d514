import { describe, expect, it } from 'vitest'
import { helpLinesFor, screenText, screenTexts } from './safety-screen'

const tels = (result: ReturnType<typeof screenText>) => result.helpLines.flatMap((line) => line.numbers.map((n) => n.tel))

describe('screenText', () => {
  it('finds nothing in an everyday text', () => {
    expect(screenText('Ik kan goed koken voor mijn kinderen', 'nl')).toEqual({ detected: false, kind: null, level: null, helpLines: [] })
    expect(screenText('   ', 'nl').detected).toBe(false)
  })

  it('suicide wording: 113, 0800-0113 and 112, with exact tel: links', () => {
    const result = screenText('iedereen is beter af zonder mij', 'nl')
    expect(result).toMatchObject({ detected: true, kind: 'suicide', level: 'alarm' })
    expect(result.helpLines.map((line) => line.id)).toEqual(['suicide_prevention', 'emergency'])
    expect(tels(result)).toEqual(['tel:113', 'tel:08000113', 'tel:112'])
  })

  it('violence: Veilig Thuis 0800-2000 and 112', () => {
    const result = screenText('Mijn vriend slaat me als hij dronken is', 'nl')
    expect(result).toMatchObject({ detected: true, kind: 'violence' })
    expect(tels(result)).toEqual(['tel:08002000', 'tel:112'])
  })

  it('screens the other language too (clients mix languages)', () => {
    expect(screenText('I want to kill myself', 'nl')).toMatchObject({ detected: true, kind: 'suicide' })
  })

  it('screens a very long text without throwing', () => {
    expect(screenText(`${'Ik ben moe. '.repeat(3000)}`, 'nl').detected).toBe(false)
  })
})

describe('helpLinesFor: which lines fit', () => {
  it.each([
    ['suicide', 'alarm', ['suicide_prevention', 'emergency']],
    ['self_harm', 'alarm', ['suicide_prevention', 'emergency']],
    ['overdose', 'alarm', ['suicide_prevention', 'emergency']],
    ['suicide', 'check_in', ['suicide_prevention']],
    ['violence', 'alarm', ['veilig_thuis', 'emergency']],
    ['child_safety', 'alarm', ['veilig_thuis', 'emergency']],
    ['harm_to_others', 'check_in', ['veilig_thuis', 'emergency']],
    // A kind this code does not know yet: never zero resources.
    ['something_new', 'alarm', ['suicide_prevention', 'emergency']],
    ['something_new', 'check_in', ['suicide_prevention', 'emergency']],
  ] as const)('%s (%s)', (kind, level, expected) => {
    expect(helpLinesFor(kind, level)).toEqual(expected)
  })
})

describe('screenTexts', () => {
  it('finds the one risky line among many and skips empty ones', () => {
    const result = screenTexts(['Mijn hond', null, '', 'ik wil niet meer leven', 'De bibliotheek'], 'nl')
    expect(result).toMatchObject({ detected: true, kind: 'suicide' })
  })
})
