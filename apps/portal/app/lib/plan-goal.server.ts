import type { AppLoadContext } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { api } from './api.server'
import { GoalPageForms } from './plan-schema'
import { keyedWrite } from './idempotency.server'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

/** A refusal: conform's answer (errors beside the fields, typing kept) for the form that posted. */
export interface GoalFormResult {
  intent: string
  /** The step, suggestion or remark the form is about. */
  target: string | null
  result: SubmissionResult<string[]>
}

/**
 * The goal page's form posts (change the goal, add, finish, move, drop a step, write a remark,
 * decide a suggested step), each sent to the API as the client. Returns where to go next (with a
 * notice in the address, so a reload does not post again), a help card to show first, or the
 * problem to show beside the field with everything the client typed.
 */
export type GoalOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'safety'; safety: SafetyScreen; notice: string }
  | { kind: 'problem'; result: GoalFormResult; status: number }

interface SafetyScreen {
  detected: boolean
  kind: string | null
  level: 'alarm' | 'check_in' | null
  helpLines: { id: 'emergency' | 'suicide_prevention' | 'veilig_thuis'; numbers: { display: string; tel: string }[] }[]
}

export async function goalAction(request: Request, context: AppLoadContext, clientId: string, goalId: string, formData: FormData): Promise<GoalOutcome> {
  const client = api(context, request).clients[':clientId'].goals[':goalId']
  const param = { clientId, goalId }
  const submission = parseSubmission(formData, GoalPageForms)
  // Which form answered: its intent and the step, suggestion or remark it is about.
  const { intent, target } = whichForm(submission.payload)
  const back = (notice: string, anchor = '') => ({ kind: 'redirect' as const, to: `/plan/doel/${goalId}?${notice}${anchor}` })
  if (submission.status !== 'success') return { kind: 'problem', result: { intent, target, result: reply(submission) }, status: 400 }
  const problem = async (response: Response) => ({ kind: 'problem' as const, result: { intent, target, result: await replyWithProblem(submission, response) }, status: response.status })
  const afterSave = (safety: SafetyScreen, notice: string, anchor = '') => (safety.detected ? { kind: 'safety' as const, safety, notice } : back(notice, anchor))
  const form = submission.value

  switch (form.intent) {
    case 'goal': {
      const response = await client.$patch({ param, json: { version: form.version, text: form.text, domain: form.domain } })
      if (!response.ok) return problem(response)
      return afterSave((await response.json()).safety, 'opgeslagen=doel')
    }
    case 'remove-goal': {
      const response = await client.$delete({ param, query: { version: String(form.version) } })
      if (!response.ok) return problem(response)
      return { kind: 'redirect', to: '/plan?weg=1' }
    }
    case 'add-step': {
      const { intent: _, ...json } = form
      const response = await keyedWrite(formData, (options) => client.actions.$post({ param, json }, options))
      if (!response.ok) return problem(response)
      const saved = await response.json()
      return afterSave(saved.safety, 'opgeslagen=stap', `#actie-${saved.action.id}`)
    }
    case 'done':
    case 'move':
    case 'drop':
    case 'reopen': {
      const json = form.intent === 'move' ? { version: form.version, when: form.when } : { version: form.version, status: stepStatus[form.intent] }
      const response = await client.actions[':actionId'].$patch({ param: { ...param, actionId: form.actionId }, json })
      if (!response.ok) return problem(response)
      const saved = await response.json()
      // The warm sentence for a step just done travels in the address, so the page (and "Deze week") shows it.
      const notice = saved.celebration ? `gedaan=${saved.celebration}` : `opgeslagen=${form.intent}`
      return back(notice, `#actie-${form.actionId}`)
    }
    case 'reword': {
      const json = { version: form.version, what: form.what, how: form.how }
      const response = await client.actions[':actionId'].$patch({ param: { ...param, actionId: form.actionId }, json })
      if (!response.ok) return problem(response)
      // The new words are screened like every saved text: the help card first if it fired.
      return afterSave((await response.json()).safety, 'opgeslagen=stap', `#actie-${form.actionId}`)
    }
    case 'remark': {
      const response = await keyedWrite(formData, (options) => client.remarks.$post({ param, json: { text: form.text } }, options))
      if (!response.ok) return problem(response)
      return afterSave((await response.json()).safety, 'opgeslagen=opmerking', '#voortgang')
    }
    case 'remove-remark': {
      const response = await client.remarks[':remarkId'].$delete({ param: { ...param, remarkId: form.remarkId } })
      if (!response.ok) return problem(response)
      return back('opgeslagen=opmerking-weg', '#voortgang')
    }
    case 'accept':
    case 'decline': {
      const { intent: decision, commentId, ...doer } = form
      const json = decision === 'accept' ? { decision, ...doer } : { decision }
      const response = await client.suggestions[':commentId'].decision.$post({ param: { ...param, commentId }, json })
      if (!response.ok) return problem(response)
      return back(`opgeslagen=${decision}`)
    }
  }
}

const stepStatus = { done: 'done', drop: 'dropped', reopen: 'open' } as const

/** The posted form's intent and the id it is about, read from what was posted (also when it was refused). */
function whichForm(payload: Record<string, unknown>): { intent: string; target: string | null } {
  const text = (name: string) => (typeof payload[name] === 'string' ? payload[name] : '')
  return { intent: text('intent'), target: text('actionId') || text('commentId') || text('remarkId') || null }
}
