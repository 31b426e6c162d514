import type { ReactNode } from 'react'
import { Link } from '@remix-run/react'
import type { SafetyData } from '../lib/assistant.server'
import { useT } from '../lib/i18n'
import { QuickExit } from './quick-exit'

interface Props {
  safety: SafetyData
  /**
   * Under the lines: on the assistant's page, the question whether to tell the worker
   * (`SafetyWorkerChoice`, a module of its own: the pages that show the card after a save never ask it).
   */
  children?: ReactNode
}

/**
 * The help card: shown at once when the crisis screen fired, and kept on the page afterwards.
 * Numbers are tel: links (they work without JavaScript); the question about the worker comes
 * with the honest note, and only "yes" tells anyone.
 */
export function SafetyCard({ safety, children }: Props) {
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
      {children}
      <p>
        <Link to="/hulp">{t('assistant.safety.moreHelp')}</Link>
      </p>
      <p>
        <Link to="/hulp/rustig-worden">{t('safety.screen.grounding')}</Link>
      </p>
    </section>
  )
}
