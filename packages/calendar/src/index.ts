import { TZDate } from '@date-fns/tz'
import { endOfDay, startOfDay } from 'date-fns'

/*
 * Calendar time as people in the Netherlands mean it. A date or a time typed into a form
 * ("until 12 May", "at 14:00") is Amsterdam time, summer or winter; the database and the API
 * speak instants (UTC). Every conversion between the two goes through here, done by date-fns
 * with its time-zone support, never with a hand-written offset such as "+01:00" (which is wrong
 * half the year).
 */

export const dutchTimeZone = 'Europe/Amsterdam'

/** A plain Date (its toISOString in UTC), whatever date-fns handed back. */
const instant = (value: Date): Date => new Date(value.getTime())

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^(\d{2}):(\d{2})$/

/** A yyyy-mm-dd date as numbers; throws on anything else (the forms check the shape first). */
function dateParts(date: string): [number, number, number] {
  const match = datePattern.exec(date)
  if (!match) throw new RangeError(`not a yyyy-mm-dd date: ${date}`)
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
}

/** True for a real calendar date in yyyy-mm-dd form (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const match = datePattern.exec(date)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  const value = new Date(Date.UTC(year, month, day))
  return value.getUTCFullYear() === year && value.getUTCMonth() === month && value.getUTCDate() === day
}

/**
 * The instant of a date and time as meant in the Netherlands. A time that does not exist (02:30 on
 * the last Sunday of March, when clocks jump to 03:00) lands just after the jump.
 */
export function dutchMoment(date: string, time: string): Date {
  const [year, month, day] = dateParts(date)
  const match = timePattern.exec(time)
  if (!match) throw new RangeError(`not an hh:mm time: ${time}`)
  return instant(new TZDate(year, month, day, Number(match[1]), Number(match[2]), 0, 0, dutchTimeZone))
}

/** The first instant of a Dutch calendar day (midnight in Amsterdam). */
export function startOfDutchDay(date: string): Date {
  const [year, month, day] = dateParts(date)
  return instant(startOfDay(new TZDate(year, month, day, dutchTimeZone)))
}

/**
 * The last instant of a Dutch calendar day: a share or token "until 12 May" works all of 12 May and
 * ends at midnight Amsterdam time, in winter (+01:00) and in summer (+02:00) alike.
 */
export function endOfDutchDay(date: string): Date {
  const [year, month, day] = dateParts(date)
  return instant(endOfDay(new TZDate(year, month, day, dutchTimeZone)))
}

let amsterdamDays: Intl.DateTimeFormat | undefined

/**
 * The Dutch calendar date (yyyy-mm-dd) of an instant: just after midnight in Amsterdam is already the
 * next day. Read with the platform's own time-zone data (Intl, as date-fns's time zones do): date-fns's
 * `format` would bring 5 kB gzipped into the pages that show one (issue 19, page weight).
 */
export function dutchDate(instant: Date): string {
  amsterdamDays ??= new Intl.DateTimeFormat('en-US', { timeZone: dutchTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const parts = amsterdamDays.formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}

/** The Dutch calendar date `days` days before an instant's date (a day across a clock change is still one day). */
export function dutchDateDaysBefore(instant: Date, days: number): string {
  const [year, month, day] = dateParts(dutchDate(instant))
  return new Date(Date.UTC(year, month, day - days)).toISOString().slice(0, 10)
}

/** The start of the Dutch day `days` days before an instant's date: "the last 7 days" as people count them. */
export function startOfDutchDayDaysBefore(instant: Date, days: number): Date {
  return startOfDutchDay(dutchDateDaysBefore(instant, days))
}
