import { z } from 'zod'
import { choiceField, dateField, idField, optionalLine, optionalText, requiredLine, requiredText, timeField, versionField } from '../forms/fields'
import { togetherFlows } from './assistant'

// The facilitator's forms on a session page: one schema each, run in the browser and by the
// action (lib/session-facilitation.server.ts). The API checks the same again.

/** The facilitator's own note, or the shared reflection, after the session. */
export const SessionNoteForm = z.object({ intent: z.literal('note'), text: requiredText(2000) })
export const SessionReflectionForm = z.object({ intent: z.literal('reflection'), text: requiredText(2000) })

/** Changing a session on the version shown: date and time as meant in Dutch time. */
export const ChangeSessionForm = z.object({
  intent: z.literal('change'),
  version: versionField,
  title: requiredLine(120),
  date: dateField,
  time: timeField,
  place: optionalLine(120),
  agenda: optionalText(1000),
})

const CancelSessionForm = z.object({ intent: z.literal('cancel') })

/** Starting a guided flow together with one client who is present. */
const TogetherForm = z.object({ intent: z.literal('together'), clientId: idField, flow: choiceField(togetherFlows) })

export const FacilitatorForms = z.discriminatedUnion('intent', [SessionNoteForm, SessionReflectionForm, ChangeSessionForm, CancelSessionForm, TogetherForm])
