import { z } from 'zod'
import { lifeDomains } from '@kracht/method'
import { defineFlow } from './types'
import type { StepSpec } from './types'
import { domainInSentence, domainOptions, domainsFromAnswer, inSet, passFeedback, shortField, yesNo, yesNoOptions } from './helpers'
import type { ActionProposal, GoalProposal } from '../types'
import { draftText } from '../wording'

/**
 * From a priority (a life domain, maybe with the client's wish) to a long-term goal in the
 * client's own words, and small first steps: what, who, when.
 *
 *   [domain] ─▶ goal ─▶ a1.what ─▶ a1.who ─▶ a1.when ─▶ a1.more ─yes─▶ a2.what ...
 *   (domain only when the caller gave no priority; skipping "what" ends the flow)
 */
export const MAX_GOAL_ACTIONS = 5

const dataSchema = z.object({
  domain: z.enum(lifeDomains).nullable(),
  wish: z.string().max(2000).nullable(),
  /** The id of the goal draft; actions point to it. */
  goalId: z.string().max(200).nullable(),
  actions: z.number().int().min(0).max(MAX_GOAL_ACTIONS),
  current: z.object({ what: z.string().max(4000), who: z.string().max(4000).nullable() }).nullable(),
})
type GoalData = z.infer<typeof dataSchema>

type ParsedStep = { kind: 'domain' } | { kind: 'goal' } | { kind: 'action'; n: number; part: 'what' | 'who' | 'when' | 'more' }

function parseStepId(stepId: string): ParsedStep | null {
  if (stepId === 'domain') return { kind: 'domain' }
  if (stepId === 'goal') return { kind: 'goal' }
  const m = /^a(\d)\.(what|who|when|more)$/.exec(stepId)
  if (!m) return null
  return { kind: 'action', n: Number(m[1]), part: m[2] as 'what' | 'who' | 'when' | 'more' }
}

function validStep(stepId: string, data: GoalData): boolean {
  const parsed = parseStepId(stepId)
  if (!parsed) return false
  if (parsed.kind !== 'action') return true
  const { n, part } = parsed
  if (part === 'what') return data.current === null && n === data.actions + 1 && n <= MAX_GOAL_ACTIONS
  if (part === 'more') return data.current === null && n === data.actions && n < MAX_GOAL_ACTIONS
  return data.current !== null && n === data.actions + 1
}

export const goalFlow = defineFlow({
  id: 'goal',
  dataSchema,
  start(env) {
    const priority = env.context.priority
    const data: GoalData = {
      domain: priority ? inSet(priority.domain, env) : null,
      wish: priority?.wish?.trim() ? priority.wish.trim() : null,
      goalId: null,
      actions: 0,
      current: null,
    }
    return { data, stepId: priority ? 'goal' : 'domain', intro: [env.texts.t('goal.intro')] }
  },
  step(stepId, data, env): StepSpec | null {
    if (!validStep(stepId, data)) return null
    const parsed = parseStepId(stepId)
    if (!parsed) return null
    const base = { id: stepId, allowText: true, options: [], input: 'text' as const, form: null }
    if (parsed.kind === 'domain') {
      return {
        ...base,
        question: env.texts.t('goal.domain.question'),
        hint: env.texts.t('goal.domain.hint'),
        input: 'choice',
        options: domainOptions(env),
      }
    }
    if (parsed.kind === 'goal') {
      const domain = data.domain ? domainInSentence(data.domain, env) : null
      const question = data.wish
        ? env.texts.t(domain ? 'goal.goal.question.wish' : 'goal.goal.question.wish_only', { wish: data.wish, domain: domain ?? '' })
        : domain
          ? env.texts.t('goal.goal.question', { domain })
          : env.texts.t('goal.goal.question.general')
      return { ...base, question, hint: env.texts.t('goal.goal.hint'), form: 'i_want' }
    }
    const { n, part } = parsed
    if (part === 'more') {
      return { ...base, question: env.texts.t('goal.more.question'), hint: null, input: 'choice', options: yesNoOptions(env), allowText: false }
    }
    const key = part === 'what' && n > 1 ? 'goal.what.question.next' : `goal.${part}.question`
    return { ...base, question: env.texts.t(key, { what: data.current?.what ?? '' }), hint: env.texts.t(`goal.${part}.hint`) }
  },
  answer(stepId, data, answer, env) {
    const parsed = parseStepId(stepId)
    if (!parsed) throw new Error(`goal: unknown step ${stepId}`)

    if (parsed.kind === 'domain') {
      if (answer.kind !== 'text') return { data, next: 'goal', proposals: [], feedback: passFeedback(env, answer) }
      const picked = domainsFromAnswer(answer, env, 1)
      const domain = picked[0]
      if (!domain) return { data, next: stepId, proposals: [], feedback: [env.texts.t('reask.choice')], reask: true }
      return { data: { ...data, domain }, next: 'goal', proposals: [], feedback: [env.texts.t('goal.domain.ack', { domain: domainInSentence(domain, env) })] }
    }

    if (parsed.kind === 'goal') {
      // Skipped: the client's own wish (from the inventory) becomes the draft, if there is one.
      const source = answer.kind === 'text' ? answer.text : data.wish
      if (!source) {
        return { data, next: 'a1.what', proposals: [], feedback: passFeedback(env, answer, 'goal.goal.pass') }
      }
      const drafted = draftText(source, 'i_want', env.locale, env.knownNames)
      const analysis = env.analyze(source)
      const goal: GoalProposal = {
        kind: 'goal',
        id: env.newId(),
        domain: data.domain ?? analysis.domains.map((d) => inSet(d.id, env)).find((d) => d !== null) ?? null,
        text: drafted.text,
        source: 'assistant',
        alternativeTo: null,
      }
      const feedback =
        answer.kind === 'text'
          ? // The goal stands as the client means it: no tip nudges or rewords it (the method's passion statement).
            [env.texts.pick('goal.goal.ack', env.turn)]
          : [env.texts.t('goal.goal.from_wish')]
      return { data: { ...data, goalId: goal.id }, next: 'a1.what', proposals: [goal], feedback }
    }

    const { n, part } = parsed
    if (part === 'more') {
      const choice = answer.kind === 'text' ? yesNo(answer, env) : 'no'
      if (choice === null) return { data, next: stepId, proposals: [], feedback: [env.texts.t('reask.choice')], reask: true }
      return { data, next: choice === 'yes' ? `a${n + 1}.what` : null, proposals: [], feedback: [] }
    }
    if (part === 'what') {
      if (answer.kind !== 'text') {
        return { data, next: null, proposals: [], feedback: passFeedback(env, answer, n === 1 ? 'goal.what.pass' : undefined) }
      }
      return {
        data: { ...data, current: { what: answer.text.trim(), who: null } },
        next: `a${n}.who`,
        proposals: [],
        feedback: [env.texts.pick('goal.what.ack', env.turn)],
      }
    }
    const current = data.current
    if (!current) throw new Error('goal: no current action')
    const value = answer.kind === 'text' ? shortField(answer.text, 4000) || null : null
    if (part === 'who') {
      return { data: { ...data, current: { ...current, who: value } }, next: `a${n}.when`, proposals: [], feedback: [] }
    }
    const action: ActionProposal = {
      kind: 'action',
      id: env.newId(),
      goalRef: data.goalId,
      what: current.what,
      who: current.who,
      when: value,
      source: 'assistant',
    }
    const actions = data.actions + 1
    return {
      data: { ...data, current: null, actions },
      next: actions >= MAX_GOAL_ACTIONS ? null : `a${n}.more`,
      proposals: [action],
      feedback: [env.texts.pick('goal.action.ack', env.turn)],
    }
  },
})
