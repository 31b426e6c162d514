import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import { AcceptForm, GoalForm, StepForm, Version, failed, parseForm, refused, typed, type ActionResult } from './plan.server'
import { keyedWrite } from './idempotency.server'

/**
 * The goal page's form posts (change the goal, add, finish, move, drop a step, write a remark,
 * decide a suggested step), each sent to the API as the client. Returns where to go next (with a
 * notice in the address, so a reload does not post again), a help card to show first, or the
 * problem to show beside the field with everything the client typed.
 */
export type GoalOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'safety'; safety: SafetyScreen; notice: string }
  | { kind: 'problem'; result: ActionResult; status: number }

interface SafetyScreen {
  detected: boolean
  kind: string | null
  level: 'alarm' | 'check_in' | null
  helpLines: { id: 'emergency' | 'suicide_prevention' | 'veilig_thuis'; numbers: { display: string; tel: string }[] }[]
}

const stepFields = ['what', 'how', 'who', 'personId', 'whoName', 'when'] as const

export async function goalAction(request: Request, context: AppLoadContext, clientId: string, goalId: string, formData: FormData): Promise<GoalOutcome> {
  const client = api(context, request).clients[':clientId'].goals[':goalId']
  const param = { clientId, goalId }
  const intent = String(formData.get('intent') ?? '')
  const target = String(formData.get('actionId') ?? formData.get('commentId') ?? formData.get('remarkId') ?? '') || null
  const back = (notice: string, anchor = '') => ({ kind: 'redirect' as const, to: `/plan/doel/${goalId}?${notice}${anchor}` })
  const problem = async (response: Response, values: Record<string, string> = {}) =>
    ({ kind: 'problem' as const, result: await refused(response, intent, target, values), status: response.status })
  const invalid = (fields: Record<string, string>, values: Record<string, string>) =>
    ({ kind: 'problem' as const, result: failed(intent, target, 'validation_failed', fields, values), status: 400 })
  const afterSave = (safety: SafetyScreen, notice: string, anchor = '') => (safety.detected ? { kind: 'safety' as const, safety, notice } : back(notice, anchor))

  switch (intent) {
    case 'goal': {
      const values = typed(formData, ['text', 'domain'])
      const version = parseForm(Version, formData)
      const form = parseForm(GoalForm, formData)
      if (!version.ok || !form.ok) return invalid({ ...(version.ok ? {} : version.fields), ...(form.ok ? {} : form.fields) }, values)
      const response = await client.$patch({ param, json: { version: version.data.version, text: form.data.text, domain: form.data.domain } })
      if (!response.ok) return problem(response, values)
      return afterSave((await response.json()).safety, 'opgeslagen=doel')
    }
    case 'remove-goal': {
      const version = parseForm(Version, formData)
      if (!version.ok) return invalid(version.fields, {})
      const response = await client.$delete({ param, query: { version: String(version.data.version) } })
      if (!response.ok) return problem(response)
      return { kind: 'redirect', to: '/plan?weg=1' }
    }
    case 'add-step': {
      const values = typed(formData, stepFields)
      const form = parseForm(StepForm, formData)
      if (!form.ok) return invalid(form.fields, values)
      const response = await keyedWrite(formData, (options) => client.actions.$post({ param, json: form.data }, options))
      if (!response.ok) return problem(response, values)
      const saved = await response.json()
      return afterSave(saved.safety, 'opgeslagen=stap', `#actie-${saved.action.id}`)
    }
    case 'done':
    case 'move':
    case 'drop':
    case 'reopen': {
      const version = parseForm(Version, formData)
      if (!version.ok || !target) return invalid(version.ok ? {} : version.fields, {})
      const when = String(formData.get('when') ?? '')
      if (intent === 'move' && !/^\d{4}-\d{2}-\d{2}$/.test(when)) return invalid({ when: when ? 'invalid_date' : 'required' }, { when })
      const status = ({ done: 'done', drop: 'dropped', reopen: 'open' } as const)[intent as 'done' | 'drop' | 'reopen']
      const json = intent === 'move' ? { version: version.data.version, when } : { version: version.data.version, status }
      const response = await client.actions[':actionId'].$patch({ param: { ...param, actionId: target }, json })
      if (!response.ok) return problem(response, { when })
      const saved = await response.json()
      // The warm sentence for a step just done travels in the address, so the page (and "Deze week") shows it.
      const notice = saved.celebration ? `gedaan=${saved.celebration}` : `opgeslagen=${intent}`
      return back(notice, `#actie-${target}`)
    }
    case 'remark': {
      const text = String(formData.get('text') ?? '').trim()
      if (!text) return invalid({ text: 'required' }, { text })
      if (text.length > 1000) return invalid({ text: 'too_long' }, { text })
      const response = await keyedWrite(formData, (options) => client.remarks.$post({ param, json: { text } }, options))
      if (!response.ok) return problem(response, { text })
      return afterSave((await response.json()).safety, 'opgeslagen=opmerking', '#voortgang')
    }
    case 'remove-remark': {
      if (!target) return invalid({}, {})
      const response = await client.remarks[':remarkId'].$delete({ param: { ...param, remarkId: target } })
      if (!response.ok) return problem(response)
      return back('opgeslagen=opmerking-weg', '#voortgang')
    }
    case 'accept':
    case 'decline': {
      if (!target) return invalid({}, {})
      const values = typed(formData, stepFields)
      let json: Record<string, string | null> & { decision: 'accept' | 'decline' } = { decision: 'decline' }
      if (intent === 'accept') {
        const form = parseForm(AcceptForm, formData)
        if (!form.ok) return invalid(form.fields, values)
        if (form.data.who === 'person' && !form.data.personId) return invalid({ personId: 'unknown_person' }, values)
        if (form.data.who === 'other' && !form.data.whoName) return invalid({ whoName: 'required' }, values)
        json = { decision: 'accept', ...form.data }
      }
      const response = await client.suggestions[':commentId'].decision.$post({ param: { ...param, commentId: target }, json })
      if (!response.ok) return problem(response, values)
      return back(`opgeslagen=${intent}`)
    }
    default:
      return invalid({}, {})
  }
}
