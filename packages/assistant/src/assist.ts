import type { Locale } from '@kracht/language'
import { analyze } from '@kracht/language'
import { answerStep, currentStep, namesOf, parseState, startConversation } from './engine'
import type { AnswerOptions, StartOptions } from './engine'
import { callModel } from './model'
import type { AssistantModel } from './model'
import { loadTexts, renderPrompt } from './prompts'
import { checkModelText } from './output-check'
import { createPseudonymiser, placeholderCounts } from './pseudonymise'
import type { PiiKind, Pseudonymiser } from './pseudonymise'
import { screen } from './safety'
import { answerInputSchema } from './types'
import type { AiFallbackReason, AiInfo, GoalProposal, Proposal, StartResult, StatementProposal, StepResult, StepView } from './types'
import { normalise, starterOf } from './wording'

export interface ModelOptions {
  /** The model (see `createModelFromEnv`); null or undefined: offline. */
  model?: AssistantModel | null
  /** True only when the client turned AI help on. False: the model is never called. */
  aiEnabled: boolean
  /** Default 6 s (`DEFAULT_MODEL_TIMEOUT_MS`); after it the offline step is used. */
  timeoutMs?: number
  abortSignal?: AbortSignal
  /** More names to keep out of the prompt (the conversation's own names are always added). */
  knownNames?: string[]
  /** The client's organisation(s) ("Stichting De Brug"): masked wherever they appear. */
  organisations?: string[]
  /**
   * Called once per model call, after it ended, with what a disclosure record keeps: the kinds
   * and counts of placeholders sent, the outcome and the time it took. Never any text.
   */
  onModelCall?: (report: ModelCallReport) => void | Promise<void>
}

export type ModelCallOutcome = 'used' | 'discarded' | 'timeout' | 'error'

export interface ModelCallReport {
  placeholders: Partial<Record<PiiKind, number>>
  outcome: ModelCallOutcome
  /** Why a reply was discarded (or the failure), null when used. */
  reason: AiFallbackReason | null
  latencyMs: number
}

/** At most this many model reformulations per answer. */
const MAX_SUGGESTIONS = 3
const MAX_QUESTION_LENGTH = 400

const PROMPT_SYSTEM = 'assistant-system'
const PROMPT_TURN = 'assistant-turn'

interface Phrasing {
  question: string | null
  reformulations: string[]
}

type PhraseVars = { flow: string; previousQuestion: string | null; answer: string | null; drafts: string[]; nextQuestion: string | null; form: string | null }

/**
 * Hands the report to the caller (the disclosure record). If it cannot be kept, the reply is not
 * used: nothing a model wrote reaches the client without its record.
 */
async function report(options: ModelOptions, value: ModelCallReport): Promise<boolean> {
  if (!options.onModelCall) return true
  try {
    await options.onModelCall(value)
    return true
  } catch {
    return false
  }
}

/**
 * Checks the whole reply; one failing field discards all of it (the offline wording is used).
 * Checked on the model's own text; the client's values are put back only after every check passed.
 */
function checkReply(
  output: { question: string; reformulations: string[] },
  vars: PhraseVars,
  masked: { nextQuestion: string | null; source: string },
  p: Pseudonymiser,
  locale: Locale,
): Phrasing | { rejected: AiFallbackReason } {
  let question: string | null = null
  if (vars.nextQuestion && masked.nextQuestion && output.question.trim()) {
    const checked = checkModelText(output.question, { p, locale, maxLength: MAX_QUESTION_LENGTH, source: masked.nextQuestion, offline: masked.nextQuestion })
    if (!checked.ok) return { rejected: checked.reason }
    question = checked.text
  }
  const reformulations: string[] = []
  const seen = new Set([vars.answer, ...vars.drafts].filter((t): t is string => t !== null).map(normalise))
  for (const raw of vars.drafts.length > 0 ? output.reformulations : []) {
    const checked = checkModelText(raw, { p, locale, maxLength: 600, source: masked.source })
    if (!checked.ok) return { rejected: checked.reason }
    const key = normalise(checked.text)
    if (seen.has(key)) continue
    // Positive formulations only (no "niet"/"geen"): such a draft is left out, the rest stays.
    if (analyze(checked.text, { locale }).negative) continue
    seen.add(key)
    if (reformulations.length < MAX_SUGGESTIONS) reformulations.push(checked.text)
  }
  return { question, reformulations }
}

async function phrase(
  options: ModelOptions & { locale: Locale; model: AssistantModel },
  names: string[],
  vars: PhraseVars,
): Promise<Phrasing | { failed: AiFallbackReason }> {
  // The crisis screen first, on everything that would be sent that a person or a model wrote: nothing it
  // flags leaves the server. The next question is the flow's own text (a name in it is masked); round 9's
  // classifier asks about the English miracle question ("while you were asleep"), which would have
  // kept AI help from every English miracle conversation.
  const outgoing = [vars.previousQuestion, vars.answer, ...vars.drafts].filter((t): t is string => Boolean(t))
  if (outgoing.some((text) => screen(text, options.locale, options.organisations ?? []) !== null)) return { failed: 'crisis' }

  const texts = loadTexts(options.locale)
  const p = createPseudonymiser({ names: [...names, ...(options.knownNames ?? [])], organisations: options.organisations ?? [] })
  const none = texts.t('model.none')
  const masked = {
    previousQuestion: vars.previousQuestion ? p.mask(vars.previousQuestion) : null,
    answer: vars.answer ? p.mask(vars.answer) : null,
    drafts: vars.drafts.map((d) => p.mask(d)),
    nextQuestion: vars.nextQuestion ? p.mask(vars.nextQuestion) : null,
  }
  const prompt = renderPrompt(PROMPT_TURN, options.locale, {
    flow: vars.flow,
    previousQuestion: masked.previousQuestion ?? none,
    answer: masked.answer ?? none,
    drafts: masked.drafts.length > 0 ? masked.drafts.map((d) => `- ${d}`).join('\n') : none,
    nextQuestion: masked.nextQuestion ?? none,
    form: vars.form ?? none,
  })
  const system = renderPrompt(PROMPT_SYSTEM, options.locale)
  const placeholders = placeholderCounts(p)
  const started = performance.now()
  const result = await callModel({
    model: options.model,
    system,
    prompt,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
  })
  const latencyMs = Math.round(performance.now() - started)
  if (!result.ok) {
    const outcome: ModelCallOutcome = result.reason === 'timeout' ? 'timeout' : result.reason === 'error' ? 'error' : 'discarded'
    await report(options, { placeholders, outcome, reason: result.reason, latencyMs })
    return { failed: result.reason }
  }
  const source = [masked.answer, ...masked.drafts, vars.form].filter((t): t is string => Boolean(t)).join('\n')
  const checked = checkReply(result.output, vars, { nextQuestion: masked.nextQuestion, source }, p, options.locale)
  if ('rejected' in checked) {
    await report(options, { placeholders, outcome: 'discarded', reason: checked.rejected, latencyMs })
    return { failed: checked.rejected }
  }
  if (!(await report(options, { placeholders, outcome: 'used', reason: null, latencyMs }))) return { failed: 'error' }
  return checked
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
  const organisations = [...(options.organisations ?? []), ...(started.state.context.organisations ?? [])]
  const phrased = await phrase({ ...options, model, locale: started.state.locale, organisations }, namesOf(started.state), {
    flow: texts.t(`flow.${started.state.flow}`),
    previousQuestion: null,
    answer: null,
    drafts: [],
    nextQuestion: started.step.question,
    form: null,
  })
  if ('failed' in phrased) return { ...started, ai: { used: false, fallback: phrased.failed } }
  const step = withQuestion(started.step, phrased.question) ?? started.step
  return { ...started, step, ai: { used: phrased.question !== null, fallback: null } }
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

  const organisations = [...(options.organisations ?? []), ...(result.state.context.organisations ?? [])]
  const phrased = await phrase({ ...options, model, locale, organisations }, namesOf(parseState(result.state)), {
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
    ai: { used: phrased.question !== null || suggestions.length > 0, fallback: null },
  }
}
