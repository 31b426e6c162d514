import { tz } from '@date-fns/tz'
import { format, subDays } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { dutchDate, dutchDateDaysBefore, dutchMoment, endOfDutchDay, isCalendarDate, startOfDutchDay, startOfDutchDayDaysBefore } from './index'

// 2026: clocks go forward on Sunday 29 March (02:00 → 03:00) and back on Sunday 25 October (03:00 → 02:00).
describe('the end of a Dutch day', () => {
  it.each([
    ['a winter day', '2026-01-15', '2026-01-15T22:59:59.999Z'],
    ['the Saturday before summer time', '2026-03-28', '2026-03-28T22:59:59.999Z'],
    ['the Sunday clocks go forward', '2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['a summer day', '2026-07-01', '2026-07-01T21:59:59.999Z'],
    ['the Saturday before winter time', '2026-10-24', '2026-10-24T21:59:59.999Z'],
    ['the Sunday clocks go back', '2026-10-25', '2026-10-25T22:59:59.999Z'],
    ['new year\'s eve', '2026-12-31', '2026-12-31T22:59:59.999Z'],
  ])('%s (%s) ends at midnight Amsterdam time', (_, date, instant) => {
    expect(endOfDutchDay(date).toISOString()).toBe(instant)
  })

  it('is one instant before the next Dutch day starts, across both clock changes', () => {
    for (const [day, next] of [
      ['2026-03-28', '2026-03-29'],
      ['2026-03-29', '2026-03-30'],
      ['2026-10-24', '2026-10-25'],
      ['2026-10-25', '2026-10-26'],
    ] as const) {
      expect(startOfDutchDay(next).getTime() - endOfDutchDay(day).getTime()).toBe(1)
    }
  })

  it('makes the Sundays of the clock changes 23 and 25 hours long', () => {
    const hours = (date: string) => (endOfDutchDay(date).getTime() + 1 - startOfDutchDay(date).getTime()) / 3_600_000
    expect(hours('2026-03-29')).toBe(23)
    expect(hours('2026-10-25')).toBe(25)
    expect(hours('2026-06-10')).toBe(24)
  })
})

describe('a Dutch date and time', () => {
  it.each([
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '01:30', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', '14:00', '2026-10-25T13:00:00.000Z'],
    ['2026-08-01', '14:00', '2026-08-01T12:00:00.000Z'],
  ])('%s %s is %s', (date, time, instant) => {
    expect(dutchMoment(date, time).toISOString()).toBe(instant)
  })

  it('puts a time that does not exist (the hour skipped in March) after the jump', () => {
    expect(dutchMoment('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('refuses shapes it does not know', () => {
    expect(() => dutchMoment('29-03-2026', '14:00')).toThrow(RangeError)
    expect(() => endOfDutchDay('2026-3-9')).toThrow(RangeError)
  })
})

describe('the Dutch date of an instant', () => {
  it('is already tomorrow just after midnight Amsterdam time, in winter and in summer', () => {
    expect(dutchDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16')
    expect(dutchDate(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16')
    expect(dutchDate(new Date('2026-07-15T21:30:00Z'))).toBe('2026-07-15')
  })

  it('counts days back as calendar days across the clock changes', () => {
    expect(dutchDateDaysBefore(new Date('2026-03-30T10:00:00Z'), 1)).toBe('2026-03-29')
    expect(dutchDateDaysBefore(new Date('2026-03-30T10:00:00Z'), 2)).toBe('2026-03-28')
    expect(dutchDateDaysBefore(new Date('2026-10-26T00:30:00Z'), 1)).toBe('2026-10-25')
    expect(startOfDutchDayDaysBefore(new Date('2026-04-02T10:00:00Z'), 7).toISOString()).toBe('2026-03-25T23:00:00.000Z')
    expect(startOfDutchDayDaysBefore(new Date('2026-10-30T10:00:00Z'), 7).toISOString()).toBe('2026-10-22T22:00:00.000Z')
  })

  it('is the date date-fns gives in Amsterdam, every hour of two years, and days back likewise', () => {
    const inAmsterdam = tz('Europe/Amsterdam')
    for (let at = Date.UTC(2025, 11, 31); at < Date.UTC(2028, 0, 2); at += 3_600_000 + 61_000) {
      const instant = new Date(at)
      expect(dutchDate(instant)).toBe(format(instant, 'yyyy-MM-dd', { in: inAmsterdam }))
      expect(dutchDateDaysBefore(instant, 30)).toBe(format(subDays(instant, 30, { in: inAmsterdam }), 'yyyy-MM-dd', { in: inAmsterdam }))
    }
    expect(() => dutchDate(new Date('nonsense'))).toThrow(RangeError)
  })

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('tomorrow')).toBe(false)
  })
})
