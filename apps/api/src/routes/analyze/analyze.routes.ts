import { createRoute, z } from '@hono/zod-openapi'
import { crisisKinds, crisisLevels, domainIds, locales, strengthForms } from '@kracht/language'
import { commonProblems, jsonBody, jsonResponse, TextSchema } from '../../lib/schemas'
import { SafetyScreenSchema } from '../../lib/safety-schema'

export const AnalyzeBody = z
  .object({
    text: TextSchema.max(2000, 'text_too_long').openapi({ example: 'ik ben niet lui' }),
    locale: z.enum(locales, { message: 'unknown_locale' }).default('nl'),
  })
  .openapi('AnalyzeBody')

const Span = { start: z.number().int(), end: z.number().int() }

export const AnalysisSchema = z
  .object({
    locale: z.enum(locales),
    person: z.enum(['first', 'other', 'none']),
    negative: z.boolean(),
    negations: z.array(z.object({ word: z.string(), ...Span })),
    form: z.enum(strengthForms).nullable(),
    domains: z.array(z.object({ id: z.enum(domainIds), score: z.number() })),
    // level: 'alarm' shows help at once, 'check_in' asks gently with the help lines beside the question.
    crisis: z.object({ detected: z.boolean(), kind: z.enum(crisisKinds).nullable(), level: z.enum(crisisLevels).nullable(), kinds: z.array(z.enum(crisisKinds)) }),
    deficitTerms: z.array(z.object({ term: z.string(), alternative: z.string().nullable(), ...Span })),
    suggestions: z.array(z.object({ kind: z.enum(['negation', 'person', 'deficit', 'detail', 'form']), message: z.string() })),
    wordCount: z.number().int(),
    // The same screen a save runs (both languages), with the help lines that fit: the portal shows
    // the one shared help card while the client types, before anything is saved.
    safety: SafetyScreenSchema,
  })
  .openapi('Analysis')

export const analyze = createRoute({
  operationId: 'analyze',
  method: 'post',
  path: '/analyze',
  tags: ['Language'],
  summary: 'Analyse a statement: first person, negations, form of strength, life domains, crisis signals, gentle suggestions',
  request: { body: jsonBody(AnalyzeBody) },
  responses: {
    200: jsonResponse(AnalysisSchema, 'The analysis (offline, no model)'),
    400: commonProblems[400],
    401: commonProblems[401],
  },
})
