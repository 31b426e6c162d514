import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { useT } from '../lib/i18n'
import { loadConversation, problemOf, type ProposalData } from '../lib/assistant.server'
import { fieldText } from '../lib/sharing-forms'
import { FormProblem } from '../components/field'
import { IdempotencyKey } from '../components/idempotency-key'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Samen – Kracht' }]

const Answer = z.object({ stepId: z.string().min(1), version: z.coerce.number().int().min(1), text: z.string().trim().min(1, 'required').max(2000, 'too_long') })
const Keep = z.object({ proposalId: z.string().min(1).max(200), version: z.coerce.number().int().min(1) })

/**
 * A facilitator runs a guided conversation beside a client who is present (together mode). What is
 * found stays the client's: keeping a card here only suggests it; it waits for the client's own
 * choice in their own session (decision 005).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const clientId = params['clientId'] ?? ''
  const view = await loadConversation(request, context, clientId, params['conversationId'] ?? '')
  const shared = await jsonOrThrow(api(context, request).me['shared-with-me'].$get())
  return { view, sessionId: params['sessionId'] ?? '', name: shared.find((s) => s.clientId === clientId)?.displayName ?? '' }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const formData = await request.formData()
  const param = { clientId: params['clientId'] ?? '', conversationId: params['conversationId'] ?? '' }
  const conversation = api(context, request).clients[':clientId'].conversations[':conversationId']
  const text = String(formData.get('text') ?? '')
  if (formData.get('intent') === 'keep') {
    const form = parseForm(Keep, formData)
    if (!form.ok) return data({ problem: 'validation_failed', field: null, text }, { status: 400 })
    const response = await conversation.proposals[':proposalId'].accept.$post({ param: { ...param, proposalId: form.data.proposalId }, json: { version: form.data.version } })
    if (!response.ok) return data({ problem: (await problemOf(response)).code, field: null, text }, { status: response.status })
    return { problem: null, field: null, text: '' }
  }
  const form = parseForm(Answer, formData)
  if (!form.ok) return data({ problem: 'validation_failed', field: form.fields['text'] ?? null, text }, { status: 400 })
  const response = await keyedWrite(formData, (options) => conversation.answers.$post({ param, json: form.data }, options))
  if (!response.ok) {
    const problem = await problemOf(response)
    // The typed words come back in the box: nothing is lost on a refusal.
    return data({ problem: problem.code, field: problem.fields['text'] ?? null, text }, { status: response.status })
  }
  return { problem: null, field: null, text: '' }
}

function cardText(card: ProposalData): string {
  if (card.kind === 'network_person') return card.name
  if (card.kind === 'action') return card.what
  return card.text
}

export default function Together() {
  const t = useT()
  const { view, sessionId, name } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const step = view.step
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/sessies/${sessionId}`}>← {t('peer.togetherDone')}</Link>
      </p>
      <h1>{t('peer.togetherTitle', { name })}</h1>
      <p>{t('peer.togetherIntro')}</p>
      {result?.problem && !result.field ? <FormProblem code={result.problem} /> : null}
      {step ? (
        <Form method="post" className="stack">
          <IdempotencyKey />
          <input type="hidden" name="stepId" value={step.id} />
          <input type="hidden" name="version" value={view.conversation.version} />
          <p className="lead" id="question">
            {step.question}
          </p>
          <div className={result?.field ? 'field field--error' : 'field'}>
            <label htmlFor="text">{t('peer.togetherAnswer', { name })}</label>
            <textarea id="text" name="text" maxLength={2000} required defaultValue={result?.text ?? ''} aria-describedby={result?.field ? 'question text-error' : 'question'} aria-invalid={result?.field ? true : undefined} />
            {result?.field ? (
              <p className="field-error" id="text-error" role="alert">
                {fieldText(t, result.field)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t('peer.togetherSend')}
          </button>
        </Form>
      ) : (
        <p>{t('peer.togetherNoQuestion', { name })}</p>
      )}
      <section className="card" aria-labelledby="cards">
        <h2 id="cards">{t('peer.togetherCards')}</h2>
        {view.proposals.length === 0 ? (
          <p className="muted">{t('peer.togetherNoCards')}</p>
        ) : (
          <ul className="rows" data-testid="together-cards">
            {view.proposals.map((card) => (
              <li key={card.id} className="row">
                <span>{cardText(card)}</span>
                {card.status === 'proposed' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="keep" />
                    <input type="hidden" name="proposalId" value={card.id} />
                    <input type="hidden" name="version" value={card.version} />
                    <button type="submit" className="button button--small">
                      {t('peer.togetherKeep', { name })}
                    </button>
                  </Form>
                ) : card.status === 'pending_client' ? (
                  <span className="muted">{t('peer.togetherKept', { name })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
