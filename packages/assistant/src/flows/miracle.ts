import { z } from 'zod'
import type { DomainId } from '@kracht/language'
import { defineFlow } from './types'
import type { StepSpec } from './types'
import { passFeedback, statementsFrom, textFeedback } from './helpers'

/**
 * The miracle question (wondervraag) and its follow-ups. Every answer becomes wishes
 * (`i_want`, future) on the life domains the analysis finds.
 *
 *   miracle ──answer──▶ else ──▶ who ──▶ different ──▶ (end)
 *      └──skip / don't know──▶ small ──▶ who
 */
const steps = ['miracle', 'else', 'small', 'who', 'different'] as const
type MiracleStep = (typeof steps)[number]

function isStep(id: string): id is MiracleStep {
  return (steps as readonly string[]).includes(id)
}

const NEXT: Record<MiracleStep, MiracleStep | null> = {
  miracle: 'else',
  else: 'who',
  small: 'who',
  who: 'different',
  different: null,
}

/** When the analysis finds no domain, a "who notices" answer is about relationships. */
const FALLBACK_DOMAIN: Partial<Record<MiracleStep, DomainId>> = { who: 'relationships' }

export const miracleFlow = defineFlow({
  id: 'miracle',
  dataSchema: z.object({}).strict(),
  start(env) {
    return { data: {}, stepId: 'miracle', intro: [env.texts.t('miracle.intro')] }
  },
  step(stepId, _data, env): StepSpec | null {
    if (!isStep(stepId)) return null
    const hintKey = `miracle.${stepId}.hint`
    return {
      id: stepId,
      question: env.texts.t(`miracle.${stepId}.question`),
      hint: env.texts.has(hintKey) ? env.texts.t(hintKey) : null,
      input: 'text',
      options: [],
      allowText: true,
      form: 'i_want',
    }
  },
  answer(stepId, data, answer, env) {
    if (!isStep(stepId)) throw new Error(`miracle: unknown step ${stepId}`)
    if (answer.kind !== 'text') {
      return {
        data,
        next: stepId === 'miracle' ? 'small' : NEXT[stepId],
        proposals: [],
        feedback: passFeedback(env, answer, `miracle.${stepId}.${answer.kind}`),
      }
    }
    const found = statementsFrom(
      answer.text,
      {
        form: 'i_want',
        time: 'future',
        domain: null,
        fallbackDomain: FALLBACK_DOMAIN[stepId] ?? null,
        // "Mijn moeder" answers "who notices first?": a starter would change its meaning.
        starter: stepId !== 'who',
      },
      env,
    )
    return {
      data,
      next: NEXT[stepId],
      proposals: found.proposals,
      feedback: textFeedback(env, 'miracle.ack', found.analyses, found.starterAdded),
    }
  },
})
