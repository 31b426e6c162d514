import { z } from 'zod'
import { optionalLine, optionalText, requiredLine, requiredText, versionField } from '../forms/fields'
import { areas, supports } from './assistant'

// The forms of the assistant's conversation page (assistent.$conversationId), one schema each, for
// the browser (which fields there are and which are required) and the action (the check). Messages
// are catalogue codes shown beside the field; the API checks again and names what only it knows
// (a card that still needs a life domain, a domain the organisation does not use).

/**
 * Optional words that replace what the card said (a note, "who", "when"): the edit form always shows
 * the box, so an empty one means "nothing", never "not given". conform reads an empty field as
 * `undefined`; here that, and a box of spaces, become `null`, which the API takes as "clear it".
 * (Here, not in forms/fields.ts: that module is in the JavaScript of every page with a form.)
 */
export function clearableText(max = 1000) {
  return optionalText(max).transform((value) => value || null)
}

/** A card's id as the page put it in the form (the API's, not a uuid: `<conversation>-<n>`). */
const proposalIdField = z.string({ error: 'invalid' }).max(200, 'invalid')

/** A life domain from the organisation's list (the API knows the list). */
const domainField = z.string({ error: 'choose' }).max(40, 'invalid')

const areaField = z.enum(areas, { error: 'choose' })

/** A ring of the network map as the form says it, as the API counts it. */
const rings = { '1': 1, '2': 2, '3': 3 } as const
const ringField = z.enum(['1', '2', '3'], { error: 'choose' }).transform((ring) => rings[ring])

/**
 * One answer turn: the pressed button says which (send, skip, "I don't know"). The text has no limit
 * here on purpose: the API screens the whole text for a crisis before it refuses a long one, so help
 * is shown even then. An empty text is sent too: the assistant asks again, gently.
 */
export const AnswerForm = z.object({
  intent: z.enum(['answer', 'skip', 'dontKnow'], { error: 'invalid' }),
  stepId: z.string({ error: 'invalid' }).max(100, 'invalid'),
  version: versionField,
  choices: z.array(z.string().max(100, 'invalid')).max(20, 'invalid').default([]),
  text: z.string().optional(),
})

/**
 * The card's own buttons: keep it as it is, or leave it out. A card that still needs a life domain
 * or a place on the network map asks for it in this form; whether it still does, the API says.
 */
export const CardForm = z.object({
  intent: z.enum(['accept', 'drop'], { error: 'invalid' }),
  proposalId: proposalIdField,
  domain: optionalLine(40),
  area: areaField.optional(),
  ring: ringField.optional(),
})

// "Aanpassen": keep the card with the client's changes. One form per kind of card (the hidden `kind`
// says which); it always shows every field of its kind, so each is sent as the form holds it.
const edit = { intent: z.literal('edit'), proposalId: proposalIdField }

export const EditStatementForm = z.object({ ...edit, kind: z.literal('statement'), text: requiredText(1000), domain: domainField })
export const EditGoalForm = z.object({ ...edit, kind: z.literal('goal'), text: requiredText(1000), domain: optionalLine(40) })
export const EditPersonForm = z.object({
  ...edit,
  kind: z.literal('network_person'),
  name: requiredLine(200),
  area: areaField,
  ring: ringField,
  // None ticked is none: the client took them all off. Written out, as the network map's own form
  // does: forms/fields.ts's checkboxesField would add its bytes to every page with a form.
  support: z.array(z.enum(supports, { error: 'invalid' })).default([]),
  // Emptied is null: the note the card had is gone (an empty box is not "unchanged" here).
  note: clearableText(1000),
})
export const EditPlanLineForm = z.object({ ...edit, kind: z.literal('safety_plan_line'), text: requiredText(1000) })
export const EditActionForm = z.object({ ...edit, kind: z.literal('action'), what: requiredText(1000), who: clearableText(1000), when: clearableText(1000) })

/** The edit form of each kind of card. */
export const editForms = { statement: EditStatementForm, goal: EditGoalForm, network_person: EditPersonForm, safety_plan_line: EditPlanLineForm, action: EditActionForm }

export const EditCardForm = z.discriminatedUnion('kind', [EditStatementForm, EditGoalForm, EditPersonForm, EditPlanLineForm, EditActionForm], { error: 'invalid' })

/** The question on the help card: tell the worker, or not now. */
export const SafetyForm = z.object({ intent: z.literal('safety'), notifyWorker: z.enum(['yes', 'no'], { error: 'invalid' }) })

/** Every form of the page, told apart by the button or hidden field that names its intent. */
export const ConversationForms = z.discriminatedUnion('intent', [AnswerForm, CardForm, EditCardForm, SafetyForm], { error: 'invalid' })

export type ConversationFormValue = z.output<typeof ConversationForms>
type EditCardValue = z.output<typeof EditCardForm>
type CardValue = z.output<typeof CardForm>

/** What the API's accept takes: the fields the client chose or changed. */
export interface CardEdit {
  text?: string
  domain?: string
  name?: string
  area?: (typeof areas)[number]
  ring?: 1 | 2 | 3
  support?: (typeof supports)[number][]
  note?: string | null
  what?: string
  who?: string | null
  when?: string | null
}

/** A kept card with the choices its own form asked for (only those made are sent). */
export function keptCard({ domain, area, ring }: CardValue): CardEdit {
  return { ...(domain ? { domain } : {}), ...(area ? { area } : {}), ...(ring ? { ring } : {}) }
}

/**
 * A card kept with changes: every field of its kind, as the form holds it. An emptied note, "who" or
 * "when" is `null` (clearableText), so the API clears what the card said instead of keeping it.
 */
export function editedCard(value: EditCardValue): CardEdit {
  switch (value.kind) {
    case 'statement':
      return { text: value.text, domain: value.domain }
    case 'goal':
      return { text: value.text, ...(value.domain ? { domain: value.domain } : {}) }
    case 'network_person':
      return { name: value.name, area: value.area, ring: value.ring, support: value.support, note: value.note }
    case 'safety_plan_line':
      return { text: value.text }
    case 'action':
      return { what: value.what, who: value.who, when: value.when }
  }
}
