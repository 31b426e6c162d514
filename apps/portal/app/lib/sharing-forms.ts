import { dutchMoment as dutchInstant, endOfDutchDay as endOfDutchDayInstant, isCalendarDate } from '@kracht/calendar'

// Field codes in the reader's language now live with the form components.
export { fieldText } from '../forms/field-text'

/** A date (yyyy-mm-dd) and time (hh:mm) as the user meant them, in Dutch time, as an ISO moment. */
export function dutchMoment(date: string, time: string): string {
  return dutchInstant(date, time).toISOString()
}

/** The end of a chosen day, Dutch time: a share or token "until 12 May" works all of 12 May. */
export function endOfDutchDay(date: string): string {
  return endOfDutchDayInstant(date).toISOString()
}

/** A datetime-local value (yyyy-mm-ddThh:mm) as meant in Dutch time, as an ISO moment; null when it is no real moment. */
export function dutchDateTime(value: string): string | null {
  const [date = '', time = ''] = value.split('T')
  if (!isCalendarDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null
  return dutchInstant(date, time.slice(0, 5)).toISOString()
}
