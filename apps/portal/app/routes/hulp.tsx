import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { hasLines } from '../lib/safety-plan'
import { loadSafetyPlan } from '../lib/safety-plan.server'
import { SafetyPlanView } from '../components/safety-plan-view'
import safetyStyles from '../styles/safety.css?url'
import { QuickExit } from '../components/quick-exit'

export const meta: MetaFunction = pageTitle('titles.hulp')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: safetyStyles }]

/** Open to everyone; a signed-in client sees their own safety plan first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context)
  if (user?.role !== 'client') return { isClient: false, plan: null }
  return { isClient: true, plan: await loadSafetyPlan(request, context, user.id) }
}

/** The help page: reachable from every page, signed in or not, without JavaScript. */
export default function Help() {
  const t = useT()
  const { isClient, plan } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow help-page">
      {/* Snel weg: with JavaScript the page is also taken out of the history. */}
      <QuickExit label={t('common.quickExit')} />
      <h1>{t('help.title')}</h1>
      <p className="lead">{t('help.intro')}</p>
      {isClient ? (
        <section className="card my-plan" aria-labelledby="my-plan-title">
          <h2 id="my-plan-title">{t('safety.plan.title')}</h2>
          {plan && hasLines(plan) ? (
            <SafetyPlanView plan={plan} headingLevel={3} />
          ) : (
            <p>{t('safety.plan.empty')}</p>
          )}
          <p className="call-row">
            <Link className="button button--secondary" to="/hulp/mijn-plan">
              {plan && hasLines(plan) ? t('safety.plan.edit') : t('safety.plan.make')}
            </Link>
            {plan && hasLines(plan) ? <Link to="/hulp/mijn-plan/afdrukken">{t('safety.plan.print')}</Link> : null}
          </p>
        </section>
      ) : null}
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
        <Link className="button button--secondary" to="/hulp/rustig-worden">
          {t('safety.help.groundingLink')}
        </Link>
      </section>
      {isClient ? null : (
        <section className="card">
          <h2>{t('safety.plan.title')}</h2>
          <p>{t('safety.help.planText')}</p>
        </section>
      )}
      <p className="muted">{t('help.quickExitText')}</p>
    </div>
  )
}
