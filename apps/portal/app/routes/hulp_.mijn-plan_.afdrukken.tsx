import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { loadSafetyPlan } from '../lib/safety-plan.server'
import { SafetyPlanView } from '../components/safety-plan-view'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.signaleringsplanPrint')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: safetyStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const plan = await loadSafetyPlan(request, context, user.id)
  if (!plan) throw new Response('unavailable', { status: 503 })
  return { plan, name: user.displayName, printedAt: new Date().toISOString() }
}

/** The plan on one A4 page, with the help numbers at the bottom (print styles in styles.css). */
export default function PrintSafetyPlan() {
  const t = useT()
  const locale = useLocale()
  const { plan, name, printedAt } = useLoaderData<typeof loader>()
  return (
    <div className="page print-sheet print-sheet--plan">
      <p className="no-print">
        <Link to="/hulp/mijn-plan">← {t('safety.plan.title')}</Link>
      </p>
      <p className="no-print">{t('safety.plan.printIntro')}</p>
      <header className="print-header">
        <h1>{t('safety.plan.printTitle', { name })}</h1>
        <p className="muted">{t('safety.plan.printDate', { date: formatDate(locale, printedAt) })}</p>
      </header>
      <SafetyPlanView plan={plan} />
      <section className="print-section plan-print-lines">
        <h2>{t('help.title')}</h2>
        <p>
          {t('safety.lines.emergency.name')}: <a href="tel:112">112</a>
        </p>
        <p>
          {t('safety.lines.suicide_prevention.name')}: <a href="tel:113">113</a> / <a href="tel:08000113">0800-0113</a>
        </p>
        <p>
          {t('safety.lines.veilig_thuis.name')}: <a href="tel:08002000">0800-2000</a>
        </p>
      </section>
    </div>
  )
}
