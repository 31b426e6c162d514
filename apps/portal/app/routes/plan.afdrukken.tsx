import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadPlan, loadPlanAgreement } from '../lib/plan.server'
import { StepItem } from '../components/plan/step-item'
import planStyles from '../styles/plan.css?url'

export const meta: MetaFunction = pageTitle('titles.actieplanPrint')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const [plan, agreement] = await Promise.all([loadPlan(request, context, user.id), loadPlanAgreement(request, context, user.id)])
  if (!plan) throw new Response('forbidden', { status: 403 })
  return { plan, agreement, name: user.displayName, printedAt: new Date().toISOString() }
}

/** The action plan for the client's paper folder: A4, the goals with their steps and remarks, room to sign. */
export default function PrintPlan() {
  const t = useT()
  const locale = useLocale()
  const { plan, agreement, name, printedAt } = useLoaderData<typeof loader>()
  return (
    <div className="page print-sheet plan-print">
      <p className="no-print">
        <Link to="/plan">← {t('plan.title')}</Link>
      </p>
      <p className="no-print">{t('plan.printIntro')}</p>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('plan.print')}
        </button>
      </p>
      <header className="print-header">
        <h1>{t('plan.printTitle', { name })}</h1>
        <p className="muted">{t('plan.printDate', { date: formatDate(locale, printedAt) })}</p>
      </header>
      {plan.goals.length === 0 ? <p>{t('plan.empty')}</p> : null}
      {plan.goals.map((goal) => (
        <section key={goal.id} className="print-section goal-card" data-testid="print-goal">
          <p className="muted goal-domain">{goal.domain ? domainLabel(t, goal.domain) : t('plan.noDomain')}</p>
          <h2 className="goal-text">{goal.text}</h2>
          {goal.wish ? <p className="goal-wish">{t('plan.wish', { wish: goal.wish })}</p> : null}
          <ul className="steps">
            {goal.actions
              .filter((step) => step.status !== 'dropped')
              .map((step) => (
                <StepItem key={step.id} step={step} editable={false} />
              ))}
          </ul>
          {goal.remarks.length > 0 ? (
            <>
              <h3>{t('plan.remarks.title')}</h3>
              <ul className="remarks">
                {goal.remarks.map((remark) => (
                  <li key={remark.id}>
                    {formatDate(locale, remark.createdAt)}: {remark.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      <section className="print-section signatures">
        <h2>{t('plan.printSignatures')}</h2>
        {agreement?.signatures.map((s) => (
          <p key={s.signerId}>
            {s.current === false
              ? t('sharing.changedSinceSigned', { name: s.signerName, date: formatDate(locale, s.signedAt, true) })
              : t('sharing.signed', { name: s.signerName, date: formatDate(locale, s.signedAt, true) })}
          </p>
        ))}
        <div className="signature-lines">
          <p>{t('plan.printClient')}: ______________________</p>
          <p>{t('plan.printWorker')}: ______________________</p>
        </div>
      </section>
    </div>
  )
}
