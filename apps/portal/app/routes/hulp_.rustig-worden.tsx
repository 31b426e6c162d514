import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useT, pageTitle } from '../lib/i18n'
import safetyStyles from '../styles/safety.css?url'
import { QuickExit } from '../components/quick-exit'

export const meta: MetaFunction = pageTitle('titles.evenRustigWorden')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: safetyStyles }]

/**
 * The grounding exercise: 5-4-3-2-1 with the senses, and slow breathing with a circle that grows and
 * shrinks (a CSS animation: no JavaScript). With prefers-reduced-motion the circle stands still and
 * the counted text guides instead. Open to everyone, signed in or not.
 */
export default function Grounding() {
  const t = useT()
  return (
    <div className="page page--narrow grounding">
      {/* Snel weg: with JavaScript the page is also taken out of the history. */}
      <QuickExit label={t('common.quickExit')} />
      <h1>{t('safety.grounding.title')}</h1>
      <p className="lead">{t('safety.grounding.intro')}</p>
      <section className="card" aria-labelledby="senses-title">
        <h2 id="senses-title">{t('safety.grounding.senses')}</h2>
        <p>{t('safety.grounding.sensesIntro')}</p>
        <ol className="senses">
          <li>
            <span className="senses-count" aria-hidden="true">5</span> {t('safety.grounding.see')}
          </li>
          <li>
            <span className="senses-count" aria-hidden="true">4</span> {t('safety.grounding.touch')}
          </li>
          <li>
            <span className="senses-count" aria-hidden="true">3</span> {t('safety.grounding.hear')}
          </li>
          <li>
            <span className="senses-count" aria-hidden="true">2</span> {t('safety.grounding.smell')}
          </li>
          <li>
            <span className="senses-count" aria-hidden="true">1</span> {t('safety.grounding.taste')}
          </li>
        </ol>
      </section>
      <section className="card" aria-labelledby="breathing-title">
        <h2 id="breathing-title">{t('safety.grounding.breathing')}</h2>
        <p className="breathing-motion-text">{t('safety.grounding.breathingIntro')}</p>
        <div className="breathing" aria-hidden="true">
          <div className="breathing-circle">
            <span className="breathing-in">{t('safety.grounding.breatheIn')}</span>
            <span className="breathing-out">{t('safety.grounding.breatheOut')}</span>
          </div>
        </div>
        {/* Always there for screen readers; the only guide when motion is reduced. */}
        <p className="breathing-text">{t('safety.grounding.breathingText')}</p>
      </section>
      <p>{t('safety.grounding.after')}</p>
      <p className="call-row">
        <a className="button button--call" href="tel:113">
          113
        </a>
        <a className="button button--secondary" href="tel:08000113">
          0800-0113
        </a>
        <a className="button button--call" href="tel:112">
          112
        </a>
      </p>
      <p>
        <Link to="/hulp">{t('safety.grounding.backToHelp')}</Link>
      </p>
    </div>
  )
}
