import { hasKey, type Translator } from '@kracht/i18n'
import { problemText } from './i18n'

/**
 * A field code in the reader's language: the sharing pages' own codes (one_client, ends_in_past …)
 * first, then the general field codes ("required", "too_long" …).
 */
export function fieldText(t: Translator, code: string): string {
  const key = `sharing.fields.${code}`
  return hasKey(key) ? t(key) : problemText(t, 'fields', code)
}

/** The offset of Dutch time ("+01:00" in winter, "+02:00" in summer) on a given day and time. */
function amsterdamOffset(date: string, time: string): string {
  const moment = new Date(`${date}T${time}:00Z`)
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(moment)
    .find((part) => part.type === 'timeZoneName')?.value
  const offset = name?.replace('GMT', '') ?? ''
  return /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+00:00'
}

/** A date (yyyy-mm-dd) and time (hh:mm) as the user meant them, in Dutch time, as an ISO moment. */
export function dutchMoment(date: string, time: string): string {
  return new Date(`${date}T${time}:00${amsterdamOffset(date, time)}`).toISOString()
}

/** The end of a chosen day, Dutch time: a share or token "until 12 May" works all of 12 May. */
export function endOfDutchDay(date: string): string {
  return dutchMoment(date, '23:59')
}
