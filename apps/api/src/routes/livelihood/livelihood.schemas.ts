import { z } from '@hono/zod-openapi'
import { MONEY_MAX_LINES } from '@kracht/db'
import { bridgePillars, moneyHelperKinds } from '@kracht/method'
import { LineSchema, TextSchema } from '../../lib/schemas'

export const ClientParams = z.object({ clientId: z.string().uuid() })
export const PlacementParams = ClientParams.extend({ placementId: z.string().uuid() })
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) })

/** How long the client's own words may be: a note on a placement, one line of the money page, the money note. */
export const PLACEMENT_NOTE_MAX = 500
export const MONEY_LINE_MAX = 200
export const MONEY_NOTE_MAX = 2000
/** A million euros a month, in cents: a typo beyond that is refused with a clear message. */
const AMOUNT_MAX_CENTS = 100_000_000

// Messages are codes ("unknown_pillar", "step_out_of_range"): the portal shows each beside its field.
export const Pillar = z
  .enum(bridgePillars, { message: 'unknown_pillar' })
  .openapi({ description: 'family (family stability), wellbeing, money (financial management), education (education and training), work (work and career)' })
const Step = z
  .number({ message: 'step_out_of_range' })
  .int('step_out_of_range')
  .min(1, 'step_out_of_range')
  .max(5, 'step_out_of_range')
export const StepOnLadder = Step.openapi({ description: 'A step of the pillar\'s ladder, 1 to 5, in the client\'s own view. Step 1 is a starting point, not a grade.' })
export const NextStep = Step.nullable().openapi({ description: 'Where the client wants to go next on this pillar; null when they choose nothing' })
const Note = TextSchema.trim().max(PLACEMENT_NOTE_MAX, 'too_long').openapi({ description: "A few words of the client's own; empty for none" })

export const PlacementBody = z
  .object({
    pillar: Pillar,
    step: StepOnLadder,
    nextStep: NextStep.default(null),
    note: Note.nullish().transform((note) => note || null),
    after: z.string().uuid().nullable().openapi({ description: 'The id of the placement the client saw as current on this pillar, or null when there was none: another one means the page was stale (409)' }),
  })
  .strict()
  .openapi('BridgePlacementBody', { example: { pillar: 'money', step: 2, nextStep: 3, note: 'Ik heb een overzicht van mijn rekeningen', after: null } })

export const PlacementPatch = z
  .object({ version: z.number().int().min(1), step: StepOnLadder.optional(), nextStep: NextStep.optional(), note: Note.nullable().optional() })
  .strict()
  .openapi('BridgePlacementPatch', { example: { version: 1, nextStep: 4 } })

export const PlacementSchema = z
  .object({
    id: z.string().uuid(),
    pillar: Pillar,
    step: z.number().int(),
    nextStep: z.number().int().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    placedAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('BridgePlacement')

export const BridgeSchema = z
  .object({
    clientId: z.string().uuid(),
    pillars: z.array(
      z.object({
        pillar: Pillar,
        current: PlacementSchema.nullable().openapi({ description: 'Where the client stands now (the newest placement)' }),
        history: z.array(PlacementSchema).openapi({ description: 'Every placement on this pillar, oldest first' }),
      }),
    ),
  })
  .openapi('Bridge')

const Line = LineSchema.trim().min(1, 'required').max(MONEY_LINE_MAX, 'too_long')
const OptionalLine = LineSchema.trim()
  .max(MONEY_LINE_MAX, 'too_long')
  .nullish()
  .transform((line) => line || null)
const Amount = z
  .number({ message: 'invalid_amount' })
  .int('invalid_amount')
  .min(0, 'invalid_amount')
  .max(AMOUNT_MAX_CENTS, 'invalid_amount')
  .nullish()
  .transform((amount) => amount ?? null)
  .openapi({ description: 'Euro cents per month; optional, null when the client leaves it out' })
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MONEY_MAX_LINES, 'too_many_lines')

const money = {
  income: list(z.object({ source: Line, amountCents: Amount }).strict()).openapi({ description: 'Where money comes in from' }),
  fixedCosts: list(z.object({ what: Line, amountCents: Amount }).strict()).openapi({ description: 'What goes out every month' }),
  debts: list(z.object({ toWhom: Line, amountCents: Amount, arrangement: OptionalLine }).strict()).openapi({ description: 'Debts: to whom, how much, what was arranged' }),
  helpers: list(z.object({ kind: z.enum(moneyHelperKinds, { message: 'unknown_helper' }), name: OptionalLine }).strict()).openapi({
    description: 'Who helps: budget_coach, debt_help (schuldhulp), administrator (bewindvoerder), network (a person from the VIP card), other (own words)',
  }),
  note: TextSchema.trim().max(MONEY_NOTE_MAX, 'too_long').default(''),
}

export const MoneyBody = z
  .object({ version: z.number().int().min(0), ...money })
  .strict()
  .openapi('MoneyPageBody', {
    example: {
      version: 0,
      income: [{ source: 'Bijstand', amountCents: null }],
      fixedCosts: [{ what: 'Huur', amountCents: 52000 }],
      debts: [{ toWhom: 'Zorgverzekeraar', amountCents: null, arrangement: 'Ik betaal elke maand een beetje' }],
      helpers: [{ kind: 'budget_coach', name: 'Fatima' }],
      note: '',
    },
  })

export const MoneySchema = z
  .object({
    clientId: z.string().uuid(),
    income: z.array(z.object({ source: z.string(), amountCents: z.number().int().nullable() })),
    fixedCosts: z.array(z.object({ what: z.string(), amountCents: z.number().int().nullable() })),
    debts: z.array(z.object({ toWhom: z.string(), amountCents: z.number().int().nullable(), arrangement: z.string().nullable() })),
    helpers: z.array(z.object({ kind: z.enum(moneyHelperKinds), name: z.string().nullable() })),
    note: z.string(),
    version: z.number().int().openapi({ description: '0 before the first save' }),
    updatedAt: z.string().datetime().nullable(),
    /** Only for the client: names on their VIP card, to pick a helper from. */
    networkNames: z.array(z.string()).optional(),
  })
  .openapi('MoneyPage')
