import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadConversation, type ProposalData } from '../lib/assistant.server'
import { FormProblem } from '../components/field'
import { optionalText } from '../forms/fields'
import { CheckboxGroup, FormErrors, RadioGroup, TextareaField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { IdempotencyKey } from '../components/idempotency-key'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = pageTitle('titles.samen')

const version = z.coerce.number({ error: 'invalid' }).int().min(1, 'invalid')

// A step with choices (the topics to talk about) takes the ticked ones, words, or both.
const AnswerForm = z
  .object({
    intent: z.literal('answer'),
    stepId: z.string({ error: 'invalid' }).min(1).max(100),
    version,
    choices: z.array(z.string().max(100, 'invalid')).max(20, 'invalid').default([]),
    text: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (!value.text && value.choices.length === 0) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' })
  })

// The button beside a card: keep it for the client (it waits for the client's own choice).
const KeepForm = z.object({ intent: z.literal('keep'), proposalId: z.string({ error: 'invalid' }).min(1).max(200), version })

const TogetherForms = z.discriminatedUnion('intent', [AnswerForm, KeepForm])

/**
 * A facilitator runs a guided conversation beside a client who is present (together mode). What is
 * found stays the client's: keeping a card here only suggests it; it waits for the client's own
 * choice in their own session (decision 005).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const clientId = params['clientId'] ?? ''
  const view = await loadConversation(request, context, clientId, params['conversationId'] ?? '')
  const shared = await jsonOrThrow(api(context, request).me['shared-with-me'].$get({ query: {} }))
  return { view, sessionId: params['sessionId'] ?? '', name: shared.find((s) => s.clientId === clientId)?.displayName ?? '' }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const formData = await request.formData()
  const submission = parseSubmission(formData, TogetherForms)
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const param = { clientId: params['clientId'] ?? '', conversationId: params['conversationId'] ?? '' }
  const conversation = api(context, request).clients[':clientId'].conversations[':conversationId']
  const form = submission.value
  if (form.intent === 'keep') {
    const response = await conversation.proposals[':proposalId'].accept.$post({ param: { ...param, proposalId: form.proposalId }, json: { version: form.version } })
    if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
    return { result: null }
  }
  const json = { stepId: form.stepId, version: form.version, text: form.text ?? '', ...(form.choices.length > 0 ? { choices: form.choices } : {}) }
  const response = await keyedWrite(formData, (options) => conversation.answers.$post({ param, json }, options))
  // The typed words come back in the box: nothing is lost on a refusal.
  if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
  return { result: null }
}

function cardText(card: ProposalData): string {
  if (card.kind === 'network_person') return card.name
  if (card.kind === 'action') return card.what
  return card.text
}

export default function Together() {
  const t = useT()
  const { view, sessionId, name } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const step = view.step
  // A kept card's problem stands above; the answer form shows its own. A new step is a new form.
  const keeping = answer?.result?.initialValue?.['intent'] === 'keep'
  const [form, fields] = useSchemaForm({ id: `answer-${step?.id ?? 'none'}`, schema: AnswerForm, lastResult: keeping ? null : answer?.result })
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/sessies/${sessionId}`}>← {t('peer.togetherDone')}</Link>
      </p>
      <h1>{t('peer.togetherTitle', { name })}</h1>
      <p>{t('peer.togetherIntro')}</p>
      <FormProblem code={keeping ? answer?.result?.error?.['']?.[0] : null} />
      <FormErrors form={form} />
      {step ? (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <IdempotencyKey />
          <input type="hidden" name="intent" value="answer" />
          <input type="hidden" name="stepId" value={step.id} />
          <input type="hidden" name="version" value={view.conversation.version} />
          <p className="lead" id="question">
            {step.question}
          </p>
          {step.options.length > 0 ? (
            step.input === 'multi_choice' ? (
              <CheckboxGroup meta={fields.choices} legend={t('peer.togetherChoose', { name })} className="options" options={step.options.map((option) => ({ value: option.id, label: option.label }))} />
            ) : (
              <RadioGroup meta={fields.choices} legend={t('peer.togetherChoose', { name })} className="options" options={step.options.map((option) => ({ value: option.id, label: option.label }))} />
            )
          ) : null}
          <TextareaField
            meta={fields.text}
            label={t('peer.togetherAnswer', { name })}
            // The question above is what this box answers.
            aria-describedby={['question', fields.text.errors ? fields.text.errorId : null].filter(Boolean).join(' ')}
          />
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
