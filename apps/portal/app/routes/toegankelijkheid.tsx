import type { MetaFunction } from '@remix-run/node'
import { useT, pageTitle } from '../lib/i18n'

export const meta: MetaFunction = pageTitle('titles.toegankelijkheid')

const tested = ['axe', 'keyboard', 'zoom', 'phone', 'noScript', 'screenReaders'] as const
const known = ['screenReaders', 'timeout', 'languages', 'prints'] as const
const reportHow = ['client', 'staff', 'what'] as const

/**
 * The accessibility statement (toegankelijkheidsverklaring): what we test, what does not work yet,
 * how to report a problem. Open to everyone, linked from every footer, no JavaScript needed.
 */
export default function AccessibilityStatement() {
  const t = useT()
  return (
    <div className="page page--narrow statement">
      <h1>{t('accessibility.title')}</h1>
      <p className="lead">{t('accessibility.intro')}</p>
      <section aria-labelledby="a11y-goal">
        <h2 id="a11y-goal">{t('accessibility.goalTitle')}</h2>
        <p>{t('accessibility.goal')}</p>
      </section>
      <section aria-labelledby="a11y-tested">
        <h2 id="a11y-tested">{t('accessibility.testedTitle')}</h2>
        <ul className="plain-list">
          {tested.map((key) => (
            <li key={key}>{t(`accessibility.tested.${key}`)}</li>
          ))}
        </ul>
        <p>{t('accessibility.testedRerun')}</p>
      </section>
      <section aria-labelledby="a11y-known">
        <h2 id="a11y-known">{t('accessibility.knownTitle')}</h2>
        <ul className="plain-list">
          {known.map((key) => (
            <li key={key}>{t(`accessibility.known.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-report">
        <h2 id="a11y-report">{t('accessibility.reportTitle')}</h2>
        <p>{t('accessibility.report')}</p>
        <ul className="plain-list">
          {reportHow.map((key) => (
            <li key={key}>{t(`accessibility.reportHow.${key}`)}</li>
          ))}
        </ul>
        <p>{t('accessibility.reportAnswer')}</p>
      </section>
      <p className="muted">{t('accessibility.updated')}</p>
    </div>
  )
}
