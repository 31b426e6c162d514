import { useLocale, useT } from '../../lib/i18n'
import { dayText, whoText, type StepView } from '../../lib/plan'
import { formatDate } from '../../lib/i18n'
import { StepIntentForm } from './step-intent-form'

/**
 * One small step: what, how, who, when, and its state. For the client it carries the real forms to
 * mark it done, move it to a new day, let it go, or take it up again (each works without JavaScript).
 */
export function StepItem({
  step,
  editable,
  error,
  typed,
  clientName,
}: {
  step: StepView
  editable: boolean
  error?: string | null | undefined
  /** After a refused change of words: what the client typed, so nothing is lost. */
  typed?: { what?: unknown; how?: unknown } | null | undefined
  /** On a worker's or peer expert's screen: the client's name, who "ik" is. */
  clientName?: string | undefined
}) {
  const t = useT()
  const locale = useLocale()
  const who = whoText(t, step, clientName)
  return (
    <li id={`actie-${step.id}`} className={`step step--${step.status}`} data-testid="step">
      <p className="step-what">
        {step.status === 'done' ? <span aria-hidden="true">✓ </span> : null}
        <strong>{step.what}</strong>
      </p>
      <ul className="step-facts">
        {step.how ? <li>{t('plan.step.howLine', { how: step.how })}</li> : null}
        {who ? <li>{t('plan.step.whoLine', { name: who })}</li> : step.whoName ? <li>{t('plan.step.whoWords', { words: step.whoName })}</li> : null}
        {step.when ? (
          <li>
            {t('plan.step.whenLine', { date: dayText(locale, step.when) })}
            {step.movedAt ? <span className="muted"> ({t('plan.step.isMoved')})</span> : null}
          </li>
        ) : step.whenWords ? (
          <li>{t('plan.step.whenWords', { words: step.whenWords })}</li>
        ) : null}
        {step.status === 'done' && step.doneAt ? <li className="step-done">{t('plan.step.doneOn', { date: formatDate(locale, step.doneAt) })}</li> : null}
        {step.status === 'dropped' ? <li className="muted">{t('plan.step.isDropped')}</li> : null}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {editable ? (
        <div className="step-actions">
          {step.status === 'open' ? (
            <>
              <StepIntentForm intent="done" step={step}>
                <button type="submit" className="button button--small">
                  {t('plan.step.done')}
                </button>
              </StepIntentForm>
              <StepIntentForm intent="move" step={step} className="step-move">
                <label htmlFor={`move-${step.id}`}>{t('plan.step.newDate')}</label>
                <input id={`move-${step.id}`} type="date" name="when" required min="2000-01-01" max="2199-12-31" defaultValue={step.when ?? ''} />
                <button type="submit" className="button button--small button--secondary">
                  {t('plan.step.move')}
                </button>
              </StepIntentForm>
              <StepIntentForm intent="drop" step={step}>
                <button type="submit" className="button button--small button--secondary">
                  {t('plan.step.drop')}
                </button>
              </StepIntentForm>
              {/* The client's own words stay hers to change (a typo, a better word), as the goal's do. */}
              <details className="step-reword" open={typed ? true : undefined}>
                <summary>{t('plan.step.reword')}</summary>
                <StepIntentForm intent="reword" step={step} className="stack" key={step.version}>
                  <label htmlFor={`what-${step.id}`}>{t('plan.step.what')}</label>
                  <input id={`what-${step.id}`} name="what" required maxLength={500} defaultValue={typeof typed?.what === 'string' ? typed.what : step.what} />
                  <label htmlFor={`how-${step.id}`}>{t('plan.step.how')}</label>
                  <input id={`how-${step.id}`} name="how" maxLength={500} defaultValue={typeof typed?.how === 'string' ? typed.how : (step.how ?? '')} />
                  <button type="submit" className="button button--small">
                    {t('plan.step.rewordSave')}
                  </button>
                </StepIntentForm>
              </details>
            </>
          ) : (
            <StepIntentForm intent="reopen" step={step}>
              <button type="submit" className="button button--small button--secondary">
                {t('plan.step.reopen')}
              </button>
            </StepIntentForm>
          )}
        </div>
      ) : null}
    </li>
  )
}
