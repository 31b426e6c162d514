// Shared by the tests only (not exported from the package).
import { answerStep, startConversation } from './engine'
import type { AnswerInput, ConversationState, Locale, StepResult, StepView } from './types'

export type TestAnswer = string | Omit<AnswerInput, 'stepId'>

/** Starts a flow and answers step by step, storing the state as JSON in between (as a database would). */
export function drive(
  flow: string,
  locale: Locale,
  answers: TestAnswer[],
  context?: unknown,
): { state: ConversationState; step: StepView | null; results: StepResult[]; stepIds: string[] } {
  const started = startConversation({ flow, locale, context, id: 'c1' })
  let stored = JSON.stringify(started.state)
  let step: StepView | null = started.step
  const stepIds = [started.step.id]
  const results: StepResult[] = []
  for (const answer of answers) {
    if (!step) throw new Error(`flow ${flow} finished before answer ${JSON.stringify(answer)}`)
    const input = typeof answer === 'string' ? { text: answer } : answer
    const result = answerStep(JSON.parse(stored), { stepId: step.id, ...input })
    results.push(result)
    stored = JSON.stringify(result.state)
    step = result.step
    if (step) stepIds.push(step.id)
  }
  return { state: JSON.parse(stored) as ConversationState, step, results, stepIds }
}

export function allProposals(results: StepResult[]): StepResult['proposals'] {
  return results.flatMap((r) => r.proposals)
}
