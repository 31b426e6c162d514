import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { api, readProblem } from '../lib/api.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { linkOf, loadNetwork } from '../lib/network.server'
import { NetworkButtonForms, PersonSchema, ResourceSchema } from '../lib/network-schema'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { NetworkList, NetworkMap } from '../components/network-map'
import { PersonFields } from '../components/person-fields'
import { ResourcesSection } from '../components/network-resources'
import { NetworkRemarks } from '../components/network-remarks'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import networkStyles from '../styles/network.css?url'
import assistantStyles from '../styles/assistant.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = pageTitle('titles.mijnNetwerk')
// The help card after a save is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: networkStyles },
  { rel: 'stylesheet', href: assistantStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const [network, inventory] = await Promise.all([
    loadNetwork(request, context, user.id),
    api(context, request).clients[':clientId'].inventory.$get({ param: { clientId: user.id }, query: {} }),
  ])
  if (!network) throw new Response('unavailable', { status: 503 })
  // The life domains a resource may be linked to: a failed read is the error page, not "no domains".
  const { domains } = await jsonOrThrow(inventory)
  return { ...network, domains }
}

type Problem = 'validation_failed' | 'version_conflict' | 'generic'
export type NetworkActionResult =
  | { ok: true; intent: string; safety: ScreenData | null; name?: string | undefined; savedId?: string | undefined }
  | { ok: false; intent: string; problem: Problem }
  // Adding a person or a resource: conform's answer, errors beside the fields and the typing kept.
  | { ok: false; intent: 'add-person' | 'add-resource'; result: SubmissionResult<string[]> }

const problemOf = (code: string): Problem => (code === 'validation_failed' || code === 'version_conflict' ? code : 'generic')

/** Every form posts here and works without JavaScript; bad input saves nothing and keeps what was typed. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const network = api(context, request).clients[':clientId'].network
  const param = { clientId: user.id }
  // The buttons (remove, accept, decline) carry no typed text: a refusal is one notice above the page.
  const refused = (status: number, problem: Problem) => data<NetworkActionResult>({ ok: false, intent, problem }, { status })

  if (intent === 'add-person') {
    const submission = parseSubmission(formData, PersonSchema)
    if (submission.status !== 'success') return data<NetworkActionResult>({ ok: false, intent, result: reply(submission) }, { status: 400 })
    const response = await keyedWrite(formData, (options) => network.persons.$post({ param, json: submission.value }, options))
    if (!response.ok) return data<NetworkActionResult>({ ok: false, intent, result: await replyWithProblem(submission, response) }, { status: response.status })
    const saved = await response.json()
    return data<NetworkActionResult>({ ok: true, intent, safety: saved.safety, name: saved.person.name, savedId: saved.person.id })
  }
  if (intent === 'add-resource') {
    const submission = parseSubmission(formData, ResourceSchema)
    if (submission.status !== 'success') return data<NetworkActionResult>({ ok: false, intent, result: reply(submission) }, { status: 400 })
    const { kind, text, link } = submission.value
    const response = await keyedWrite(formData, (options) => network.resources.$post({ param, json: { kind, text, ...linkOf(link) } }, options))
    // The link is one field on the page: a domain or a person refused by the API shows beside it.
    if (!response.ok) {
      const result = await replyWithProblem(submission, response, { rename: { domain: 'link', personId: 'link' } })
      return data<NetworkActionResult>({ ok: false, intent, result }, { status: response.status })
    }
    const saved = await response.json()
    return data<NetworkActionResult>({ ok: true, intent, safety: saved.safety, savedId: saved.resource.id })
  }
  if (intent === 'remove-resource' || intent === 'accept' || intent === 'decline') {
    const submission = parseSubmission(formData, NetworkButtonForms)
    if (submission.status !== 'success') return refused(400, 'validation_failed')
    const form = submission.value
    const response =
      form.intent === 'remove-resource'
        ? await network.resources[':resourceId'].$delete({ param: { ...param, resourceId: form.resourceId }, query: { version: String(form.version) } })
        : await network.suggestions[':commentId'].decision.$post({
            param: { ...param, commentId: form.commentId },
            json: { decision: form.intent, ...(form.version !== undefined ? { version: form.version } : {}) },
          })
    if (!response.ok) return refused(response.status, problemOf((await readProblem(response)).code))
    return data<NetworkActionResult>({ ok: true, intent, safety: null })
  }
  return refused(400, 'validation_failed')
}

export default function MyNetwork() {
  const t = useT()
  const { people, map, resources, comments, domains } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const failed = result && !result.ok && 'problem' in result ? result : null
  const personFailed = result && !result.ok && 'result' in result && result.intent === 'add-person' ? result.result : null
  const resourceFailed = result && !result.ok && 'result' in result && result.intent === 'add-resource' ? result.result : null
  const toPerson = (id: string) => `/netwerk/persoon/${id}`
  return (
    <div className="page network-page">
      <h1>{t('network.title')}</h1>
      <p className="lead">{t('network.intro')}</p>
      <p className="call-row no-print">
        <Link to="/netwerk/afdrukken">{t('network.print.link')}</Link> · <Link to="/netwerk/vergelijken">{t('network.compare.link')}</Link>
      </p>
      <Form method="post" action="/assistent" className="inline-form">
        <button type="submit" name="flow" value="vip" className="button button--secondary">
          {t('network.withAssistant')}
        </button>
      </Form>

      {result?.ok ? (
        <p className="notice notice--ok" role="status">
          {result.intent === 'add-person'
            ? t('network.add.added', { name: result.name ?? '' })
            : result.intent === 'add-resource'
              ? t('network.resources.added')
              : result.intent === 'remove-resource'
                ? t('network.resources.removed')
                : result.intent === 'accept'
                  ? t('network.comments.accepted')
                  : t('network.comments.declined')}
        </p>
      ) : null}
      {failed || personFailed || resourceFailed ? (
        <p className="notice notice--error" role="alert">
          {failed?.problem === 'version_conflict' ? t('network.conflict') : t('network.invalid')}
        </p>
      ) : null}
      {result?.ok ? <SaveSafety screen={result.safety} /> : null}

      <section aria-labelledby="map-title" className="network-section">
        <h2 id="map-title">{t('network.mapTitle')}</h2>
        {people.length === 0 ? <p>{t('network.empty')}</p> : null}
        <div className="network-map-and-list">
          <NetworkMap layout={map} linkTo={toPerson} title={t('network.mapTitle')} />
          <div>
            <h3 className="visually-hidden">{t('network.listTitle')}</h3>
            <NetworkList people={people} linkTo={toPerson} />
          </div>
        </div>
      </section>

      <NetworkRemarks comments={comments} people={people} />

      <section aria-labelledby="add-title" className="card network-section">
        <h2 id="add-title">{t('network.add.title')}</h2>
        {/* A new key after each save empties the form; after a refusal the typing stays. */}
        {/* A new, empty form once per save, keyed by what was saved: a key from the list's length changed
            again when the page's data came back, and wiped what the person had begun to type next. */}
        <AddPerson key={result?.ok && result.intent === 'add-person' ? `saved-${result.savedId}` : 'add'} result={personFailed} />
      </section>

      <ResourcesSection resources={resources} people={people} domains={domains} result={resourceFailed} resetKey={result?.ok && result.intent === 'add-resource' ? result.savedId : undefined} />
    </div>
  )
}

/** Adding a person to the map: one form on PersonSchema, its errors beside the fields. */
function AddPerson({ result }: { result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'add', schema: PersonSchema, lastResult: result })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <IdempotencyKey scope="person" />
      <PersonFields fields={fields} />
      <button type="submit" name="intent" value="add-person" className="button">
        {t('network.add.button')}
      </button>
    </Form>
  )
}
