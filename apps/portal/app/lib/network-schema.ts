import { z } from 'zod'
import { idField, optionalLine, optionalText, requiredLine, requiredText, versionField } from '../forms/fields'
import { areas, periods, resourceKinds, rings, supportKinds } from './network'

/*
 * One person on the network map: adding (client), changing (client) and suggesting (staff) share
 * this schema, run by the action (the browser reads only which fields are required). Messages are codes of `network.errors.*`
 * (read before the general `fields.*`, see PersonFields); the API checks the same again.
 */
export const PersonSchema = z.object({
  name: requiredLine(200),
  area: z.enum(areas, { error: (issue) => (issue.input === undefined ? 'required' : 'unknown_area') }),
  // A select sends the ring as text ("2").
  ring: z
    .string({ error: 'required' })
    .transform(Number)
    .pipe(z.number().refine((ring) => rings.some((known) => known === ring), 'ring_out_of_range')),
  // None ticked is an empty list; a box ticked twice by a crafted post counts once.
  support: z
    .array(z.enum(supportKinds, { error: 'unknown_support' }))
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  note: optionalText(500).transform((note) => note ?? null),
  period: z.enum(periods, { error: 'unknown_period' }).default('now'),
})

/** Changing a person on the version shown; taking a person off the map on that version. */
export const ChangePersonForm = PersonSchema.extend({ intent: z.literal('change'), version: versionField })
export const RemovePersonForm = z.object({ intent: z.literal('remove'), version: versionField })
export const PersonPageForms = z.discriminatedUnion('intent', [ChangePersonForm, RemovePersonForm])

/** A resource beside the map; `link` is `domain:<id>`, `person:<id>` or empty (see linkOf). */
export const ResourceSchema = z.object({
  kind: z.enum(resourceKinds, { error: 'unknown_kind' }),
  text: requiredText(500),
  link: optionalLine(80).transform((link) => link ?? ''),
})

/** The button beside a resource: taking it off, on the version shown. */
const RemoveResourceForm = z.object({ intent: z.literal('remove-resource'), resourceId: idField, version: versionField })

/**
 * The client's answer to the worker's suggestion about the map: the buttons are the intent. The
 * version is the person's the suggestion is about; a suggestion of a new person has none.
 */
const SuggestionDecisionForm = z.object({ intent: z.enum(['accept', 'decline']), commentId: idField, version: versionField.optional() })

/** The buttons of the network page (no typed fields: a refusal is a notice above the page). */
export const NetworkButtonForms = z.discriminatedUnion('intent', [RemoveResourceForm, SuggestionDecisionForm])
