import { z } from 'zod'
import { idField, optionalText, versionField } from '../forms/fields'

// One pillar of the bridge (brug.$pijler): one schema for the placement form, run in the browser and
// by the action, and one for the remove button beside an earlier placement. The API checks again.

/**
 * A step on the ladder (1–5), sent by a radio button as text. Its message is the pillar page's own
 * ("choose where you stand now"), read from `livelihood.bridge.pillar` beside the field.
 */
const ladderStep = z.coerce.number({ error: 'chooseStep' }).int('chooseStep').min(1, 'chooseStep').max(5, 'chooseStep')

/** Placing oneself on a pillar (after the current placement), or changing an earlier placement on its version. */
export const PlacementSchema = z
  .object({
    intent: z.enum(['place', 'change']),
    placementId: idField.optional(),
    version: versionField.optional(),
    after: idField.optional().transform((value) => value ?? null),
    step: ladderStep,
    // "No next step yet" is the empty choice.
    nextStep: ladderStep.optional().transform((value) => value ?? null),
    note: optionalText(1000).transform((note) => note || null),
  })
  .superRefine((value, ctx) => {
    if (value.intent === 'change' && (!value.placementId || value.version === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'validation_failed' })
  })

const RemovePlacementForm = z.object({ intent: z.literal('remove'), placementId: idField, version: versionField })

export const PillarForms = z.discriminatedUnion('intent', [PlacementSchema, RemovePlacementForm])
