import { z } from 'zod'
import { lifeDomains, type LifeDomain } from '@kracht/method'
import { defineFlow } from './types'
import type { FlowEnv, StepSpec } from './types'
import { domainInSentence, domainOptions, domainsFromAnswer, inSet, isDomainId, passFeedback, statementsFrom, textFeedback } from './helpers'
import { questionKinds, questionsFor, type QuestionKind } from './question-rules'

/**
 * Forms of strength (vormen van kracht): ik ben / ik kan / ik heb / ik wil / ik weet, with the
 * method's examples, and then what went well before (the inventory's past column), for each life
 * domain the client picks.
 *
 * Step ids: `domains` (only when the caller gave no domains), then `<domain>.<question>` for every
 * picked domain and question, e.g. `housing.i_can`, `housing.past`. When the client skips picking,
 * one general round follows: `general.<question>`, where the analysis suggests the domain of each
 * draft. Which questions a domain gets follows flows/question-rules.ts.
 */
const GENERAL = 'general'

const dataSchema = z.object({
  /** Null: the general round. */
  domains: z.array(z.enum(lifeDomains)).nullable(),
  /** The client picked the domains themselves. Absent in conversations from before the rules. */
  chosen: z.boolean().optional(),
})
type StrengthsData = z.infer<typeof dataSchema>

function parseStepId(stepId: string): { domain: LifeDomain | null; question: QuestionKind } | null {
  const [scope, question, ...rest] = stepId.split('.')
  if (rest.length > 0 || !scope || !question) return null
  const kind = questionKinds.find((k) => k === question)
  if (!kind) return null
  if (scope === GENERAL) return { domain: null, question: kind }
  return isDomainId(scope) ? { domain: scope, question: kind } : null
}

function stepIdOf(domain: LifeDomain | null, question: QuestionKind): string {
  return `${domain ?? GENERAL}.${question}`
}

function questionsOf(data: StrengthsData, domain: LifeDomain | null, env: FlowEnv): QuestionKind[] {
  return questionsFor(domain, env.context.setting ?? 'general', data.chosen ?? true)
}

/** The first question of the first domain (from `from` on) that has any question left. */
function firstFrom(data: StrengthsData, from: number, env: FlowEnv): string | null {
  if (!data.domains) return from === 0 ? stepIdOf(null, questionKinds[0]) : null
  for (const domain of data.domains.slice(from)) {
    const first = questionsOf(data, domain, env)[0]
    if (first) return stepIdOf(domain, first)
  }
  return null
}

function nextStep(data: StrengthsData, domain: LifeDomain | null, question: QuestionKind, env: FlowEnv): string | null {
  const questions = questionsOf(data, domain, env)
  const next = questions[questions.indexOf(question) + 1]
  if (next) return stepIdOf(domain, next)
  if (!data.domains || domain === null) return null
  return firstFrom(data, data.domains.indexOf(domain) + 1, env)
}

function validStep(stepId: string, data: StrengthsData, env: FlowEnv): boolean {
  if (stepId === 'domains') return true
  const parsed = parseStepId(stepId)
  if (!parsed) return false
  if (parsed.domain === null) return data.domains === null
  return (data.domains ?? []).includes(parsed.domain) && questionsOf(data, parsed.domain, env).includes(parsed.question)
}

export const strengthsFlow = defineFlow({
  id: 'strengths',
  dataSchema,
  start(env) {
    // Given domains in the organisation's set: "partner" is "family" in ICM's nine, "meaning" has none.
    const picked = [...new Set((env.context.domains ?? []).flatMap((d) => inSet(d, env) ?? []))]
    const intro = [env.texts.t('strengths.intro')]
    if (picked.length === 0) return { data: { domains: null }, stepId: 'domains', intro }
    const data: StrengthsData = { domains: picked, chosen: env.context.domainsChosenByClient === true }
    // Every given domain may be left out by the rules: then the client picks their own.
    const first = firstFrom(data, 0, env)
    return first ? { data, stepId: first, intro } : { data: { domains: null }, stepId: 'domains', intro }
  },
  step(stepId, data, env): StepSpec | null {
    if (!validStep(stepId, data, env)) return null
    if (stepId === 'domains') {
      return {
        id: stepId,
        question: env.texts.t('strengths.domains.question'),
        hint: env.texts.t('strengths.domains.hint'),
        input: 'multi_choice',
        options: domainOptions(env),
        allowText: true,
        form: null,
      }
    }
    const parsed = parseStepId(stepId)
    if (!parsed) return null
    const { domain, question } = parsed
    return {
      id: stepId,
      question: domain
        ? env.texts.t(`strengths.${question}.question`, { domain: domainInSentence(domain, env) })
        : env.texts.t(`strengths.${question}.question.general`),
      hint: env.texts.t(`strengths.${question}.examples`),
      input: 'text',
      options: [],
      allowText: true,
      form: question === 'past' ? null : question,
    }
  },
  answer(stepId, data, answer, env) {
    if (stepId === 'domains') {
      if (answer.kind !== 'text') {
        return { data: { domains: null }, next: firstFrom({ domains: null }, 0, env), proposals: [], feedback: passFeedback(env, answer, 'strengths.domains.pass') }
      }
      const picked = domainsFromAnswer(answer, env, 3)
      if (picked.length === 0) return { data, next: stepId, proposals: [], feedback: [env.texts.t('reask.choice')], reask: true }
      const labels = picked.map((d) => domainInSentence(d, env))
      const chosen: StrengthsData = { domains: picked, chosen: true }
      return {
        data: chosen,
        next: firstFrom(chosen, 0, env),
        proposals: [],
        feedback: [env.texts.t('strengths.domains.ack', { domains: labels.join(', ') })],
      }
    }
    const parsed = parseStepId(stepId)
    if (!parsed) throw new Error(`strengths: unknown step ${stepId}`)
    const { domain, question } = parsed
    const next = nextStep(data, domain, question, env)
    let feedback: string[]
    let proposals: ReturnType<typeof statementsFrom>['proposals'] = []
    if (answer.kind === 'text') {
      // The past in the client's own words, as written ("Vroeger kookte ik..."): no starter is added.
      const found =
        question === 'past'
          ? statementsFrom(answer.text, { form: 'i_can', formFromText: true, time: 'past', domain, starter: false }, env)
          : statementsFrom(answer.text, { form: question, time: question === 'i_want' ? 'future' : 'present', domain, starter: true }, env)
      proposals = found.proposals
      feedback = textFeedback(env, `strengths.${question}.ack`, found.analyses, found.starterAdded)
    } else {
      feedback = passFeedback(env, answer)
    }
    const nextDomain = next ? parseStepId(next)?.domain ?? null : null
    if (next && nextDomain && nextDomain !== domain) {
      feedback.push(env.texts.t('strengths.next_domain', { domain: domainInSentence(nextDomain, env) }))
    }
    return { data, next, proposals, feedback }
  },
})
