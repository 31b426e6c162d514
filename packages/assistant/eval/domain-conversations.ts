// Reads and runs the labelled conversations of domain-conversations.jsonl (see README.md): shared
// by the bench script and the test that holds the figure as a floor.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { domainIds } from '@kracht/language'
import { answerStep, startConversation } from '../src/engine'
import type { AnswerInput, Proposal, StepView } from '../src/types'

const rowSchema = z.object({
  id: z.string(),
  flow: z.enum(['miracle', 'strengths']),
  /** The client's answers in order; "<skip>" skips a step (the strengths flow's domain choice). */
  answers: z.array(z.string()),
  /** A piece of a card's text → the domains a worker would accept for that card. */
  cards: z.record(z.string(), z.array(z.enum(domainIds)).min(1)),
})
export type LabelledConversation = z.infer<typeof rowSchema>

export function readConversationSet(file: string): LabelledConversation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = rowSchema.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'bad row'}`)
      return parsed.data
    })
}

export interface SetResult {
  conversations: number
  cards: number
  accepted: number
  none: number
  wrong: number
  /** Turns the safety screen stopped: their cards were never drafted, so they are not counted. */
  crisisTurns: number
  misses: { id: string; text: string; got: string | null; accept: string[] }[]
}

function statementCards(row: LabelledConversation, crisisTurns: { count: number }): Extract<Proposal, { kind: 'statement' }>[] {
  const started = startConversation({ flow: row.flow, locale: 'nl', id: row.id })
  let state = started.state
  let step: StepView | null = started.step
  const cards: Extract<Proposal, { kind: 'statement' }>[] = []
  for (const text of row.answers) {
    if (!step) throw new Error(`${row.id}: the flow finished before "${text}"`)
    const input: AnswerInput = text === '<skip>' ? { stepId: step.id, skip: true } : { stepId: step.id, text }
    let result = answerStep(state, input)
    // The safety screen stopped the turn (no cards): the client moves on, as they could on the page.
    if (result.outcome === 'crisis' && result.step) {
      crisisTurns.count++
      result = answerStep(result.state, { stepId: result.step.id, skip: true })
    }
    state = result.state
    step = result.step
    for (const p of result.proposals) if (p.kind === 'statement') cards.push(p)
  }
  return cards
}

export function runConversationSet(rows: readonly LabelledConversation[]): SetResult {
  const result: SetResult = { conversations: rows.length, cards: 0, accepted: 0, none: 0, wrong: 0, crisisTurns: 0, misses: [] }
  const crisisTurns = { count: 0 }
  for (const row of rows) {
    const labels = Object.entries(row.cards)
    for (const card of statementCards(row, crisisTurns)) {
      const label = labels.find(([piece]) => card.text.toLowerCase().includes(piece.toLowerCase()))
      if (!label) throw new Error(`${row.id}: no label for the card "${card.text}"`)
      result.cards++
      const [, accept] = label
      if (card.domain && (accept as readonly string[]).includes(card.domain)) result.accepted++
      else {
        if (card.domain) result.wrong++
        else result.none++
        result.misses.push({ id: row.id, text: card.text, got: card.domain, accept })
      }
    }
  }
  result.crisisTurns = crisisTurns.count
  return result
}
