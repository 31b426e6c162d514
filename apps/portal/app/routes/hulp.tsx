import type { MetaFunction } from '@remix-run/node'
import { useT } from '../lib/i18n'

export const meta: MetaFunction = () => [{ title: 'Hulp – Kracht' }]

/** The help page: reachable from every page, signed in or not, without JavaScript. */
export default function Help() {
  const t = useT()
  return (
    <div className="page page--narrow help-page">
      {/* Quick exit for someone whose phone may be watched: a plain link, works without JavaScript. */}
      <a className="quick-exit" href="https://www.google.nl/search?q=weer" rel="noreferrer">
        {t('common.quickExit')}
      </a>
      <h1>{t('help.title')}</h1>
      <p className="lead">{t('help.intro')}</p>
      <ul className="help-lines">
        <li className="help-line help-line--urgent">
          <h2>{t('help.emergency')}</h2>
          <p>{t('help.emergencyText')}</p>
          <a className="button button--call" href="tel:112">
            112
          </a>
        </li>
        <li className="help-line">
          <h2>{t('help.suicide')}</h2>
          <p>{t('help.suicideText')}</p>
          <a className="button button--call" href="tel:113">
            {t('help.suicideCall')}
          </a>
          <a className="button button--secondary" href="tel:08000113">
            {t('help.suicideFree')}
          </a>
          <a className="text-link" href="https://www.113.nl" rel="noreferrer">
            {t('help.suicideChat')}
          </a>
        </li>
        <li className="help-line">
          <h2>{t('help.violence')}</h2>
          <p>{t('help.violenceText')}</p>
          <a className="button button--call" href="tel:08002000">
            {t('help.violenceCall')}
          </a>
        </li>
        <li className="help-line">
          <h2>{t('help.worker')}</h2>
          <p>{t('help.workerText')}</p>
        </li>
      </ul>
      <section className="card">
        <h2>{t('help.groundingTitle')}</h2>
        <p>{t('help.groundingSteps')}</p>
      </section>
      <p className="muted">{t('help.quickExitText')}</p>
    </div>
  )
}
