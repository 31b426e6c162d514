import { z } from 'zod'
import { areas, flows } from './assistant'

// One zod schema per assistant form; messages are catalogue codes shown beside the field.

/**
 * One answer turn. The text has no limit here on purpose: the API screens the whole text for a
 * crisis before it refuses a long one, so help is shown even then.
 */
export const AnswerForm = z.object({
  intent: z.enum(['answer', 'skip', 'dontKnow']),
  stepId: z.string().min(1, 'required').max(100, 'invalid'),
  version: z.coerce.number().int().min(1, 'invalid'),
  text: z.string().optional().transform((text) => text ?? ''),
})

/** A ring of the network map as the API counts it. */
const rings = { '1': 1, '2': 2, '3': 3 } as const

const optionalNullableText = z
  .string()
  .max(1000, 'too_long')
  .optional()
  .transform((value) => (value === undefined ? undefined : value.trim() || null))

/** Keeping a card, with the fields the client changed (only those the form showed are sent). */
export const AcceptForm = z.object({
  proposalId: z.string().min(1, 'required').max(200, 'invalid'),
  text: z.string().trim().min(1, 'required').max(1000, 'too_long').optional(),
  domain: z.string().min(1, 'required').max(40, 'invalid').optional(),
  name: z.string().trim().min(1, 'required').max(200, 'too_long').optional(),
  area: z.enum(areas, { message: 'required' }).optional(),
  ring: z
    .enum(['1', '2', '3'], { message: 'required' })
    .optional()
    .transform((ring) => (ring === undefined ? undefined : rings[ring])),
  note: optionalNullableText,
  what: z.string().trim().min(1, 'required').max(1000, 'too_long').optional(),
  who: optionalNullableText,
  when: optionalNullableText,
})

export const ProposalForm = z.object({ proposalId: z.string().min(1, 'required').max(200, 'invalid') })
export const SafetyForm = z.object({ notifyWorker: z.enum(['yes', 'no']) })
// Buttons only on the assistant's first page (and the "with the assistant" buttons elsewhere).
const StartForm = z.object({ intent: z.literal('start'), flow: z.enum(flows, { error: 'unknown_flow' }) })
const AiHelpForm = z.object({ intent: z.literal('aiHelp'), enabled: z.enum(['on', 'off'], { error: 'invalid' }) })
export const AssistantForms = z.discriminatedUnion('intent', [StartForm, AiHelpForm])
