import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadPerson } from '../lib/network.server'
import { ChangePersonForm, PersonPageForms } from '../lib/network-schema'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { personDefaults, PersonFields } from '../components/person-fields'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import networkStyles from '../styles/network.css?url'
import assistantStyles from '../styles/assistant.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnNetwerk')
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: networkStyles },
  { rel: 'stylesheet', href: assistantStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const person = await loadPerson(request, context, user.id, params.personId ?? '')
  if (!person) throw new Response('not found', { status: 404 })
  return { person }
}

type ActionResult = { ok: true; safety: ScreenData } | { ok: false; intent: string; result: SubmissionResult<string[]> }

/** Change (on the version shown) or take off the map; both work without JavaScript. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const param = { clientId: user.id, personId: params.personId ?? '' }
  const person = api(context, request).clients[':clientId'].network.persons[':personId']
  // Whatever goes wrong, what was typed comes back to the form.
  const submission = parseSubmission(formData, PersonPageForms)
  if (submission.status !== 'success') return data<ActionResult>({ ok: false, intent, result: reply(submission) }, { status: 400 })
  const form = submission.value
  if (form.intent === 'remove') {
    const response = await person.$delete({ param, query: { version: String(form.version) } })
    if (!response.ok) return data<ActionResult>({ ok: false, intent, result: await replyWithProblem(submission, response) }, { status: response.status })
    return redirect('/netwerk')
  }
  const { intent: _change, ...json } = form
  const response = await person.$patch({ param, json })
  if (!response.ok) return data<ActionResult>({ ok: false, intent, result: await replyWithProblem(submission, response) }, { status: response.status })
  return data<ActionResult>({ ok: true, safety: (await response.json()).safety })
}

export default function NetworkPerson() {
  const { person } = useLoaderData<typeof loader>()
  // A new version (after a save) starts the form again from what is saved.
  return <PersonPage key={`${person.id}-${person.version}`} />
}

function PersonPage() {
  const t = useT()
  const { person } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const failed = answer && !answer.ok ? answer : null
  const [changeForm, fields] = useSchemaForm({
    id: 'person',
    schema: ChangePersonForm,
    lastResult: failed?.intent === 'change' ? failed.result : null,
    defaultValue: { ...personDefaults(person), intent: 'change', version: String(person.version) },
  })
  // A refused removal (someone changed the person first) says so above the form.
  const removeProblem = failed?.intent === 'remove' ? (failed.result.error?.['']?.[0] ?? 'validation_failed') : null
  const conflict = [changeForm.errors?.[0], removeProblem].includes('version_conflict')
  return (
    <div className="page page--narrow network-page">
      <p>
        <Link to="/netwerk">← {t('network.person.back')}</Link>
      </p>
      <h1>{person.name}</h1>
      {answer?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('network.person.changed')}
        </p>
      ) : null}
      {conflict || removeProblem || Object.keys(changeForm.allErrors).length > 0 ? (
        <p className="notice notice--error" role="alert" id={changeForm.errorId}>
          {conflict ? t('network.conflict') : t('network.invalid')}
        </p>
      ) : null}
      {answer?.ok ? <SaveSafety screen={answer.safety} /> : null}
      <Form method="post" className="stack" {...getFormProps(changeForm)}>
        <input type="hidden" name="intent" value="change" />
        <input type="hidden" name="version" value={person.version} />
        <PersonFields fields={fields} />
        <button type="submit" className="button">
          {t('network.person.change')}
        </button>
      </Form>
      <Form method="post" className="stack network-section">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="version" value={person.version} />
        <p className="muted">{t('network.person.removeHint')}</p>
        <button type="submit" className="button button--secondary">
          {t('network.person.remove')}
        </button>
      </Form>
    </div>
  )
}
