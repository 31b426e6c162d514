import { useEffect, useRef } from 'react'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
// The last page not yet on forms/ (useSchemaForm, parseSubmission): its forms are read on the
// server only (parseForm with the schemas in assistant-forms.server.ts). Moving it over must keep
// one difference: here an emptied note or "who/when" is sent as null and clears what the card
// said, while parseSubmission reads an empty field as "not given" (issue 15; see the closing note).
import { parseForm } from '../lib/forms'
import { krachtwerkDomains } from '@kracht/method'
import { useT } from '../lib/i18n'
import { problemMessage } from '../lib/assistant'
import { AcceptForm, AnswerForm, ProposalForm, SafetyForm } from '../lib/assistant-forms.server'
import { loadConversation, problemOf, type ConversationData, type SafetyData } from '../lib/assistant.server'
import { SafetyCard } from '../components/assistant-safety'
import { DecidedCard, ProposalCard } from '../components/proposal-card'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import stylesheet from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = () => [{ title: 'Samen ontdekken – Kracht' }]
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const view = await loadConversation(request, context, user.id, params['conversationId'] ?? '')
  // The organisation's domain list is only needed when a card asks for a domain.
  const needsDomains = view.proposals.some((p) => isOpen(p.status) && (p.kind === 'statement' || p.kind === 'goal'))
  let domains: readonly string[] = krachtwerkDomains
  if (needsDomains) {
    // A failed read is the error page, not Krachtwerk's ten in an ICM organisation.
    domains = (await jsonOrThrow(api(context, request).clients[':clientId'].inventory.$get({ param: { clientId: user.id }, query: {} }))).domains
  }
  // Cards kept together with someone wait for the client: say whose suggestion each one is.
  const suggesters: Record<string, string> = {}
  if (view.proposals.some((p) => p.status === 'pending_client')) {
    const response = await api(context, request).clients[':clientId']['pending-cards'].$get({ param: { clientId: user.id } })
    if (response.ok) for (const card of await response.json()) if (card.suggestedBy?.name) suggesters[card.proposal.id] = card.suggestedBy.name
  }
  return { view, domains, suggesters }
}

/** Open for the client: new cards, and cards kept together with someone that wait for the client's own choice. */
const isOpen = (status: string) => status === 'proposed' || status === 'pending_client'

type Problem = { code: string; fields: Record<string, string> }

type ActionResult =
  | { intent: 'answer'; turn: ConversationData; problem: null; safety: null; text: '' }
  | { intent: 'answer'; turn: null; problem: Problem; safety: SafetyData | null; text: string }
  | { intent: 'accept' | 'drop'; proposalId: string; problem: Problem | null; screen?: ScreenData | null }
  | { intent: 'safety'; hasWorker: boolean | null; problem: Problem | null }

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const conversationId = params['conversationId'] ?? ''
  const param = { clientId: user.id, conversationId }
  const conversation = api(context, request).clients[':clientId'].conversations[':conversationId']
  const intent = String(formData.get('intent') ?? '')

  if (intent === 'accept' || intent === 'drop') {
    const proposalId = String(formData.get('proposalId') ?? '')
    const fail = (problem: Problem, status: number) => data<ActionResult>({ intent, proposalId, problem }, { status })
    if (intent === 'drop') {
      const form = parseForm(ProposalForm, formData)
      if (!form.ok) return fail({ code: 'validation_failed', fields: {} }, 400)
      const response = await conversation.proposals[':proposalId'].drop.$post({ param: { ...param, proposalId: form.data.proposalId }, json: {} })
      if (!response.ok) return fail(await problemOf(response), response.status)
      return data<ActionResult>({ intent, proposalId, problem: null })
    }
    const form = parseForm(AcceptForm, formData)
    if (!form.ok) return fail({ code: 'validation_failed', fields: form.fields }, 400)
    const { proposalId: id, ...edit } = form.data
    // Unticked boxes send nothing: the marker says the support choices were on the form.
    const support = formData.has('supportShown')
      ? formData.getAll('support').filter((s): s is 'practical' | 'emotional' | 'advice' | 'company' => ['practical', 'emotional', 'advice', 'company'].includes(String(s)))
      : undefined
    const json = Object.fromEntries(Object.entries({ ...edit, support }).filter(([, value]) => value !== undefined))
    const response = await conversation.proposals[':proposalId'].accept.$post({ param: { ...param, proposalId: id }, json })
    if (!response.ok) return fail(await problemOf(response), response.status)
    // The kept words (a goal, a step, a VIP note) were screened on save: the help card if it fired.
    const { safety: screen } = await response.json()
    return data<ActionResult>({ intent, proposalId, problem: null, screen: screen.detected ? screen : null })
  }

  if (intent === 'safety') {
    const form = parseForm(SafetyForm, formData)
    if (!form.ok) return data<ActionResult>({ intent, hasWorker: null, problem: { code: 'validation_failed', fields: form.fields } }, { status: 400 })
    const response = await conversation.safety.$post({ param, json: { notifyWorker: form.data.notifyWorker === 'yes' } })
    if (!response.ok) return data<ActionResult>({ intent, hasWorker: null, problem: await problemOf(response) }, { status: response.status })
    return data<ActionResult>({ intent, hasWorker: (await response.json()).hasWorker, problem: null })
  }

  const form = parseForm(AnswerForm, formData)
  const text = String(formData.get('text') ?? '')
  if (!form.ok) {
    return data<ActionResult>({ intent: 'answer', turn: null, problem: { code: 'validation_failed', fields: form.fields }, safety: null, text }, { status: 400 })
  }
  const { intent: kind, stepId, version } = form.data
  const choices = formData.getAll('choices').map(String).filter(Boolean).slice(0, 20)
  const json =
    kind === 'skip'
      ? { stepId, version, skip: true }
      : kind === 'dontKnow'
        ? { stepId, version, dontKnow: true }
        : { stepId, version, text: form.data.text, ...(choices.length > 0 ? { choices } : {}) }
  const response = await keyedWrite(formData, (options) => conversation.answers.$post({ param, json }, options))
  if (!response.ok) {
    const problem = await problemOf(response.clone())
    // A refused answer (400, 409) may carry the help card, typed by the API's AnswerProblem.
    const safety: SafetyData | null = response.status === 400 || response.status === 409 ? ((await response.json()).safety ?? null) : null
    // The typed words come back in the box: nothing is lost on a refusal.
    return data<ActionResult>({ intent: 'answer', turn: null, problem, safety, text }, { status: response.status })
  }
  return data<ActionResult>({ intent: 'answer', turn: await response.json(), problem: null, safety: null, text: '' })
}

export default function Conversation() {
  const t = useT()
  const { view: loaded, domains, suggesters } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'

  // The answer's own result (feedback, a model's phrasing) belongs to the state the loader shows now.
  const turn = result?.intent === 'answer' && result.turn && result.turn.conversation.version === loaded.conversation.version ? result.turn : null
  const view = turn ? { ...loaded, step: turn.step, feedback: turn.feedback, intro: [], newProposalIds: turn.newProposalIds, safety: turn.safety, aiFallback: turn.aiFallback } : loaded
  const answerProblem = result?.intent === 'answer' ? result.problem : null
  const safety = view.safety ?? (result?.intent === 'answer' ? result.safety : null)
  const hasWorker = result?.intent === 'safety' ? result.hasWorker : null
  const cardProblem = (id: string) => (result && (result.intent === 'accept' || result.intent === 'drop') && result.proposalId === id ? result.problem : null)

  const open = view.proposals.filter((p) => isOpen(p.status))
  const decided = view.proposals.filter((p) => !isOpen(p.status))
  const step = view.step
  const lines = [...view.intro, ...view.feedback]

  // With JavaScript the page does not reload: move focus to the new question, as a reload would
  // move it to the top, so a screen reader reads it out.
  const question = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)
  const stepKey = `${step?.id ?? 'done'}-${view.conversation.version}`
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    question.current?.focus()
  }, [stepKey])

  const sending = busy && navigation.formData?.get('stepId') !== null && navigation.formData?.get('stepId') !== undefined

  return (
    <div className="page page--narrow assistant chat">
      <p className="breadcrumb">
        <Link to="/assistent">← {t('assistant.chat.back')}</Link>
      </p>
      <h1 className="chat-title">{t(`assistant.flows.${view.conversation.flow}`)}</h1>
      {view.conversation.facilitatorId ? <p className="muted">{t('assistant.chat.together')}</p> : null}

      {safety ? <SafetyCard safety={safety} event={view.safetyEvent} hasWorker={hasWorker} busy={busy} /> : null}
      {!safety && result?.intent === 'accept' ? <SaveSafety screen={result.screen} /> : null}

      {lines.length > 0 ? (
        <div className="chat-lines" aria-live="polite">
          {lines.map((line, index) => (
            <p key={`${stepKey}-${index}`} className="bubble">
              {line}
            </p>
          ))}
        </div>
      ) : null}

      {view.summary ? (
        <section className="celebration" aria-labelledby="summary-title">
          <p className="celebration-mark" aria-hidden="true">
            ★
          </p>
          <h2 id="summary-title" ref={step ? undefined : question} tabIndex={-1}>
            {view.summary.title}
          </h2>
          {view.summary.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ) : null}

      {open.length > 0 ? (
        <section aria-labelledby="cards-title" className="cards">
          <h2 id="cards-title">{t('assistant.cards.title')}</h2>
          <p className="muted">{t('assistant.cards.intro')}</p>
          <ul className="proposals">
            {open.map((p) => (
              <ProposalCard
                key={`${p.id}-${p.version}`}
                proposal={p}
                domains={domains}
                problem={cardProblem(p.id)}
                busy={busy}
                isNew={view.newProposalIds.includes(p.id)}
                suggestedBy={p.status === 'pending_client' ? (suggesters[p.id] ?? '') : null}
                ownWords={open.some((o) => o.source === 'assistant_suggestion' && 'alternativeTo' in o && o.alternativeTo === p.id)}
              />
            ))}
          </ul>
        </section>
      ) : null}

      {decided.length > 0 ? (
        <details className="decided-list">
          <summary>
            {t('assistant.cards.decidedTitle')} ({decided.length})
          </summary>
          <ul className="plain-list">
            {decided.map((p) => (
              <DecidedCard key={p.id} proposal={p} />
            ))}
          </ul>
        </details>
      ) : null}

      {step ? (
        <Form method="post" replace preventScrollReset className="answer-box" aria-labelledby="question">
          <IdempotencyKey />
          <h2 id="question" ref={question} tabIndex={-1} className="question">
            {step.question}
          </h2>
          {step.hint ? <p className="hint">{step.hint}</p> : null}
          {view.aiFallback ? <p className="hint">{t('assistant.ai.offlineFallback')}</p> : null}
          <input type="hidden" name="stepId" value={step.id} />
          <input type="hidden" name="version" value={view.conversation.version} />
          {answerProblem ? (
            <p className="field-error" role="alert" id="answer-error">
              {problemMessage(t, answerProblem.code)}
            </p>
          ) : null}
          {step.options.length > 0 ? (
            <fieldset className="field options">
              <legend className="visually-hidden">{t('assistant.chat.chooseOne')}</legend>
              {step.options.map((option) => (
                <label key={option.id} className="choice">
                  <input type={step.input === 'multi_choice' ? 'checkbox' : 'radio'} name="choices" value={option.id} /> {option.label}
                </label>
              ))}
            </fieldset>
          ) : null}
          {step.input === 'text' || step.allowText ? (
            <div className="field">
              <label htmlFor="answer-text" className={step.options.length > 0 ? undefined : 'visually-hidden'}>
                {step.options.length > 0 ? t('assistant.chat.orWrite') : t('assistant.chat.yourAnswer')}
              </label>
              <textarea
                key={stepKey}
                id="answer-text"
                name="text"
                rows={3}
                defaultValue={result?.intent === 'answer' ? result.text : ''}
                aria-invalid={answerProblem ? true : undefined}
                aria-describedby={answerProblem ? 'answer-error' : undefined}
              />
            </div>
          ) : null}
          <div className="answer-actions">
            <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
              {sending ? t('assistant.chat.sending') : t('assistant.chat.send')}
            </button>
            <button type="submit" name="intent" value="skip" className="button button--secondary" disabled={busy}>
              {t('assistant.chat.skip')}
            </button>
            <button type="submit" name="intent" value="dontKnow" className="button button--secondary" disabled={busy}>
              {t('assistant.chat.dontKnow')}
            </button>
          </div>
          <p className="muted small">{t('assistant.chat.paused')}</p>
        </Form>
      ) : (
        <div className="card-actions">
          <Link to="/assistent" className="button">
            {t('assistant.chat.again')}
          </Link>
          <Link to="/inventaris" className="button button--secondary">
            {t('assistant.chat.toInventory')}
          </Link>
        </div>
      )}
    </div>
  )
}
