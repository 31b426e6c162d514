import { Form } from '@remix-run/react'
import { hasKey } from '@kracht/i18n'
import type { EvaluationItem } from '@kracht/trajectory'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import type { EvaluationActionResult } from '../lib/evaluation.server'
import { FormProblem, Notice } from './field'
import { SaveSafety } from './save-safety'

interface Answer {
  text: string
  version: number
  authorName: string | null
}

export interface EvaluationSeen {
  contentHash: string
  items: { item: EvaluationItem; client: Answer | null; worker: Answer | null }[]
  complete: boolean
  closed: boolean
  signatures: { signerRole: 'client' | 'worker'; signerName: string; signedAt: string; current: boolean }[]
}

/**
 * The evaluation side by side: per question the viewer's own answer (a form, until both signed)
 * and the other side's answer to read. One small form per question, so it works without
 * JavaScript and a problem keeps the typed text beside its own question. Then signing.
 */
export function EvaluationSheet({ evaluation, side, result }: { evaluation: EvaluationSeen; side: 'client' | 'worker'; result: EvaluationActionResult | undefined }) {
  const t = useT()
  const locale = useLocale()
  const other = side === 'client' ? 'worker' : 'client'
  const otherLabel = side === 'client' ? t('trajectory.evaluation.workerAnswer') : t('trajectory.evaluation.clientAnswer')
  const problem = result && 'problem' in result ? result : null
  const fieldMessage = (code: string) => (hasKey(`fields.${code}`) ? problemText(t, 'fields', code) : problemText(t, 'errors', code))
  const mine = evaluation.signatures.find((s) => s.signerRole === side)
  return (
    <>
      {evaluation.closed ? <Notice>{t('trajectory.evaluation.closed')}</Notice> : null}
      {result && 'signed' in result ? <Notice>{t('trajectory.evaluation.signed')}</Notice> : null}
      {result && 'saved' in result ? <SaveSafety screen={result.safety} /> : null}
      <FormProblem code={problem && !problem.item ? problem.problem : null} />
      <ol className="evaluation-items">
        {evaluation.items.map((row, index) => {
          const own = row[side]
          const theirs = row[other]
          const error = problem?.item === row.item ? problem : null
          const fieldId = `answer-${row.item}`
          return (
            <li key={row.item} className="card evaluation-item" data-item={row.item}>
              <h2 className="evaluation-question" id={`q-${row.item}`}>
                {index + 1}. {t(`trajectory.evaluation.items.${row.item}`)}
              </h2>
              {result && 'saved' in result && result.saved === row.item ? <Notice>{t('trajectory.evaluation.saved')}</Notice> : null}
              <div className="evaluation-side">
                {evaluation.closed ? (
                  <>
                    <h3>{side === 'client' ? t('trajectory.evaluation.yourAnswer') : t('trajectory.evaluation.workerAnswerWorker')}</h3>
                    <p className="evaluation-answer" data-side={side}>{own?.text ?? t('trajectory.evaluation.noAnswerYet')}</p>
                  </>
                ) : (
                  <Form method="post" className={error ? 'field field--error' : 'field'}>
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="item" value={row.item} />
                    <input type="hidden" name="version" value={own?.version ?? 0} />
                    <label htmlFor={fieldId}>{side === 'client' ? t('trajectory.evaluation.yourAnswer') : t('trajectory.evaluation.workerAnswerWorker')}</label>
                    <textarea
                      id={fieldId}
                      name="text"
                      rows={3}
                      maxLength={2000}
                      defaultValue={error?.text ?? own?.text ?? ''}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fieldId}-error` : undefined}
                    />
                    {error ? (
                      <p className="field-error" id={`${fieldId}-error`} role="alert">
                        {fieldMessage(error.problem)}
                      </p>
                    ) : null}
                    <button type="submit" className="button button--secondary">
                      {t('trajectory.evaluation.save')}
                    </button>
                  </Form>
                )}
              </div>
              <div className="evaluation-side">
                <h3>{otherLabel}</h3>
                <p className="evaluation-answer" data-side={other}>{theirs?.text ?? <span className="muted">{t('trajectory.evaluation.noAnswerYet')}</span>}</p>
              </div>
            </li>
          )
        })}
      </ol>
      <section aria-labelledby="sign-title" className="signatures">
        <h2 id="sign-title">{t('trajectory.evaluation.signTitle')}</h2>
        <ul className="evaluation-signatures">
          {evaluation.signatures.map((s) => (
            <li key={s.signerRole} data-signer={s.signerRole} data-current={s.current}>
              {s.current
                ? t('trajectory.evaluation.signedBy', { name: s.signerName, date: formatDate(locale, s.signedAt) })
                : t('trajectory.evaluation.changedSince', { name: s.signerName, date: formatDate(locale, s.signedAt) })}
            </li>
          ))}
        </ul>
        {evaluation.closed || mine?.current ? null : evaluation.complete ? (
          <Form method="post">
            <p>{t('trajectory.evaluation.signIntro')}</p>
            <input type="hidden" name="intent" value="sign" />
            <input type="hidden" name="contentHash" value={evaluation.contentHash} />
            <button type="submit" className="button">
              {t('trajectory.evaluation.sign')}
            </button>
          </Form>
        ) : (
          <p className="muted">{t('trajectory.evaluation.signWaitAnswers')}</p>
        )}
      </section>
    </>
  )
}
