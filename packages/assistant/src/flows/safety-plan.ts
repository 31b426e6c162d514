import { z } from 'zod'
import { safetyPlanParts, type SafetyPlanLineProposal, type SafetyPlanPart, type StepOption } from '../types'
import { normalise } from '../wording'
import { matchOptions, passFeedback } from './helpers'
import { defineFlow, type FlowEnv, type ParsedAnswer, type StepSpec } from './types'

/**
 * The client's safety plan (signaleringsplan), one question per part, in the order the plan is
 * read in a hard moment. Each answer becomes plan lines in the client's own words, as cards the
 * client keeps or drops; nothing is rephrased and no sentence starter is added.
 *
 *   warningSigns ─▶ selfHelp ─▶ people ─▶ places ─▶ reasons ─▶ professionals ─▶ (end)
 *
 * "People I can call" offers the names on the client's VIP card (the conversation's known names)
 * as options; typed names are welcome too.
 */
const NEXT: Record<SafetyPlanPart, SafetyPlanPart | null> = {
  warningSigns: 'selfHelp',
  selfHelp: 'people',
  people: 'places',
  places: 'reasons',
  reasons: 'professionals',
  professionals: null,
}

/** At most this many lines from one answer: a longer answer stays one card the client can edit. */
const MAX_LINES_PER_ANSWER = 6

const isPart = (id: string): id is SafetyPlanPart => (safetyPlanParts as readonly string[]).includes(id)

/** Lines of an answer: one per line, sentence or list item ("mijn zus, Fatima"). */
export function planLines(text: string): string[] {
  const parts = text
    .split(/\n+|(?<=[.!?;])\s+|,\s*|;\s*/)
    .map((part) => part.trim().replace(/[.;,]+$/, '').trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part))
  if (parts.length === 0) return []
  if (parts.length > MAX_LINES_PER_ANSWER) return [text.trim().replace(/\s*\n+\s*/g, ' ')]
  return parts
}

/** The names on the VIP card (the context's known names; never the client's own name). */
function peopleOptions(env: FlowEnv): StepOption[] {
  return [...new Set(env.context.knownNames ?? [])].slice(0, 20).map((name, i) => ({ id: `person_${i + 1}`, label: name }))
}

export const safetyPlanFlow = defineFlow({
  id: 'safety_plan',
  dataSchema: z.object({}).strict(),
  start(env) {
    return { data: {}, stepId: 'warningSigns', intro: [env.texts.t('safety_plan.intro'), env.texts.t('safety_plan.intro.pace')] }
  },
  step(stepId, _data, env): StepSpec | null {
    if (!isPart(stepId)) return null
    const options = stepId === 'people' ? peopleOptions(env) : []
    return {
      id: stepId,
      question: env.texts.t(`safety_plan.${stepId}.question`),
      hint: env.texts.t(`safety_plan.${stepId}.hint`),
      input: options.length > 0 ? 'multi_choice' : 'text',
      options,
      allowText: true,
      form: null,
    }
  },
  answer(stepId, data, answer: ParsedAnswer, env) {
    if (!isPart(stepId)) throw new Error(`safety_plan: unknown step ${stepId}`)
    const next = NEXT[stepId]
    if (answer.kind !== 'text') return { data, next, proposals: [], feedback: passFeedback(env, answer, `safety_plan.${stepId}.${answer.kind}`) }
    const lines: string[] = []
    if (stepId === 'people') {
      const options = peopleOptions(env)
      const picked = matchOptions(answer, options)
      lines.push(...options.filter((o) => picked.includes(o.id)).map((o) => o.label))
      // Typed text that only named options ("1, 2") is not a line of its own.
      const typed = answer.text.trim()
      const onlyPicks = typed !== '' && planLines(typed).every((part) => options.some((o, i) => normalise(part) === normalise(o.label) || part === String(i + 1)))
      if (!onlyPicks) lines.push(...planLines(typed).filter((line) => !lines.includes(line)))
    } else {
      lines.push(...planLines(answer.text))
    }
    if (lines.length === 0) return { data, next: stepId, proposals: [], feedback: [env.texts.t('safety_plan.reask')], reask: true }
    const proposals: SafetyPlanLineProposal[] = lines.map((text) => ({ kind: 'safety_plan_line', id: env.newId(), part: stepId, text, source: 'assistant' }))
    return { data, next, proposals, feedback: [env.texts.pick('safety_plan.ack', env.turn)] }
  },
})
