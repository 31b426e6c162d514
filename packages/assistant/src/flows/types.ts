import type { z } from 'zod'
import type { Analysis, DomainScore, Locale, StrengthForm } from '@kracht/language'
import type { TextCatalogue } from '../prompts'
import type { ConversationContext, FlowId, Proposal, StepInput, StepOption } from '../types'

/** What a flow may use while it builds a step or handles an answer. */
export interface FlowEnv {
  locale: Locale
  texts: TextCatalogue
  context: ConversationContext
  analyze(text: string): Analysis
  /**
   * Ranked life domains for a sentence, read with the whole conversation (people named earlier,
   * what the client was talking about). `before`: earlier sentences of the same answer.
   */
  suggestDomains(sentence: string, before: readonly string[]): DomainScore[]
  /** Names the client used (kept as written after a sentence starter). */
  knownNames: readonly string[]
  /** Number of turns so far: picks a variant of a text, for a little variety. */
  turn: number
  /** A fresh proposal id. */
  newId(): string
}

/**
 * An answer after the engine has screened and sorted it. Empty answers never reach a flow
 * (the engine re-asks); `text` may be empty when `choices` are given.
 */
export type ParsedAnswer =
  | { kind: 'text'; text: string; choices: string[] }
  | { kind: 'skip' }
  | { kind: 'dont_know' }

export interface StepSpec {
  id: string
  question: string
  hint: string | null
  input: StepInput
  options: StepOption[]
  allowText: boolean
  /** For a model: the form of the drafts this step proposes, if any. */
  form: StrengthForm | null
}

export interface StepOutcome<D> {
  data: D
  next: string | null
  proposals: Proposal[]
  feedback: string[]
  /** The answer was not understood (e.g. no option matched): ask again, change nothing. */
  reask?: boolean
}

/** A flow: a declarative set of steps over its own small, JSON-only data. */
export interface FlowDefinition<D> {
  id: FlowId
  dataSchema: z.ZodType<D>
  start(env: FlowEnv): { data: D; stepId: string; intro: string[] }
  step(stepId: string, data: D, env: FlowEnv): StepSpec | null
  answer(stepId: string, data: D, answer: ParsedAnswer, env: FlowEnv): StepOutcome<D>
  /** Names of people the client mentioned, to keep out of model prompts. */
  names?(data: D): string[]
}

/** A flow with its data type erased, for the registry. Data is checked with the flow's schema. */
export interface Flow {
  id: FlowId
  start(env: FlowEnv): { data: Record<string, unknown>; stepId: string; intro: string[] }
  isValidData(data: unknown): boolean
  step(stepId: string, data: unknown, env: FlowEnv): StepSpec | null
  answer(stepId: string, data: unknown, answer: ParsedAnswer, env: FlowEnv): StepOutcome<Record<string, unknown>>
  names(data: unknown): string[]
}

export function defineFlow<D extends Record<string, unknown>>(def: FlowDefinition<D>): Flow {
  const parse = (data: unknown): D => def.dataSchema.parse(data)
  return {
    id: def.id,
    start: (env) => def.start(env),
    isValidData: (data) => def.dataSchema.safeParse(data).success,
    step: (stepId, data, env) => def.step(stepId, parse(data), env),
    answer: (stepId, data, answer, env) => def.answer(stepId, parse(data), answer, env),
    names: (data) => {
      const parsed = def.dataSchema.safeParse(data)
      return parsed.success && def.names ? def.names(parsed.data) : []
    },
  }
}
