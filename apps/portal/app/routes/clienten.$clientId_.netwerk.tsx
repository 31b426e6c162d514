import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { loadNetwork, PersonForm, supportFrom } from '../lib/network.server'
import { clientShare } from '../lib/shared-client.server'
import { NetworkError, NetworkList, NetworkMap } from '../components/network-map'
import { NetworkRemarks } from '../components/network-remarks'
import { ResourcesSection } from '../components/network-resources'
import { emptyPerson, PersonFields, personValuesFrom } from '../components/person-fields'
import { Notice } from '../components/field'
import networkStyles from '../styles/network.css?url'
import { IdempotencyKey } from '../components/idempotency-key'
import { keyedWrite } from '../lib/idempotency.server'

export const meta: MetaFunction = () => [{ title: 'Netwerk – Kracht' }]
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: networkStyles }]

const Params = z.object({ clientId: z.string().uuid() })
const CommentForm = z.object({
  body: z.string().trim().min(1, 'required').max(1000, 'too_long'),
  personId: z.union([z.string().uuid(), z.literal('')]).default(''),
})
const SuggestionNote = z.string().trim().max(1000, 'too_long').default('')


/**
 * A worker or peer expert sees the client's network map only when the client shares `network`
 * (the API's gate decides again and logs each read); with comment access they comment or suggest a
 * person, and the client decides. Nothing is fetched when there is no share, so a refused read is
 * never tried.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const share = await clientShare(request, context, clientId, 'network')
  const network = share.access ? await loadNetwork(request, context, clientId) : null
  if (!network) return data({ clientId, name: share.name, access: null, network: null }, { status: 403 })
  return { clientId, name: share.name, access: share.access, network }
}

type Values = Record<string, string | string[]>
type Result = { intent: 'comment' | 'suggest'; fields: Record<string, string>; values: Values; problem: 'validation_failed' | 'refused' }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const intent = formData.get('intent') === 'suggest' ? 'suggest' : 'comment'
  const values: Values = {}
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).map(String)
    values[key] = all.length > 1 ? all : (all[0] ?? '')
  }
  const refused = (fields: Record<string, string>, status = 400, problem: Result['problem'] = 'validation_failed') =>
    data<Result>({ intent, fields, values, problem }, { status })
  let json
  if (intent === 'comment') {
    const comment = parseForm(CommentForm, formData)
    if (!comment.ok) return refused(comment.fields)
    json = { kind: 'comment' as const, body: comment.data.body, personId: comment.data.personId || null }
  } else {
    const person = parseForm(PersonForm, formData)
    const support = supportFrom(formData)
    const note = SuggestionNote.safeParse(formData.get('body') ?? '')
    if (!person.ok || !support.ok || !note.success) {
      return refused({ ...(person.ok ? {} : person.fields), ...(support.ok ? {} : { support: 'unknown_support' }), ...(note.success ? {} : { body: 'too_long' }) })
    }
    json = { kind: 'suggestion' as const, body: note.data, personId: null, proposal: { ...person.data, support: support.support } }
  }
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].network.comments.$post({ param: { clientId }, json }, options))
  if (!response.ok) {
    const problem = await readProblem(response)
    return refused(problem.fields ?? {}, response.status, problem.code === 'validation_failed' ? 'validation_failed' : 'refused')
  }
  throw redirect(`/clienten/${clientId}/netwerk?verstuurd=1`)
}

export default function SharedNetwork() {
  const t = useT()
  const { clientId, name, access, network } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const who = name ?? ''
  const failed = (intent: Result['intent']) => (result && result.intent === intent ? result : null)
  const commentFailed = failed('comment')
  const suggestFailed = failed('suggest')
  return (
    <div className="page network-page">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {who ? t('network.worker.back', { name: who }) : t('sharing.caseloadTitle')}</Link>
      </p>
      <h1>{t('network.worker.title', { name: who })}</h1>
      {!network ? (
        <p data-testid="network-not-shared">{t('network.worker.notShared', { name: who })}</p>
      ) : (
        <>
          <p className="lead" data-testid="access-line">
            {access === 'comment' ? t('network.worker.canComment', { name: who }) : t('network.worker.readOnly', { name: who })}
          </p>
          {params.get('verstuurd') ? <Notice>{t('network.worker.sent', { name: who })}</Notice> : null}
          {result?.problem === 'refused' ? (
            <p className="notice notice--error" role="alert">
              {t('network.invalid')}
            </p>
          ) : null}
          <section aria-labelledby="map-title" className="network-section">
            <h2 id="map-title">{t('network.worker.mapTitle', { name: who })}</h2>
            {network.people.length === 0 ? <p>{t('network.worker.empty', { name: who })}</p> : null}
            <div className="network-map-and-list">
              <NetworkMap
                people={network.people}
                title={t('network.worker.mapTitle', { name: who })}
                centre={{ label: who.slice(0, 12), description: t('network.worker.mapDescription', { name: who }) }}
              />
              <div>
                <h3 className="visually-hidden">{t('network.listTitle')}</h3>
                <NetworkList people={network.people} />
              </div>
            </div>
          </section>
          <NetworkRemarks comments={network.comments} people={network.people} canDecide={false} title={t('network.worker.remarksTitle')} />
          <ResourcesSection resources={network.resources} people={network.people} domains={[]} editable={false} />
          {access === 'comment' ? (
            <>
              <section aria-labelledby="comment-title" className="card network-section">
                <h2 id="comment-title">{t('network.worker.comment')}</h2>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="comment" />
                  <IdempotencyKey scope="comment" />
                  <div className={commentFailed?.fields['body'] ? 'field field--error' : 'field'}>
                    <label htmlFor="comment-body">{t('network.worker.comment')}</label>
                    <textarea
                      id="comment-body"
                      name="body"
                      rows={3}
                      maxLength={1000}
                      defaultValue={typeof commentFailed?.values['body'] === 'string' ? commentFailed.values['body'] : ''}
                      aria-invalid={commentFailed?.fields['body'] ? true : undefined}
                      aria-describedby={commentFailed?.fields['body'] ? 'comment-body-error' : undefined}
                    />
                    <NetworkError id="comment-body-error" code={commentFailed?.fields['body']} />
                  </div>
                  {network.people.length > 0 ? (
                    <div className="field">
                      <label htmlFor="comment-person">{t('network.worker.personOptional')}</label>
                      <select id="comment-person" name="personId" defaultValue={typeof commentFailed?.values['personId'] === 'string' ? commentFailed.values['personId'] : ''}>
                        <option value="">{t('network.worker.wholeMap')}</option>
                        {network.people.map((person) => (
                          <option key={person.id} value={person.id}>
                            {person.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : null}
                  <button type="submit" className="button button--secondary">
                    {t('network.worker.commentButton')}
                  </button>
                </Form>
              </section>
              <section aria-labelledby="suggest-title" className="card network-section">
                <h2 id="suggest-title">{t('network.worker.suggestTitle')}</h2>
                <p className="muted">{t('network.worker.suggestHint', { name: who })}</p>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="suggest" />
                  <IdempotencyKey scope="suggest" />
                  <PersonFields prefix="suggest" values={suggestFailed ? personValuesFrom(suggestFailed.values) : emptyPerson} fields={suggestFailed?.fields ?? {}} />
                  <button type="submit" className="button">
                    {t('network.worker.suggestButton')}
                  </button>
                </Form>
              </section>
            </>
          ) : null}
        </>
      )}
    </div>
  )
}
