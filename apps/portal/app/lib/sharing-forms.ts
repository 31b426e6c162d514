import { dutchMoment as dutchInstant, endOfDutchDay as endOfDutchDayInstant } from '@kracht/calendar'

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
