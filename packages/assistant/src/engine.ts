import { analyze, domainIds, domainsInConversation, locales, peopleIn } from '@kracht/language'
import type { DomainId, Locale } from '@kracht/language'
import { domainInSet } from '@kracht/method'
import { AssistantError } from './errors'
import { flows } from './flows'
import type { Flow, FlowEnv, ParsedAnswer, StepSpec } from './flows'
import { loadTexts } from './prompts'
import type { TextCatalogue } from './prompts'
import { buildSafety, isClarification, screen } from './safety'
import {
  MAX_ANSWER_LENGTH,
  answerInputSchema,
  conversationContextSchema,
  conversationStateSchema,
  flowIds,
} from './types'
import type {
  AnswerInput,
  ConversationState,
  FlowId,
  Proposal,
  Safety,
  StartResult,
  StepResult,
  StepView,
  Summary,
  TurnOutcome,
} from './types'
import { charLength, isDontKnowText, isSkipText } from './wording'

const HISTORY_LIMIT = 500

export interface StartOptions {
  /** One of `flowIds`; anything else is an `unknown_flow` error. */
  flow: string
  locale?: Locale
  /** Domains (strengths), priority (goal), names to protect. See `conversationContextSchema`. */
  context?: unknown
  /** The conversation id (proposal ids start with it). Default: a random UUID. */
  id?: string
}

export interface AnswerOptions {
  /** The client's language for this turn; default: the conversation's. */
  locale?: Locale
}

export function isFlowId(value: unknown): value is FlowId {
  return typeof value === 'string' && (flowIds as readonly string[]).includes(value)
}

function flowOf(id: string): Flow {
  if (!isFlowId(id)) throw new AssistantError('unknown_flow', `unknown flow "${id}"`)
  return flows[id]
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

function makeEnv(state: ConversationState, texts: TextCatalogue, flow: Flow): FlowEnv & { seq(): number } {
  let seq = state.seq
  const knownNames = [...new Set([...namesOf(state, flow), ...earlierWords(state).flatMap((t) => peopleIn(t, texts.locale).flatMap((p) => (p.name ? [p.name] : [])))])]
  return {
    locale: texts.locale,
    texts,
    context: state.context,
    analyze: (text) => analyze(text, { locale: texts.locale }),
    suggestDomains: (sentence, before) => domainsInConversation(sentence, { earlier: earlierWords(state), before, chosen: chosenDomains(state) }, texts.locale),
    knownNames,
    turn: state.history.length,
    newId: () => `${state.id}-${++seq}`,
    seq: () => seq,
  }
}

/** The client's own words earlier in this conversation, oldest first (never a model's rewording). */
function earlierWords(state: ConversationState): string[] {
  return state.proposals.flatMap((p) => {
    if (p.source !== 'assistant') return []
    if (p.kind === 'statement' || p.kind === 'goal' || p.kind === 'safety_plan_line') return [p.text]
    if (p.kind === 'network_person') return [p.note ?? p.name]
    return [p.what]
  })
}

/** Life domains the client chose or the flow was started on, as the analysis knows them (Krachtwerk's ten). */
function chosenDomains(state: ConversationState): DomainId[] {
  const priority = state.context.priority?.domain
  return [...(state.context.domains ?? []), ...(priority ? [priority] : [])].flatMap((d) => domainIds.find((k) => k === domainInSet('krachtwerk', d)) ?? [])
}

/** Every name the client mentioned in this conversation (to keep out of model prompts). */
export function namesOf(state: ConversationState, flow: Flow = flowOf(state.flow)): string[] {
  const names = [
    ...(state.context.clientName ? [state.context.clientName] : []),
    ...(state.context.knownNames ?? []),
    ...flow.names(state.data),
    ...state.proposals.flatMap((p) => (p.kind === 'network_person' ? [p.name] : [])),
  ]
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))]
}

function toView(spec: StepSpec, flow: FlowId): StepView {
  return {
    id: spec.id,
    flow,
    question: spec.question,
    hint: spec.hint,
    input: spec.input,
    options: spec.options,
    allowText: spec.allowText,
    canSkip: true,
    phrasedBy: 'offline',
    offlineQuestion: spec.question,
  }
}

interface Loaded {
  state: ConversationState
  flow: Flow
}

/**
 * Reads a stored state (a plain object, e.g. from JSON in a database). Throws `unknown_flow`
 * or `invalid_state`.
 */
export function parseState(input: unknown): ConversationState {
  return load(input).state
}

function load(input: unknown): Loaded {
  const parsed = conversationStateSchema.safeParse(input)
  if (!parsed.success) {
    throw new AssistantError('invalid_state', `state does not match the schema: ${parsed.error.issues[0]?.message ?? ''}`)
  }
  const state = parsed.data
  const flow = flowOf(state.flow)
  if (!flow.isValidData(state.data)) throw new AssistantError('invalid_state', `state data does not fit flow ${state.flow}`)
  if (state.status === 'active' && state.stepId === null) throw new AssistantError('invalid_state', 'active state without a step')
  if (state.status === 'finished' && state.stepId !== null) throw new AssistantError('invalid_state', 'finished state with a step')
  if (state.stepId !== null) {
    const texts = loadTexts(state.locale)
    if (flow.step(state.stepId, state.data, makeEnv(state, texts, flow)) === null) {
      throw new AssistantError('invalid_state', `step "${state.stepId}" does not fit flow ${state.flow}`)
    }
  }
  return { state, flow }
}

function viewOf(loaded: Loaded, texts: TextCatalogue): StepView | null {
  const { state, flow } = loaded
  if (state.stepId === null) return null
  const spec = flow.step(state.stepId, state.data, makeEnv(state, texts, flow))
  if (!spec) throw new AssistantError('invalid_state', `step "${state.stepId}" does not fit flow ${state.flow}`)
  return toView(spec, flow.id)
}

/** Starts a flow: `{ state, step, intro }`. Nothing is saved; store `state` yourself. */
export function startConversation(options: StartOptions): StartResult {
  const flow = flowOf(options.flow)
  const locale: Locale = options.locale ?? 'nl'
  if (!isLocale(locale)) throw new AssistantError('invalid_context', `unknown locale "${String(locale)}"`)
  const context = conversationContextSchema.safeParse(options.context ?? {})
  if (!context.success) {
    throw new AssistantError('invalid_context', `bad context: ${context.error.issues[0]?.message ?? ''}`)
  }
  const texts = loadTexts(locale)
  const id = options.id ?? crypto.randomUUID()
  const draft: ConversationState = {
    version: 1,
    id,
    flow: flow.id,
    locale,
    status: 'active',
    stepId: null,
    context: context.data,
    data: {},
    seq: 0,
    reasks: 0,
    history: [],
    proposals: [],
    safety: null,
  }
  const started = flow.start(makeEnv(draft, texts, flow))
  const state: ConversationState = { ...draft, data: started.data, stepId: started.stepId }
  const step = viewOf({ state, flow }, texts)
  if (!step) throw new AssistantError('invalid_state', 'flow started without a step')
  return { state, step, intro: started.intro, ai: { used: false, fallback: null } }
}

/** The step waiting for an answer (null when finished), e.g. to show it again after a reload. */
export function currentStep(stateInput: unknown, options: AnswerOptions = {}): StepView | null {
  const loaded = load(stateInput)
  return viewOf(loaded, loadTexts(options.locale ?? loaded.state.locale))
}

export interface ResumeResult {
  state: ConversationState
  step: StepView | null
  /** A welcome-back line (or the summary's title when the flow already finished). */
  intro: string[]
  safety: Safety | null
  summary: Summary | null
}

/** Picks a stored conversation up where it stopped, days later. */
export function resumeConversation(stateInput: unknown, options: AnswerOptions = {}): ResumeResult {
  const loaded = load(stateInput)
  const locale = options.locale ?? loaded.state.locale
  const texts = loadTexts(locale)
  const state = { ...loaded.state, locale }
  const step = viewOf({ state, flow: loaded.flow }, texts)
  return {
    state,
    step,
    intro: [texts.t(step ? 'resume' : 'resume.finished')],
    safety: state.safety ? buildSafety(state.safety.kind, false, texts) : null,
    summary: step ? null : buildSummary(state, texts),
  }
}

/** The organisation names in a state not yet checked (the screen runs before any check). */
export function organisationsOf(stateInput: unknown): string[] {
  const parsed = conversationStateSchema.shape.context.safeParse((stateInput as { context?: unknown } | null)?.context)
  return parsed.success ? (parsed.data.organisations ?? []) : []
}

function parseAnswerInput(input: unknown): AnswerInput {
  const parsed = answerInputSchema.safeParse(input)
  if (!parsed.success) throw new AssistantError('invalid_answer', `bad answer: ${parsed.error.issues[0]?.message ?? ''}`)
  return parsed.data
}

function sortAnswer(answer: AnswerInput): ParsedAnswer | null {
  if (answer.skip) return { kind: 'skip' }
  if (answer.dontKnow) return { kind: 'dont_know' }
  const text = answer.text ?? ''
  const choices = answer.choices ?? []
  if (choices.length === 0) {
    if (isSkipText(text)) return { kind: 'skip' }
    if (isDontKnowText(text)) return { kind: 'dont_know' }
    if (!text.trim()) return null
  }
  return { kind: 'text', text: text.trim(), choices }
}

function pushHistory(state: ConversationState, stepId: string, outcome: TurnOutcome): ConversationState['history'] {
  return [...state.history, { stepId, outcome }].slice(-HISTORY_LIMIT)
}

function carriedSafety(state: ConversationState, texts: TextCatalogue): Safety | null {
  return state.safety ? buildSafety(state.safety.kind, false, texts) : null
}

/**
 * Every turn's result is built here, so each outcome carries the same fields: the step shown next
 * comes from the new state, and the offline engine never used a model.
 */
function turnResult(
  loaded: Loaded,
  texts: TextCatalogue,
  turn: Pick<StepResult, 'feedback' | 'proposals' | 'safety' | 'outcome' | 'summary'>,
): StepResult {
  return { state: loaded.state, step: viewOf(loaded, texts), ...turn, ai: { used: false, fallback: null } }
}

/**
 * Answers the current step, offline (no model). Order: the crisis screen first, on every text;
 * then checks; then the flow. Returns the next step (or the same one on a re-ask or a crisis),
 * feedback lines, draft proposals and, once the screen fired in this conversation, `safety`.
 *
 * Errors (`AssistantError`): invalid_answer, invalid_state, unknown_flow, flow_finished,
 * step_mismatch, answer_too_long. When the screen fired on the answer, the error's `safety`
 * is set: show it. (A crisis answer to a usable state always gets a crisis result, not an error.)
 */
export function answerStep(stateInput: unknown, answerInput: unknown, options: AnswerOptions = {}): StepResult {
  const stateLocale = typeof stateInput === 'object' && stateInput !== null && 'locale' in stateInput ? stateInput.locale : undefined
  const locale: Locale = options.locale ?? (isLocale(stateLocale) ? stateLocale : 'nl')
  const texts = loadTexts(locale)

  // 1. Safety first: screen the text before anything else looks at it, even before the checks.
  const rawText = typeof answerInput === 'object' && answerInput !== null && 'text' in answerInput ? answerInput.text : undefined
  const crisis = typeof rawText === 'string' ? screen(rawText, locale, organisationsOf(stateInput)) : null

  let answer: AnswerInput
  let loaded: Loaded
  try {
    answer = parseAnswerInput(answerInput)
    loaded = load(stateInput)
  } catch (error) {
    if (crisis && error instanceof AssistantError) error.safety = buildSafety(crisis, true, texts)
    throw error
  }
  const { flow } = loaded
  let state: ConversationState = { ...loaded.state, locale }

  if (crisis) {
    state = {
      ...state,
      safety: { kind: crisis, lastTurn: true, count: (state.safety?.count ?? 0) + 1 },
      history: pushHistory(state, state.stepId ?? 'finished', 'crisis'),
    }
    return turnResult({ state, flow }, texts, { feedback: [], proposals: [], safety: buildSafety(crisis, true, texts), outcome: 'crisis', summary: null })
  }

  const safety = carriedSafety(state, texts)
  const fail = (code: 'flow_finished' | 'step_mismatch' | 'answer_too_long', message: string): never => {
    throw new AssistantError(code, message, { safety })
  }
  if (state.status === 'finished' || state.stepId === null) return fail('flow_finished', 'this conversation has finished')
  if (answer.stepId !== state.stepId) return fail('step_mismatch', `answer for "${answer.stepId}", current step is "${state.stepId}"`)
  if (answer.text !== undefined && charLength(answer.text) > MAX_ANSWER_LENGTH) {
    return fail('answer_too_long', `answer longer than ${MAX_ANSWER_LENGTH} characters`)
  }
  const stepId = state.stepId

  // "You misunderstood me" right after a crisis turn: help stays, nothing becomes a draft.
  const previousSafety = state.safety
  if (previousSafety?.lastTurn && answer.text !== undefined && isClarification(answer.text)) {
    state = { ...state, safety: { ...previousSafety, lastTurn: false }, history: pushHistory(state, stepId, 'clarified') }
    return turnResult({ state, flow }, texts, { feedback: [texts.t('safety.clarified')], proposals: [], safety: buildSafety(previousSafety.kind, false, texts), outcome: 'clarified', summary: null })
  }
  if (previousSafety) state = { ...state, safety: { ...previousSafety, lastTurn: false } }

  const parsed = sortAnswer(answer)
  if (parsed === null) {
    // An empty answer: a gentle re-ask, not an error.
    state = { ...state, reasks: state.reasks + 1 }
    return turnResult({ state, flow }, texts, { feedback: [texts.pick('reask', state.reasks - 1)], proposals: [], safety, outcome: 'reask', summary: null })
  }

  const env = makeEnv(state, texts, flow)
  const outcome = flow.answer(stepId, state.data, parsed, env)
  if (outcome.reask) {
    state = { ...state, reasks: state.reasks + 1 }
    return turnResult({ state, flow }, texts, { feedback: outcome.feedback, proposals: [], safety, outcome: 'reask', summary: null })
  }

  const turnOutcome: TurnOutcome = parsed.kind === 'skip' ? 'skipped' : parsed.kind === 'dont_know' ? 'dont_know' : 'answered'
  const finished = outcome.next === null
  state = {
    ...state,
    data: outcome.data,
    stepId: outcome.next,
    status: finished ? 'finished' : 'active',
    seq: env.seq(),
    reasks: 0,
    history: pushHistory(state, stepId, turnOutcome),
    proposals: [...state.proposals, ...outcome.proposals],
  }
  const feedback = [...outcome.feedback]
  const summary = finished ? buildSummary(state, texts) : null
  return turnResult({ state, flow }, texts, { feedback, proposals: outcome.proposals, safety, outcome: turnOutcome, summary })
}

/** What was found, to celebrate at the end of a flow. */
export function buildSummary(state: ConversationState, texts: TextCatalogue): Summary {
  const own = state.proposals.filter((p) => p.source === 'assistant')
  const counts = {
    wishes: own.filter((p) => p.kind === 'statement' && p.form === 'i_want').length,
    statements: own.filter((p) => p.kind === 'statement' && p.form !== 'i_want').length,
    people: own.filter((p) => p.kind === 'network_person').length,
    goals: own.filter((p) => p.kind === 'goal').length,
    actions: own.filter((p) => p.kind === 'action').length,
    planLines: own.filter((p) => p.kind === 'safety_plan_line').length,
  }
  const lines: string[] = []
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  if (total === 0) {
    lines.push(texts.t('summary.none'))
  } else {
    for (const key of ['statements', 'wishes', 'people', 'goals', 'actions', 'planLines'] as const) {
      if (counts[key] > 0) lines.push(texts.plural(`summary.count.${key}`, counts[key]))
    }
    lines.push(texts.t(`summary.${state.flow}`))
    lines.push(texts.t('summary.check'))
  }
  return {
    title: texts.pick(total === 0 ? 'summary.title.none' : 'summary.title', state.history.length),
    lines,
    counts,
    proposals: own satisfies Proposal[],
  }
}
