import { useEffect, useRef } from 'react'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { CheckboxGroup, RadioGroup, TextareaField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem, type FormReply } from '../forms/submission.server'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { krachtwerkDomains } from '@kracht/method'
import { useT, pageTitle } from '../lib/i18n'
import { problemMessage } from '../lib/assistant'
import { AnswerForm, ConversationForms, editedCard, keptCard } from '../lib/conversation-forms'
import { loadConversation, type ConversationData, type SafetyData } from '../lib/assistant.server'
import { SafetyCard } from '../components/assistant-safety'
import { SafetyWorkerChoice } from '../components/safety-worker-choice'
import { DecidedCard, ProblemLine, ProposalCard } from '../components/proposal-card'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import stylesheet from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import { keyedWrite } from '../lib/idempotency.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { IdempotencyKey } from '../components/idempotency-key'

export const meta: MetaFunction = pageTitle('titles.samenOntdekken')
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

/**
 * Which form answered, and its reply (forms/submission.server.ts): errors beside the fields and what
 * was typed, so a refused answer or card edit loses nothing, with or without JavaScript.
 */
type ActionResult =
  | { intent: 'answer'; turn: ConversationData; result: null; safety: null }
  | { intent: 'answer'; turn: null; result: FormReply; safety: SafetyData | null }
  | { intent: 'accept' | 'drop' | 'edit'; proposalId: string; result: FormReply | null; screen?: ScreenData | null }
  | { intent: 'safety'; hasWorker: boolean | null; result: FormReply | null }

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const param = { clientId: user.id, conversationId: params['conversationId'] ?? '' }
  const conversation = api(context, request).clients[':clientId'].conversations[':conversationId']
  const submission = parseSubmission(formData, ConversationForms)
  // Which form it was, also when it did not pass: its reply goes back to that form.
  const posted = String(formData.get('intent') ?? '')
  const proposalId = String(formData.get('proposalId') ?? '')

  if (submission.status !== 'success') {
    const result = reply(submission)
    if (posted === 'accept' || posted === 'drop' || posted === 'edit') return data<ActionResult>({ intent: posted, proposalId, result }, { status: 400 })
    if (posted === 'safety') return data<ActionResult>({ intent: 'safety', hasWorker: null, result }, { status: 400 })
    return data<ActionResult>({ intent: 'answer', turn: null, result, safety: null }, { status: 400 })
  }
  const form = submission.value
  // A card the API refused: the problem beside the field it names, or above the card.
  const refused = async (intent: 'accept' | 'drop' | 'edit', response: Response) =>
    data<ActionResult>({ intent, proposalId, result: await replyWithProblem(submission, response) }, { status: response.status })

  switch (form.intent) {
    case 'drop': {
      const response = await conversation.proposals[':proposalId'].drop.$post({ param: { ...param, proposalId: form.proposalId }, json: {} })
      if (!response.ok) return refused('drop', response)
      return data<ActionResult>({ intent: 'drop', proposalId, result: null })
    }
    case 'accept':
    case 'edit': {
      const json = form.intent === 'edit' ? editedCard(form) : keptCard(form)
      const response = await conversation.proposals[':proposalId'].accept.$post({ param: { ...param, proposalId: form.proposalId }, json })
      if (!response.ok) return refused(form.intent, response)
      // The kept words (a goal, a step, a VIP note) were screened on save: the help card if it fired.
      const { safety: screen } = await response.json()
      return data<ActionResult>({ intent: form.intent, proposalId, result: null, screen: screen.detected ? screen : null })
    }
    case 'safety': {
      const response = await conversation.safety.$post({ param, json: { notifyWorker: form.notifyWorker === 'yes' } })
      if (!response.ok) return data<ActionResult>({ intent: 'safety', hasWorker: null, result: await replyWithProblem(submission, response) }, { status: response.status })
      return data<ActionResult>({ intent: 'safety', hasWorker: (await response.json()).hasWorker, result: null })
    }
    default: {
      const { stepId, version } = form
      const json =
        form.intent === 'skip'
          ? { stepId, version, skip: true }
          : form.intent === 'dontKnow'
            ? { stepId, version, dontKnow: true }
            : { stepId, version, text: form.text ?? '', ...(form.choices.length > 0 ? { choices: form.choices } : {}) }
      const response = await keyedWrite(formData, (options) => conversation.answers.$post({ param, json }, options))
      if (!response.ok) {
        // The typed words come back in the box: nothing is lost on a refusal. A too long answer is said beside it.
        const result = await replyWithProblem(submission, response.clone(), { fieldFor: (code) => (code === 'answer_too_long' ? 'text' : null) })
        // A refused answer (400, 409) may carry the help card, typed by the API's AnswerProblem.
        const safety: SafetyData | null = response.status === 400 || response.status === 409 ? ((await response.json()).safety ?? null) : null
        return data<ActionResult>({ intent: 'answer', turn: null, result, safety }, { status: response.status })
      }
      return data<ActionResult>({ intent: 'answer', turn: await response.json(), result: null, safety: null })
    }
  }
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
  const safety = view.safety ?? (result?.intent === 'answer' ? result.safety : null)
  const hasWorker = result?.intent === 'safety' ? result.hasWorker : null
  const safetyProblem = result?.intent === 'safety' ? problemOf(result.result) : null
  const cardResult = (id: string) => (result && (result.intent === 'accept' || result.intent === 'drop' || result.intent === 'edit') && result.proposalId === id ? result : null)

  const open = view.proposals.filter((p) => isOpen(p.status))
  const decided = view.proposals.filter((p) => !isOpen(p.status))
  const step = view.step
  // "Welkom terug" belongs to coming back to the conversation, not to keeping or leaving out a card on it.
  const decidedCard = result?.intent === 'accept' || result?.intent === 'drop' || result?.intent === 'edit'
  const lines = [...(decidedCard ? [] : view.intro), ...view.feedback]

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

      {safety ? (
        <SafetyCard safety={safety}>
          {view.safetyEvent ? <SafetyWorkerChoice safety={safety} event={view.safetyEvent} hasWorker={hasWorker} busy={busy} /> : null}
        </SafetyCard>
      ) : null}
      {safetyProblem ? (
        <p className="notice notice--error" role="alert">
          {problemMessage(t, safetyProblem)}
        </p>
      ) : null}
      {!safety && (result?.intent === 'accept' || result?.intent === 'edit') ? <SaveSafety screen={result.screen} /> : null}

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
                answer={cardResult(p.id)}
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
        <AnswerBox
          key={stepKey}
          step={step}
          version={view.conversation.version}
          aiFallback={view.aiFallback}
          result={result?.intent === 'answer' ? result.result : null}
          question={question}
          busy={busy}
          sending={sending}
        />
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

/** A form's problem as one code: the API's, or "not everything is right" when only fields are wrong. */
function problemOf(result: FormReply | null): string | null {
  if (!result?.error) return null
  return result.error['']?.[0] ?? 'validation_failed'
}

type Step = NonNullable<ConversationData['step']>

interface AnswerBoxProps {
  step: Step
  version: number
  aiFallback: boolean
  /** The action's reply to a refused answer: the problem, and the words typed, back in the box. */
  result: FormReply | null
  question: React.RefObject<HTMLHeadingElement>
  busy: boolean
  sending: boolean
}

/**
 * The question and the answer form at the bottom. Keyed by the step and the conversation's version,
 * so each new question starts empty; a refused answer's words come back from the reply.
 */
function AnswerBox({ step, version, aiFallback, result, question, busy, sending }: AnswerBoxProps) {
  const t = useT()
  // `answer`: the box keeps its id (`answer-text`) and the problem its own (`answer-error`).
  const [form, fields] = useSchemaForm({ id: 'answer', schema: AnswerForm, lastResult: result })
  // A problem of the conversation (another screen went on, a finished flow) stands above the box; a
  // field the page itself filled in that came back wrong is said there too.
  const drawn = ['text', 'choices']
  const problem = form.errors?.[0] ?? (Object.keys(form.allErrors).some((name) => !drawn.includes(name)) ? 'validation_failed' : null)
  const options = step.options.map((option) => ({ value: option.id, label: option.label }))
  const choose = <span className="visually-hidden">{t('assistant.chat.chooseOne')}</span>
  return (
    <Form method="post" replace preventScrollReset className="answer-box" aria-labelledby="question" {...getFormProps(form)}>
      <IdempotencyKey />
      <h2 id="question" ref={question} tabIndex={-1} className="question">
        {step.question}
      </h2>
      {step.hint ? <p className="hint">{step.hint}</p> : null}
      {aiFallback ? <p className="hint">{t('assistant.ai.offlineFallback')}</p> : null}
      <input type="hidden" name="stepId" value={step.id} />
      <input type="hidden" name="version" value={version} />
      <ProblemLine id={form.errorId} code={problem} />
      {step.options.length === 0 ? null : step.input === 'multi_choice' ? (
        <CheckboxGroup meta={fields.choices} legend={choose} className="options" options={options} />
      ) : (
        <RadioGroup meta={fields.choices} legend={choose} className="options" options={options} />
      )}
      {step.input === 'text' || step.allowText ? (
        <TextareaField
          meta={fields.text}
          label={step.options.length > 0 ? t('assistant.chat.orWrite') : <span className="visually-hidden">{t('assistant.chat.yourAnswer')}</span>}
          rows={3}
          own="assistant.errors"
          aria-describedby={[problem ? form.errorId : null, fields.text.errors ? fields.text.errorId : null].filter(Boolean).join(' ') || undefined}
        />
      ) : null}
      <div className="answer-actions">
        {/* Send first: the button Enter presses. */}
        {(['answer', 'skip', 'dontKnow'] as const).map((intent) => (
          <button key={intent} type="submit" name="intent" value={intent} className={intent === 'answer' ? 'button' : 'button button--secondary'} disabled={busy}>
            {intent === 'answer' ? t(sending ? 'assistant.chat.sending' : 'assistant.chat.send') : t(`assistant.chat.${intent}`)}
          </button>
        ))}
      </div>
      <p className="muted small">{t('assistant.chat.paused')}</p>
    </Form>
  )
}
