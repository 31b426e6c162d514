import { z } from 'zod'
import { domainIds, strengthForms } from '@kracht/language'
import type { DomainId, StrengthForm } from '@kracht/language'
import { defineFlow } from './types'
import type { StepSpec } from './types'
import { domainInSentence, domainOptions, domainsFromAnswer, isDomainId, passFeedback, statementsFrom, textFeedback } from './helpers'

/**
 * Forms of strength (vormen van kracht): ik ben / ik kan / ik heb / ik wil / ik weet, with the
 * method's examples, for each life domain the client picks.
 *
 * Step ids: `domains` (only when the caller gave no domains), then `<domain>.<form>` for every
 * picked domain and form, e.g. `housing.i_can`. When the client skips picking, one general
 * round follows: `general.<form>`, where the analysis suggests the domain of each draft.
 */
const GENERAL = 'general'

const dataSchema = z.object({
  /** Null: the general round. */
  domains: z.array(z.enum(domainIds)).nullable(),
})
type StrengthsData = z.infer<typeof dataSchema>

function parseStepId(stepId: string): { domain: DomainId | null; form: StrengthForm } | null {
  const [scope, form, ...rest] = stepId.split('.')
  if (rest.length > 0 || !scope || !form) return null
  if (!(strengthForms as readonly string[]).includes(form)) return null
  if (scope !== GENERAL && !isDomainId(scope)) return null
  return { domain: scope === GENERAL ? null : (scope as DomainId), form: form as StrengthForm }
}

function stepIdOf(domain: DomainId | null, form: StrengthForm): string {
  return `${domain ?? GENERAL}.${form}`
}

function firstStep(domains: DomainId[] | null): string {
  return stepIdOf(domains?.[0] ?? null, strengthForms[0])
}

function nextStep(data: StrengthsData, domain: DomainId | null, form: StrengthForm): string | null {
  const f = strengthForms.indexOf(form)
  const nextForm = strengthForms[f + 1]
  if (nextForm) return stepIdOf(domain, nextForm)
  if (!data.domains || domain === null) return null
  const nextDomain = data.domains[data.domains.indexOf(domain) + 1]
  return nextDomain ? stepIdOf(nextDomain, strengthForms[0]) : null
}

function validStep(stepId: string, data: StrengthsData): boolean {
  if (stepId === 'domains') return true
  const parsed = parseStepId(stepId)
  if (!parsed) return false
  return parsed.domain === null ? data.domains === null : (data.domains ?? []).includes(parsed.domain)
}

export const strengthsFlow = defineFlow({
  id: 'strengths',
  dataSchema,
  start(env) {
    const picked = [...new Set(env.context.domains ?? [])]
    const intro = [env.texts.t('strengths.intro')]
    if (picked.length === 0) return { data: { domains: null }, stepId: 'domains', intro }
    return { data: { domains: picked }, stepId: firstStep(picked), intro }
  },
  step(stepId, data, env): StepSpec | null {
    if (!validStep(stepId, data)) return null
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
    const { domain, form } = parsed
    return {
      id: stepId,
      question: domain
        ? env.texts.t(`strengths.${form}.question`, { domain: domainInSentence(domain, env) })
        : env.texts.t(`strengths.${form}.question.general`),
      hint: env.texts.t(`strengths.${form}.examples`),
      input: 'text',
      options: [],
      allowText: true,
      form,
    }
  },
  answer(stepId, data, answer, env) {
    if (stepId === 'domains') {
      if (answer.kind !== 'text') {
        return { data: { domains: null }, next: firstStep(null), proposals: [], feedback: passFeedback(env, answer, 'strengths.domains.pass') }
      }
      const picked = domainsFromAnswer(answer, env, 3)
      if (picked.length === 0) return { data, next: stepId, proposals: [], feedback: [env.texts.t('reask.choice')], reask: true }
      const labels = picked.map((d) => domainInSentence(d, env))
      return {
        data: { domains: picked },
        next: firstStep(picked),
        proposals: [],
        feedback: [env.texts.t('strengths.domains.ack', { domains: labels.join(', ') })],
      }
    }
    const parsed = parseStepId(stepId)
    if (!parsed) throw new Error(`strengths: unknown step ${stepId}`)
    const { domain, form } = parsed
    const next = nextStep(data, domain, form)
    let feedback: string[]
    let proposals: ReturnType<typeof statementsFrom>['proposals'] = []
    if (answer.kind === 'text') {
      const found = statementsFrom(
        answer.text,
        { form, time: form === 'i_want' ? 'future' : 'present', domain, starter: true },
        env,
      )
      proposals = found.proposals
      feedback = textFeedback(env, `strengths.${form}.ack`, found.analyses, found.starterAdded)
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
