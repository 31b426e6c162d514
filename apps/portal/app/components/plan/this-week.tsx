import { Link } from '@remix-run/react'
import { useLocale, useT } from '../../lib/i18n'
import { dayText, whoText } from '../../lib/plan'
import type { ThisWeekData } from '../../lib/this-week.server'
import { StepIntentForm } from './step-intent-form'

/**
 * "Deze week" on the client's home page: the next steps of the action plan, at most three, each
 * with a button to mark it done (the plan page celebrates it). Works without JavaScript.
 */
export function ThisWeek({ data }: { data: ThisWeekData }) {
  const t = useT()
  const locale = useLocale()
  if (!data) return null
  return (
    <section className="card this-week" aria-labelledby="this-week-title" data-testid="this-week">
      <h2 id="this-week-title">{t('plan.thisWeek.title')}</h2>
      {data.steps.length === 0 ? (
        <p>{t('plan.thisWeek.empty')}</p>
      ) : (
        <ul className="plain-list">
          {data.steps.map((step) => {
            const who = whoText(t, step)
            return (
              <li key={step.id} className="this-week-step">
                <Link to={step.goalId ? `/plan/doel/${step.goalId}#actie-${step.id}` : `/plan#actie-${step.id}`}>
                  <strong>{step.what}</strong>
                </Link>
                <br />
                <span className="muted">
                  {step.when ? t('plan.thisWeek.planned', { date: dayText(locale, step.when) }) : (step.whenWords ?? t('plan.thisWeek.noDate'))}
                  {who ? ` · ${who}` : ''}
                </span>
                {step.goalId ? (
                  <StepIntentForm intent="done" step={step} action={`/plan/doel/${step.goalId}`}>
                    <button type="submit" className="button button--small">
                      {t('plan.step.done')}
                    </button>
                  </StepIntentForm>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      <p>
        <Link to="/plan">{t('plan.thisWeek.toPlan')}</Link>
      </p>
    </section>
  )
}
