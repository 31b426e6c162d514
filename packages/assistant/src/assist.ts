import type { Locale } from '@kracht/language'
import { analyze } from '@kracht/language'
import { answerStep, currentStep, namesOf, parseState, startConversation } from './engine'
import type { AnswerOptions, StartOptions } from './engine'
import { callModel } from './model'
import type { AssistantModel, ModelFailure } from './model'
import { loadTexts, renderPrompt } from './prompts'
import { createPseudonymiser } from './pseudonymise'
import type { Pseudonymiser } from './pseudonymise'
import { screen } from './safety'
import { answerInputSchema } from './types'
import type { AiFallbackReason, AiInfo, GoalProposal, Proposal, StartResult, StatementProposal, StepResult, StepView } from './types'
import { normalise, starterOf } from './wording'

export interface ModelOptions {
  /** The model (see `createModelFromEnv`); null or undefined: offline. */
  model?: AssistantModel | null
  /** True only when the client turned AI help on. False: the model is never called. */
  aiEnabled: boolean
  /** Default 15 s; after it the offline step is used. */
  timeoutMs?: number
  abortSignal?: AbortSignal
  /** More names to keep out of the prompt (the conversation's own names are always added). */
  knownNames?: string[]
}

/** At most this many model reformulations per answer. */
const MAX_SUGGESTIONS = 3
const MAX_QUESTION_LENGTH = 400

const PROMPT_SYSTEM = 'assistant-system'
const PROMPT_TURN = 'assistant-turn'

interface Phrasing {
  question: string | null
  reformulations: string[]
  fallback: AiFallbackReason | null
}

/**
 * A model text is used only when it is not empty, has no placeholder the model made up, the
 * crisis screen stays quiet on it and it has no deficit word.
 */
function acceptModelText(raw: string, p: Pseudonymiser, locale: Locale, maxLength: number): { text: string } | { rejected: AiFallbackReason } {
  const trimmed = raw.trim()
  if (!trimmed || trimmed.length > maxLength) return { rejected: 'invalid_output' }
  if (p.unknownPlaceholders(trimmed).length > 0) return { rejected: 'invalid_output' }
  const text = p.restore(trimmed)
  if (screen(text, locale) !== null) return { rejected: 'screened' }
  // Never a word that makes the client small.
  if (analyze(text, { locale }).deficitTerms.length > 0) return { rejected: 'screened' }
  return { text }
}

async function phrase(
  options: ModelOptions & { locale: Locale; model: AssistantModel },
  names: string[],
  vars: { flow: string; previousQuestion: string | null; answer: string | null; drafts: string[]; nextQuestion: string | null; form: string | null },
): Promise<Phrasing | { failed: ModelFailure }> {
  const texts = loadTexts(options.locale)
  const p = createPseudonymiser([...names, ...(options.knownNames ?? [])])
  const none = texts.t('model.none')
  const prompt = renderPrompt(PROMPT_TURN, options.locale, {
    flow: vars.flow,
    previousQuestion: vars.previousQuestion ? p.mask(vars.previousQuestion) : none,
    answer: vars.answer ? p.mask(vars.answer) : none,
    drafts: vars.drafts.length > 0 ? vars.drafts.map((d) => `- ${p.mask(d)}`).join('\n') : none,
    nextQuestion: vars.nextQuestion ? p.mask(vars.nextQuestion) : none,
    form: vars.form ?? none,
  })
  const system = renderPrompt(PROMPT_SYSTEM, options.locale)
  const result = await callModel({
    model: options.model,
    system,
    prompt,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
  })
  if (!result.ok) return { failed: result.reason }

  let fallback: AiFallbackReason | null = null
  let question: string | null = null
  if (vars.nextQuestion && result.output.question.trim()) {
    const accepted = acceptModelText(result.output.question, p, options.locale, MAX_QUESTION_LENGTH)
    if ('text' in accepted) question = accepted.text
    else fallback = accepted.rejected
  }
  const reformulations: string[] = []
  const seen = new Set([vars.answer, ...vars.drafts].filter((t): t is string => t !== null).map(normalise))
  for (const raw of vars.drafts.length > 0 ? result.output.reformulations : []) {
    const accepted = acceptModelText(raw, p, options.locale, 600)
    if (!('text' in accepted)) {
      fallback ??= accepted.rejected
      continue
    }
    const key = normalise(accepted.text)
    if (seen.has(key)) continue
    // Positive formulations only (no "niet"/"geen").
    if (analyze(accepted.text, { locale: options.locale }).negative) continue
    seen.add(key)
    reformulations.push(accepted.text)
    if (reformulations.length >= MAX_SUGGESTIONS) break
  }
  return { question, reformulations, fallback }
}

function withQuestion(step: StepView | null, question: string | null): StepView | null {
  if (!step || !question) return step
  return { ...step, question, phrasedBy: 'model' }
}

/**
 * Starts a flow like `startConversation`; with AI help on, a model phrases the first question.
 * Any model failure leaves the offline question.
 */
export async function startConversationWithModel(options: StartOptions & ModelOptions): Promise<StartResult> {
  const started = startConversation(options)
  const disabled: AiInfo = { used: false, fallback: 'disabled' }
  const model = options.model
  if (!options.aiEnabled || !model) return { ...started, ai: disabled }
  const texts = loadTexts(started.state.locale)
  const phrased = await phrase({ ...options, model, locale: started.state.locale }, namesOf(started.state), {
    flow: texts.t(`flow.${started.state.flow}`),
    previousQuestion: null,
    answer: null,
    drafts: [],
    nextQuestion: started.step.question,
    form: null,
  })
  if ('failed' in phrased) return { ...started, ai: { used: false, fallback: phrased.failed } }
  const step = withQuestion(started.step, phrased.question) ?? started.step
  return { ...started, step, ai: { used: phrased.question !== null, fallback: phrased.fallback } }
}

/**
 * Answers a step like `answerStep` (same checks, same errors, the crisis screen first), then,
 * only when AI help is on and the turn is not a crisis turn, lets a model phrase the next
 * question and propose positive ik-sentences as extra drafts (`source: 'assistant_suggestion'`,
 * `alternativeTo` the client's own draft). Personal data is replaced by placeholders before the
 * prompt leaves the server and put back after. A failure, a time-out or a model text the crisis
 * screen flags falls back to the offline result: the conversation never breaks.
 */
export async function answerStepWithModel(
  stateInput: unknown,
  answerInput: unknown,
  options: AnswerOptions & ModelOptions,
): Promise<StepResult> {
  let previous: StepView | null = null
  try {
    previous = currentStep(stateInput, options)
  } catch {
    previous = null // answerStep reports the problem.
  }
  const result = answerStep(stateInput, answerInput, options)
  if (result.outcome === 'crisis') return { ...result, ai: { used: false, fallback: 'crisis' } }
  const model = options.model
  if (!options.aiEnabled || !model) return { ...result, ai: { used: false, fallback: 'disabled' } }
  if (result.outcome === 'clarified') return result

  const target = result.proposals.find((p): p is StatementProposal | GoalProposal => p.kind === 'statement' || p.kind === 'goal')
  if (!result.step && !target) return result

  const locale = result.state.locale
  const texts = loadTexts(locale)
  const answer = answerInputSchema.safeParse(answerInput)
  const answerText = result.outcome === 'answered' && answer.success ? (answer.data.text ?? null) : null
  const drafts = result.proposals.flatMap((p) => (p.kind === 'statement' || p.kind === 'goal' ? [p.text] : []))
  const form = target ? starterOf(target.kind === 'goal' ? 'i_want' : target.form, locale) : null

  const phrased = await phrase({ ...options, model, locale }, namesOf(parseState(result.state)), {
    flow: texts.t(`flow.${result.state.flow}`),
    previousQuestion: previous?.question ?? null,
    answer: answerText,
    drafts,
    nextQuestion: result.step?.question ?? null,
    form: form ? `${form} …` : null,
  })
  if ('failed' in phrased) return { ...result, ai: { used: false, fallback: phrased.failed } }

  let seq = result.state.seq
  const suggestions: Proposal[] = target
    ? phrased.reformulations.map((text) => ({ ...target, id: `${result.state.id}-${++seq}`, text, source: 'assistant_suggestion', alternativeTo: target.id }))
    : []
  return {
    ...result,
    state: { ...result.state, seq },
    step: withQuestion(result.step, phrased.question),
    proposals: [...result.proposals, ...suggestions],
    ai: { used: phrased.question !== null || suggestions.length > 0, fallback: phrased.fallback },
  }
}
