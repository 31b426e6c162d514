import { z } from '@hono/zod-openapi'
import { NETWORK_NAME_MAX, NETWORK_NOTE_MAX, networkAreas, networkPeriods, networkSupportKinds, RESOURCE_TEXT_MAX, resourceKinds } from '@kracht/db'
import { LineSchema, OwnWordsFields, TextSchema } from '../../lib/schemas'

/** The request and answer shapes of the network map (VIP card), resources and worker remarks. */

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const PersonParams = ClientParams.extend({ personId: z.string().uuid() })
export const ResourceParams = ClientParams.extend({ resourceId: z.string().uuid() })

// Messages are codes ("unknown_area", "ring_out_of_range"): the portal shows each beside its field.
export const Area = z.enum(networkAreas, { message: 'unknown_area' }).openapi({ description: 'family, friends (and acquaintances), school_work_club, professionals' })
export const Ring = z
  .number({ message: 'ring_out_of_range' })
  .int('ring_out_of_range')
  .min(1, 'ring_out_of_range')
  .max(3, 'ring_out_of_range')
  .openapi({ description: '1 is closest to the client, 3 furthest' })
export const Support = z.array(z.enum(networkSupportKinds, { message: 'unknown_support' })).max(networkSupportKinds.length, 'too_many')
export const Period = z.enum(networkPeriods, { message: 'unknown_period' }).openapi({ description: 'Contact now, or in the past' })
export const PersonName = LineSchema.trim().min(1, 'required').max(NETWORK_NAME_MAX, 'too_long').openapi({ description: 'A name or nickname, as the client calls them' })
export const PersonNote = TextSchema.trim()
  .max(NETWORK_NOTE_MAX, 'too_long')
  .nullish()
  .transform((note) => note || null)
  .openapi({ description: 'What they help with, in the client\'s own words' })

export const PersonBody = z
  .object({ name: PersonName, area: Area, ring: Ring, support: Support.default([]), note: PersonNote, period: Period.default('now') })
  .strict()
  .openapi('NetworkPersonBody', { example: { name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'] } })

export const PersonPatch = z
  .object({
    version: z.number().int().min(1),
    name: PersonName.optional(),
    area: Area.optional(),
    ring: Ring.optional(),
    support: Support.optional(),
    note: PersonNote,
    period: Period.optional(),
  })
  .strict()
  .openapi('NetworkPersonPatch', { example: { version: 1, ring: 2 } })

export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) })

export const PersonSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    area: z.enum(networkAreas),
    ring: z.number().int(),
    support: z.array(z.enum(networkSupportKinds)),
    note: z.string().nullable(),
    period: z.enum(networkPeriods),
    provenance: z.enum(['client', 'client_accepted_assistant', 'client_accepted_ai', 'client_accepted_worker']),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('NetworkPerson')

const PersonAtSchema = z
  .object({
    id: z.string().uuid(),
    version: z.number().int(),
    name: z.string(),
    area: z.string(),
    ring: z.number().int(),
    support: z.array(z.string()),
    note: z.string().nullable(),
    period: z.string(),
  })
  .openapi('NetworkPersonAt')

export const HistorySchema = z
  .object({
    at: z.string().datetime(),
    then: z.array(PersonAtSchema),
    now: z.array(PersonAtSchema),
    changes: z.array(
      z.union([
        z.object({ kind: z.enum(['added', 'removed']), person: PersonAtSchema }),
        z.object({ kind: z.enum(['closer', 'further', 'moved', 'changed']), before: PersonAtSchema, after: PersonAtSchema }),
      ]),
    ),
    since: z.string().datetime().nullable(),
  })
  .openapi('NetworkHistory')

/** A life domain id (checked against the organisation's set by the service). */
const DomainId = z.string().regex(/^[a-z_]{1,40}$/, 'unknown_domain')

/** A calendar day or a moment, in a year a person can mean (not 20000). */
export const HistoryQuery = z.object({
  at: z
    .string()
    .max(40, 'invalid_date')
    .regex(/^\d{4,5}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'invalid_date')
    .refine((value) => !Number.isNaN(Date.parse(value)), 'invalid_date')
    .refine((value) => {
      const year = Number(value.split('-')[0])
      return year >= 2000 && year <= 2100
    }, 'date_out_of_range')
    .openapi({ description: 'A day (2025-11-30) or a moment (ISO 8601); a day means its end', example: '2025-11-30' }),
})

export const ResourceBody = z
  .object({
    kind: z.enum(resourceKinds, { message: 'unknown_kind' }),
    text: TextSchema.trim().min(1, 'required').max(RESOURCE_TEXT_MAX, 'too_long'),
    domain: DomainId.nullish().transform((domain) => domain ?? null),
    personId: z.string().uuid().nullish().transform((id) => id ?? null),
  })
  .strict()
  .openapi('ResourceBody', { example: { kind: 'social_cohesion', text: 'Mijn buurvrouw doet boodschappen als ik ziek ben', domain: null, personId: null } })

export const ResourcePatch = z
  .object({
    version: z.number().int().min(1),
    kind: z.enum(resourceKinds, { message: 'unknown_kind' }).optional(),
    text: TextSchema.trim().min(1, 'required').max(RESOURCE_TEXT_MAX, 'too_long').optional(),
    domain: DomainId.nullable().optional(),
    personId: z.string().uuid().nullable().optional(),
  })
  .strict()
  .openapi('ResourcePatch')

export const ResourceSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(resourceKinds),
    text: z.string(),
    domain: z.string().nullable(),
    personId: z.string().uuid().nullable(),
    provenance: z.string(),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('Resource')

export const ProposalSchema = z
  .object({ name: PersonName, area: Area, ring: Ring, support: Support.default([]), note: PersonNote, period: Period.default('now') })
  .strict()
  .openapi('NetworkProposal')

export const NetworkCommentBody = z
  .object({
    personId: z.string().uuid().nullish().transform((id) => id ?? null),
    kind: z.enum(['comment', 'suggestion']),
    body: TextSchema.trim().max(1000, 'too_long').default(''),
    proposal: ProposalSchema.nullish().transform((proposal) => proposal ?? null),
  })
  .strict()
  .openapi('NetworkCommentBody', { example: { personId: null, kind: 'suggestion', body: 'Je noemde je buurman vaak.', proposal: { name: 'Buurman Kees', area: 'friends', ring: 2, support: ['practical'] } } })

export const NetworkCommentSchema = z
  .object({
    id: z.string().uuid(),
    personId: z.string().uuid().nullable(),
    personVersion: z.number().int().nullable(),
    authorId: z.string().uuid().nullable(),
    authorName: z.string().nullable(),
    kind: z.enum(['comment', 'suggestion']),
    body: z.string(),
    proposal: z
      .object({ name: z.string(), area: z.string(), ring: z.number().int(), support: z.array(z.string()), note: z.string().nullable(), period: z.string() })
      .nullable(),
    status: z.enum(['open', 'accepted', 'declined']).nullable(),
    decidedAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
    ...OwnWordsFields,
  })
  .openapi('NetworkComment')

/** The author's new words for her remark on the map (a suggested person is removed and suggested again, not changed). */
export const EditNetworkCommentBody = z
  .object({ body: TextSchema.trim().max(1000, 'too_long').default(''), version: z.number().int().min(1) })
  .strict()
  .openapi('EditNetworkCommentBody')

export const NetworkDecisionBody = z
  .object({ decision: z.enum(['accept', 'decline']), version: z.number().int().min(1).optional() })
  .strict()
  .openapi('NetworkSuggestionDecision')
