import { Form, Link } from '@remix-run/react'
import type { ConversationData, SafetyData } from '../lib/assistant.server'
import { useT } from '../lib/i18n'
import { QuickExit } from './quick-exit'

type SafetyEvent = NonNullable<ConversationData['safetyEvent']>

interface Props {
  safety: SafetyData
  event: SafetyEvent | null
  /** Set right after the client chose: whether a worker is linked at all. */
  hasWorker: boolean | null
  busy: boolean
}

/**
 * The help card: shown at once when the crisis screen fired, and kept on the page afterwards.
 * Numbers are tel: links (they work without JavaScript); the question about the worker comes
 * with the honest note, and only "yes" tells anyone.
 */
export function SafetyCard({ safety, event, hasWorker, busy }: Props) {
  const t = useT()
  return (
    <section
      className={safety.current ? 'safety-card safety-card--current' : 'safety-card'}
      aria-labelledby="safety-title"
      role={safety.current ? 'alert' : undefined}
    >
      {/* Snel weg: with JavaScript the page is also taken out of the history. */}
      <QuickExit label={t('assistant.safety.quickExit')} />
      <h2 id="safety-title">{t('assistant.safety.title')}</h2>
      <p>{safety.message}</p>
      <ul className="safety-lines">
        {safety.helpLines.map((line) => (
          <li key={line.id} className="safety-line">
            <p className="safety-line-name">{line.name}</p>
            <p className="safety-line-text">{line.description}</p>
            <div className="call-row">
              {line.numbers.map((number) => (
                <a key={number.tel} className="button button--call" href={number.tel}>
                  {t('assistant.safety.call', { number: number.display })}
                </a>
              ))}
              {line.chat ? (
                <a className="text-link" href={line.chat.url} rel="noreferrer">
                  {t('assistant.safety.chat', { site: line.chat.display })}
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {event ? <WorkerChoice safety={safety} event={event} hasWorker={hasWorker} busy={busy} /> : null}
      <p>
        <Link to="/hulp">{t('assistant.safety.moreHelp')}</Link>
      </p>
      <p>
        <Link to="/hulp/rustig-worden">{t('safety.screen.grounding')}</Link>
      </p>
    </section>
  )
}

function WorkerChoice({ safety, event, hasWorker, busy }: { safety: SafetyData; event: SafetyEvent; hasWorker: boolean | null; busy: boolean }) {
  const t = useT()
  if (event.clientChoice === 'notify_worker') {
    const told = event.workerNotifiedAt !== null && hasWorker !== false
    return (
      <p className="notice notice--ok" role="status">
        {told ? t('assistant.safety.told') : t('assistant.safety.noWorker')}
      </p>
    )
  }
  if (event.clientChoice === 'no_notification') {
    return (
      <p className="notice notice--ok" role="status">
        {t('assistant.safety.notTold')}
      </p>
    )
  }
  return (
    <Form method="post" replace preventScrollReset className="worker-choice">
      <h3>{t('assistant.safety.askTitle')}</h3>
      <p>{safety.workerQuestion}</p>
      <p className="hint">{safety.workerNote}</p>
      <input type="hidden" name="intent" value="safety" />
      <div className="card-actions">
        <button type="submit" name="notifyWorker" value="yes" className="button" disabled={busy}>
          {t('assistant.safety.yes')}
        </button>
        <button type="submit" name="notifyWorker" value="no" className="button button--secondary" disabled={busy}>
          {t('assistant.safety.no')}
        </button>
      </div>
    </Form>
  )
}
