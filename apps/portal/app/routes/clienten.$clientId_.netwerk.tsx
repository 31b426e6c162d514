import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { z } from 'zod'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadNetwork } from '../lib/network.server'
import { PersonSchema } from '../lib/network-schema'
import { optionalIdField, requiredText } from '../forms/fields'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { FormErrors, SelectField, TextareaField } from '../forms/field-components'
import { clientShare } from '../lib/shared-client.server'
import { NetworkList, NetworkMap } from '../components/network-map'
import { NetworkRemarks } from '../components/network-remarks'
import { ResourcesSection } from '../components/network-resources'
import { PersonFields } from '../components/person-fields'
import { Notice } from '../components/field'
import networkStyles from '../styles/network.css?url'
import { IdempotencyKey } from '../components/idempotency-key'
import { keyedWrite } from '../lib/idempotency.server'

// The network's messages come with a form's answer (forms/reply-texts.ts): the page need not carry them.
// route-texts: -network.errors

export const meta: MetaFunction = pageTitle('titles.netwerk')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: networkStyles }]

const Params = z.object({ clientId: z.string().uuid() })
// The staff's two forms, told apart by `intent`: a remark (on the whole map or one person) and a
// person suggested for the map, which the client takes up or leaves.
const CommentForm = z.object({ intent: z.literal('comment'), body: requiredText(1000), personId: optionalIdField })
const SuggestForm = PersonSchema.extend({ intent: z.literal('suggest') })
const StaffForms = z.discriminatedUnion('intent', [CommentForm, SuggestForm])

/**
 * A worker or peer expert sees the client's network map only when the client shares `network`
 * (the API's gate decides again and logs each read); with comment access they comment or suggest a
 * person, and the client decides. Nothing is fetched when there is no share, so a refused read is
 * never tried.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const share = await clientShare(request, context, clientId, 'network')
  const network = share.access ? await loadNetwork(request, context, clientId) : null
  if (!network) return data({ clientId, viewerId: user.id, name: share.name, access: null, network: null }, { status: 403 })
  return { clientId, viewerId: user.id, name: share.name, access: share.access, network }
}

type Result = { intent: string; result: SubmissionResult<string[]> }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  // Whatever goes wrong, what was typed comes back to its form.
  const submission = parseSubmission(formData, StaffForms)
  if (submission.status !== 'success') return data<Result>({ intent, result: reply(submission) }, { status: 400 })
  const form = submission.value
  const json =
    form.intent === 'comment'
      ? { kind: 'comment' as const, body: form.body, personId: form.personId }
      : { kind: 'suggestion' as const, body: '', personId: null, proposal: { name: form.name, area: form.area, ring: form.ring, support: form.support, note: form.note, period: form.period } }
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].network.comments.$post({ param: { clientId }, json }, options))
  if (!response.ok) return data<Result>({ intent, result: await replyWithProblem(submission, response) }, { status: response.status })
  throw redirect(`/clienten/${clientId}/netwerk?verstuurd=1`)
}

export default function SharedNetwork() {
  const t = useT()
  const { clientId, viewerId, name, access, network } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const who = name ?? ''
  return (
    <div className="page network-page">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {who ? t('network.worker.back', { name: who }) : t('sharing.backToClient')}</Link>
      </p>
      <h1>{who ? t('network.worker.title', { name: who }) : t('network.worker.titleNoName')}</h1>
      {!network ? (
        <p data-testid="network-not-shared">{who ? t('network.worker.notShared', { name: who }) : t('sharing.notSharedText')}</p>
      ) : (
        <>
          <p className="lead" data-testid="access-line">
            {access === 'comment' ? t('network.worker.canComment', { name: who }) : t('network.worker.readOnly', { name: who })}
          </p>
          {params.get('verstuurd') ? <Notice>{t('network.worker.sent', { name: who })}</Notice> : null}
          <section aria-labelledby="map-title" className="network-section">
            <h2 id="map-title">{t('network.worker.mapTitle', { name: who })}</h2>
            {network.people.length === 0 ? <p>{t('network.worker.empty', { name: who })}</p> : null}
            <div className="network-map-and-list">
              <NetworkMap
                layout={network.map}
                title={t('network.worker.mapTitle', { name: who })}
                centre={{ label: who.slice(0, 12), description: t('network.worker.mapDescription', { name: who }) }}
              />
              <div>
                <h3 className="visually-hidden">{t('network.listTitle')}</h3>
                <NetworkList people={network.people} />
              </div>
            </div>
          </section>
          <NetworkRemarks comments={network.comments} people={network.people} canDecide={false} title={t('network.worker.remarksTitle')} own={{ viewerId, clientId }} />
          <ResourcesSection resources={network.resources} people={network.people} domains={[]} editable={false} />
          {access === 'comment' ? <StaffRemarks people={network.people} who={who} result={result ?? null} /> : null}
        </>
      )}
    </div>
  )
}

/** A remark and a suggested person, each its own form on its own schema; errors beside the fields. */
function StaffRemarks({ people, who, result }: { people: { id: string; name: string }[]; who: string; result: Result | null }) {
  const t = useT()
  const [commentForm, comment] = useSchemaForm({ id: 'comment', schema: CommentForm, lastResult: result?.intent === 'comment' ? result.result : null })
  const [suggestForm, suggest] = useSchemaForm({ id: 'suggest', schema: SuggestForm, lastResult: result?.intent === 'suggest' ? result.result : null })
  return (
    <>
      <section aria-labelledby="comment-title" className="card network-section">
        <h2 id="comment-title">{t('network.worker.comment')}</h2>
        <FormErrors form={commentForm} />
        <Form method="post" className="stack" {...getFormProps(commentForm)}>
          <input type="hidden" name="intent" value="comment" />
          <IdempotencyKey scope="comment" />
          <TextareaField meta={comment.body} label={t('network.worker.comment')} rows={3} maxLength={undefined} own="network.errors" />
          {people.length > 0 ? (
            <SelectField
              meta={comment.personId}
              label={t('network.worker.personOptional')}
              emptyOption={t('network.worker.wholeMap')}
              options={people.map((person) => ({ value: person.id, label: person.name }))}
            />
          ) : null}
          <button type="submit" className="button button--secondary">
            {t('network.worker.commentButton')}
          </button>
        </Form>
      </section>
      <section aria-labelledby="suggest-title" className="card network-section">
        <h2 id="suggest-title">{t('network.worker.suggestTitle')}</h2>
        <p className="muted">{t('network.worker.suggestHint', { name: who })}</p>
        <FormErrors form={suggestForm} />
        <Form method="post" className="stack" {...getFormProps(suggestForm)}>
          <input type="hidden" name="intent" value="suggest" />
          <IdempotencyKey scope="suggest" />
          <PersonFields fields={suggest} />
          <button type="submit" className="button">
            {t('network.worker.suggestButton')}
          </button>
        </Form>
      </section>
    </>
  )
}
