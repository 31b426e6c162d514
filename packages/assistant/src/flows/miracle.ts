import { z } from 'zod'
import { defineFlow } from './types'
import type { StepSpec } from './types'
import type { NetworkPersonProposal } from '../types'
import { passFeedback, shortField, statementsFrom, textFeedback } from './helpers'

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

/**
 * "Wie merkt het als eerste?" names someone in the client's network and what they would see: an
 * observation about the network, not a wish in the third person. It becomes a card for the
 * network map: the person (the answer up to the first pause or "ziet"/"merkt"/"zou"), with the whole
 * answer, in the client's words, as the note.
 */
const NAME_END = /[.,;:!?\n]|\s(ziet|zien|merkt|merken|zegt|denkt|zou|zal|zouden|zullen|want|omdat|doordat|die|dat|sees|notices|says|would|will|because|who|that)\s/i

export function whoNoticesCard(text: string, id: string): NetworkPersonProposal {
  const answer = text.trim()
  const cut = NAME_END.exec(answer)
  const name = shortField(cut ? answer.slice(0, cut.index) : answer, 40).trim() || shortField(answer, 40)
  return { kind: 'network_person', id, name, area: null, ring: null, support: [], note: shortField(answer, 500), source: 'assistant' }
}

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
    if (stepId === 'who') {
      const card = whoNoticesCard(answer.text, env.newId())
      return { data, next: NEXT[stepId], proposals: [card], feedback: [env.texts.t('miracle.who.ack', { name: card.name })] }
    }
    const found = statementsFrom(
      answer.text,
      {
        form: 'i_want',
        time: 'future',
        domain: null,
        fallbackDomain: null,
        starter: true,
      },
      env,
    )
    return {
      data,
      next: NEXT[stepId],
      proposals: found.proposals,
      // "Geen stress" is a wish as the client means it, not a negation to fix.
      feedback: textFeedback(env, 'miracle.ack', found.analyses, found.starterAdded, { leaveOut: ['negation'] }),
    }
  },
})
