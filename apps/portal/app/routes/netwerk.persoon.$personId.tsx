import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { loadPerson, PersonForm, supportFrom, VersionField } from '../lib/network.server'
import { PersonFields, type PersonValues } from '../components/person-fields'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import networkStyles from '../styles/network.css?url'
import assistantStyles from '../styles/assistant.css?url'

export const meta: MetaFunction = () => [{ title: 'Mijn netwerk – Kracht' }]
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

type ActionResult =
  | { ok: true; safety: ScreenData }
  | { ok: false; problem: 'validation_failed' | 'version_conflict' | 'generic'; fields: Record<string, string>; values: PersonValues | null }

/** Change (on the version shown) or take off the map; both work without JavaScript. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const param = { clientId: user.id, personId: params.personId ?? '' }
  const person = api(context, request).clients[':clientId'].network.persons[':personId']
  const version = VersionField.safeParse(formData.get('version'))
  if (!version.success) return data<ActionResult>({ ok: false, problem: 'generic', fields: {}, values: null }, { status: 400 })
  const failed = async (response: Response, values: PersonValues | null) => {
    const problem = await readProblem(response)
    const code = problem.code === 'validation_failed' || problem.code === 'version_conflict' ? problem.code : 'generic'
    return data<ActionResult>({ ok: false, problem: code, fields: problem.fields ?? {}, values }, { status: response.status })
  }

  if (formData.get('intent') === 'remove') {
    const response = await person.$delete({ param, query: { version: String(version.data) } })
    if (!response.ok) return failed(response, null)
    return redirect('/netwerk')
  }
  const parsed = parseForm(PersonForm, formData)
  const support = supportFrom(formData)
  const typed: PersonValues = {
    name: String(formData.get('name') ?? ''),
    area: String(formData.get('area') ?? ''),
    ring: String(formData.get('ring') ?? ''),
    support: formData.getAll('support').map(String),
    note: String(formData.get('note') ?? ''),
    period: String(formData.get('period') ?? 'now'),
  }
  if (!parsed.ok || !support.ok) {
    const fields = { ...(parsed.ok ? {} : parsed.fields), ...(support.ok ? {} : { support: 'unknown_support' }) }
    return data<ActionResult>({ ok: false, problem: 'validation_failed', fields, values: typed }, { status: 400 })
  }
  const response = await person.$patch({ param, json: { version: version.data, ...parsed.data, support: support.support } })
  if (!response.ok) return failed(response, typed)
  return data<ActionResult>({ ok: true, safety: (await response.json()).safety })
}

export default function NetworkPerson() {
  const t = useT()
  const { person } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const failed = result && !result.ok ? result : null
  const values = failed?.values ?? person
  return (
    <div className="page page--narrow network-page">
      <p>
        <Link to="/netwerk">← {t('network.person.back')}</Link>
      </p>
      <h1>{person.name}</h1>
      {result?.ok ? (
        <p className="notice notice--ok" role="status">
          {t('network.person.changed')}
        </p>
      ) : null}
      {failed ? (
        <p className="notice notice--error" role="alert">
          {failed.problem === 'version_conflict' ? t('network.conflict') : t('network.invalid')}
        </p>
      ) : null}
      {result?.ok ? <SaveSafety screen={result.safety} /> : null}
      <Form method="post" className="stack" key={`${person.id}-${person.version}`}>
        <input type="hidden" name="version" value={person.version} />
        <PersonFields prefix="person" values={values} fields={failed?.fields ?? {}} />
        <button type="submit" name="intent" value="change" className="button">
          {t('network.person.change')}
        </button>
      </Form>
      <Form method="post" className="stack network-section">
        <input type="hidden" name="version" value={person.version} />
        <p className="muted">{t('network.person.removeHint')}</p>
        <button type="submit" name="intent" value="remove" className="button button--secondary">
          {t('network.person.remove')}
        </button>
      </Form>
    </div>
  )
}
