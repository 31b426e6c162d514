import { domainLabel, times } from '../../lib/inventory'
import { provenanceLabel } from '../../lib/provenance'
import { formatDate, useLocale, useT } from '../../lib/i18n'
import { CommentForm } from './comment-form'
import type { SubmissionResult } from '../../forms/use-form'
import type { CommentThread, SharedInventory } from './types'

/**
 * The inventory as the client sees it: each life domain with what was, what is and what the
 * client wants (past, present, future). Only domains with shared statements appear, so nothing
 * hints at what was left out. Under each statement the comments on it, and (with comment access)
 * the form to add one.
 */
export function InventoryGrid({
  inventory,
  comments,
  canComment,
  commented,
}: {
  inventory: SharedInventory
  comments: CommentThread[]
  canComment: boolean
  /** The answer to a comment that was refused: its statement's form shows it. */
  commented: { statementId: string; result: SubmissionResult<string[]> } | null
}) {
  const t = useT()
  const locale = useLocale()
  const domains = inventory.domains.filter((domain) => inventory.statements.some((s) => s.domain === domain))
  return (
    <>
      {domains.map((domain) => (
        <section key={domain} data-domain={domain} className="card review-domain" aria-labelledby={`domain-${domain}`}>
          <h2 id={`domain-${domain}`}>{domainLabel(t, domain)}</h2>
          <div className="time-grid">
            {times.map((time) => {
              const list = inventory.statements.filter((s) => s.domain === domain && s.time === time)
              return (
                <div key={time} className="time-column">
                  <h3 className="time-title">{t(`review.times.${time}`)}</h3>
                  {list.length === 0 ? (
                    <p className="muted">{t('review.nothingInTime')}</p>
                  ) : (
                    <ul className="rows">
                      {list.map((statement) => (
                        <li key={statement.id} className="row row--stack" data-testid="shared-statement">
                          <p className="statement-text">{statement.text}</p>
                          <p className="provenance">{provenanceLabel(t, statement.provenance, statement.suggestedBy, true)}</p>
                          {comments
                            .filter((c) => c.targetId === statement.id)
                            .map((c) => (
                              <div key={c.id} className="comment-line" data-testid="comment-line">
                                <p>
                                  <strong>{c.authorName ?? t('review.someone')}:</strong> {c.body}
                                  {c.suggestedText ? <> → “{c.suggestedText}”</> : null}
                                </p>
                                <p className="muted">
                                  {c.kind === 'suggestion' && c.status
                                    ? t(`review.status.${c.status}`, { name: inventory.displayName })
                                    : c.readAt
                                      ? t('review.readOn', { date: formatDate(locale, c.readAt) })
                                      : t('review.notReadYet')}
                                </p>
                                {c.replies.map((reply) => (
                                  <p key={reply.id} className="reply">
                                    {t('review.repliedBy', { name: reply.authorName ?? inventory.displayName })} {reply.body}
                                  </p>
                                ))}
                              </div>
                            ))}
                          {canComment ? <CommentForm statementId={statement.id} result={commented?.statementId === statement.id ? commented.result : null} /> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )
            })}
          </div>
        </section>
      ))}
    </>
  )
}
