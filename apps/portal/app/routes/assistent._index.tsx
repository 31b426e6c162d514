import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, useT, pageTitle } from '../lib/i18n'
import { flows, problemMessage } from '../lib/assistant'
import { AssistantForms } from '../lib/assistant-forms.server'
import { parseSubmission } from '../forms/submission.server'
import { problemOf } from '../lib/assistant.server'
import stylesheet from '../styles/assistant.css?url'
import { jsonOrThrow } from '../lib/api-failure.server'

// The problem of a start or AI-help button is the API's code, not a form's answer with its texts.
// route-texts: errors

export const meta: MetaFunction = pageTitle('titles.samenOntdekken')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request)
  const param = { clientId: user.id }
  const [list, aiHelp, events, pending] = await Promise.all([
    client.clients[':clientId'].conversations.$get({ param }),
    client.clients[':clientId'].settings['ai-help'].$get({ param }),
    client.clients[':clientId']['safety-events'].$get({ param }),
    client.clients[':clientId']['pending-cards'].$get({ param }),
  ])
  if (!list.ok || !aiHelp.ok) throw new Response('assistant unavailable', { status: list.ok ? aiHelp.status : list.status })
  return {
    conversations: await list.json(),
    aiHelp: await aiHelp.json(),
    events: await jsonOrThrow(events),
    pending: await jsonOrThrow(pending),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const client = api(context, request)
  const param = { clientId: user.id }
  // The start buttons (here, on the network map, on the safety plan) send only the flow.
  if (!formData.has('intent')) formData.set('intent', 'start')
  const submission = parseSubmission(formData, AssistantForms)
  if (submission.status !== 'success') {
    const intent = formData.get('intent') === 'aiHelp' ? ('aiHelp' as const) : ('start' as const)
    return data({ intent, problem: intent === 'start' ? 'unknown_flow' : 'validation_failed', saved: null }, { status: 400 })
  }
  const form = submission.value
  if (form.intent === 'aiHelp') {
    const response = await client.clients[':clientId'].settings['ai-help'].$put({ param, json: { enabled: form.enabled === 'on' } })
    if (!response.ok) return data({ intent: 'aiHelp' as const, problem: (await problemOf(response)).code, saved: null }, { status: response.status })
    return { intent: 'aiHelp' as const, problem: null, saved: form.enabled }
  }
  // The conversation speaks the language the page is in (the language switch), not the account's default.
  const response = await client.clients[':clientId'].conversations.$post({ param, json: { flow: form.flow, locale: requestLocale(request) } })
  if (!response.ok) return data({ intent: 'start' as const, problem: (await problemOf(response)).code, saved: null }, { status: response.status })
  const started = await response.json()
  throw redirect(`/assistent/${started.conversation.id}`)
}

export default function Assistant() {
  const t = useT()
  const locale = useLocale()
  const { conversations, aiHelp, events, pending } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const busy = useNavigation().state !== 'idle'
  return (
    <div className="page page--narrow assistant">
      <h1>{t('assistant.title')}</h1>
      <p className="lead">{t('assistant.intro')}</p>
      <p>{t('assistant.promise')}</p>
      {result?.problem ? (
        <div className="notice notice--error" role="alert">
          {problemMessage(t, result.problem)}
        </div>
      ) : null}

      {pending.length > 0 ? (
        <section aria-labelledby="pending-title" className="card pending-cards">
          <h2 id="pending-title">{t('assistant.pending.title')}</h2>
          <p>{t('assistant.pending.intro')}</p>
          <ul className="rows">
            {pending.map(({ conversationId, flow, proposal: p, suggestedBy }) => {
              const text = p.kind === 'network_person' ? p.name : p.kind === 'action' ? p.what : p.text
              return (
                <li key={p.id} className="row row--stack">
                  <span>
                    <strong>{text}</strong>
                    <br />
                    <span className="muted">
                      {suggestedBy?.name ? t('assistant.pending.from', { name: suggestedBy.name }) : t('assistant.pending.fromWorker')} ·{' '}
                      {t('assistant.pending.inConversation', { flow: t(`assistant.flows.${flow}`) })}
                    </span>
                  </span>
                  <Link to={`/assistent/${conversationId}#kaart-${p.id}`} className="button button--small" aria-label={`${t('assistant.pending.open')}: ${text.slice(0, 40)}`}>
                    {t('assistant.pending.open')}
                  </Link>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="choose">
        <h2 id="choose">{t('assistant.chooseTitle')}</h2>
        <ul className="flow-list">
          {flows.map((flow) => (
            <li key={flow}>
              <Form method="post" className="flow-card">
                <h3>{t(`assistant.flows.${flow}`)}</h3>
                <p>{t(`assistant.flowTexts.${flow}`)}</p>
                {/* The visible word comes first in the name (label in name), the flow makes it unique. */}
                <button
                  type="submit"
                  name="flow"
                  value={flow}
                  className="button"
                  disabled={busy}
                  aria-label={`${t('assistant.start')}: ${t(`assistant.flows.${flow}`)}`}
                >
                  {t('assistant.start')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="paused" className="card">
        <h2 id="paused">{t('assistant.pausedTitle')}</h2>
        {conversations.length === 0 ? (
          <p>{t('assistant.pausedNone')}</p>
        ) : (
          <ul className="rows">
            {conversations.map((c) => (
              <li key={c.id} className="row">
                <span>
                  <strong>{t(`assistant.flows.${c.flow}`)}</strong>
                  <br />
                  <span className="muted">
                    {t('assistant.startedOn', { date: formatDate(locale, c.createdAt) })} ·{' '}
                    {c.status === 'active' ? t('assistant.statusActive') : t('assistant.statusFinished')}
                  </span>
                  {c.openProposals > 0 ? (
                    <>
                      <br />
                      <span className="badge">{t('assistant.openCards', { count: c.openProposals })}</span>
                    </>
                  ) : null}
                </span>
                <Link
                  to={`/assistent/${c.id}`}
                  className="button button--small button--secondary"
                  aria-label={`${c.status === 'active' ? t('assistant.continue') : t('assistant.open')}: ${t(`assistant.flows.${c.flow}`)}`}
                >
                  {c.status === 'active' ? t('assistant.continue') : t('assistant.open')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ai-help" className="card">
        <h2 id="ai-help">{t('assistant.ai.title')}</h2>
        <p>{t('assistant.ai.what')}</p>
        <p>{t('assistant.ai.privacy')}</p>
        <p>{t('assistant.ai.special')}</p>
        <p>{t('assistant.ai.record')}</p>
        {result?.intent === 'aiHelp' && result.saved ? (
          <p className="notice notice--ok" role="status">
            {result.saved === 'on' ? t('assistant.ai.savedOn') : t('assistant.ai.savedOff')}
          </p>
        ) : (
          <p>
            <strong>{aiHelp.enabled && aiHelp.enabledAt ? t('assistant.ai.on', { date: formatDate(locale, aiHelp.enabledAt) }) : t('assistant.ai.off')}</strong>
          </p>
        )}
        {aiHelp.available ? null : <p className="muted">{t('assistant.ai.unavailable')}</p>}
        <Form method="post" replace>
          <input type="hidden" name="intent" value="aiHelp" />
          <button type="submit" name="enabled" value={aiHelp.enabled ? 'off' : 'on'} className="button button--secondary" disabled={busy}>
            {aiHelp.enabled ? t('assistant.ai.turnOff') : t('assistant.ai.turnOn')}
          </button>
        </Form>
      </section>

      {events.length > 0 ? (
        <section aria-labelledby="help-moments" className="card">
          <h2 id="help-moments">{t('assistant.safety.eventsTitle')}</h2>
          <p className="muted">{t('assistant.safety.eventsIntro')}</p>
          <ul className="plain-list">
            {events.map((e) => (
              <li key={e.id}>
                {t('assistant.safety.eventLine', { date: formatDate(locale, e.createdAt, true) })}{' '}
                {e.workerNotifiedAt
                  ? t('assistant.safety.eventTold')
                  : e.clientChoice
                    ? t('assistant.safety.eventNotTold')
                    : t('assistant.safety.eventNoChoice')}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/hulp">{t('assistant.safety.moreHelp')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  )
}
