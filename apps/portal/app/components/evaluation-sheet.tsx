import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult } from '../forms/use-form'
import type { EvaluationItem } from '@kracht/trajectory'
import { formatDate, useLocale, useT } from '../lib/i18n'
import type { EvaluationActionResult } from '../lib/evaluation.server'
import { EvaluationAnswerForm } from '../lib/trajectory-forms'
import { TextareaField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'
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
  const refused = result && 'result' in result ? result : null
  const mine = evaluation.signatures.find((s) => s.signerRole === side)
  return (
    <>
      {evaluation.closed ? <Notice>{t('trajectory.evaluation.closed')}</Notice> : null}
      {result && 'signed' in result ? <Notice>{t('trajectory.evaluation.signed')}</Notice> : null}
      {result && 'saved' in result ? <SaveSafety screen={result.safety} /> : null}
      {/* Signing has no field: its problem stands above the sheet. */}
      <FormProblem code={refused && !refused.item ? (refused.result.error?.['']?.[0] ?? 'validation_failed') : null} />
      <ol className="evaluation-items">
        {evaluation.items.map((row, index) => {
          const own = row[side]
          const theirs = row[other]
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
                  <AnswerForm item={row.item} own={own} label={side === 'client' ? t('trajectory.evaluation.yourAnswer') : t('trajectory.evaluation.workerAnswerWorker')} result={refused?.item === row.item ? refused.result : null} />
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

/** One question's own answer: a small form of its own, so an error and the typed text stay with it. */
function AnswerForm({ item, own, label, result }: { item: EvaluationItem; own: Answer | null; label: string; result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `answer-${item}`, schema: EvaluationAnswerForm, lastResult: result, defaultValue: { text: own?.text ?? '' } })
  return (
    // Its own draft name: every question's form has the same hidden intent.
    <Form method="post" data-draft={`answer-${item}`} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="item" value={item} />
      <input type="hidden" name="version" value={own?.version ?? 0} />
      <TextareaField meta={fields.text} label={label} rows={3} />
      <button type="submit" className="button button--secondary">
        {t('trajectory.evaluation.save')}
      </button>
    </Form>
  )
}
