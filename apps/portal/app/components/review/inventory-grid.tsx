import { domainLabel, times } from '../../lib/inventory'
import { provenanceLabel } from '../../lib/provenance'
import { useT } from '../../lib/i18n'
import { CommentForm, CommentLink } from './comment-form'
import { Notice } from '../field'
import type { SubmissionResult } from '../../forms/use-form'
import type { SharedInventory, StaffComment } from './types'

/**
 * The inventory as the client sees it: each life domain with what was, what is and what the
 * client wants (past, present, future). Only domains with shared statements appear, so nothing
 * hints at what was left out. Under each statement the comments on it, and (with comment access)
 * a "Reageer" link: the page holds one comment form, under the statement it names (`?reageer=`).
 * A viewer who may only read sees no link, and no form whatever the address asks for.
 */
export function InventoryGrid({
  inventory,
  comments,
  canComment,
  commenting,
}: {
  inventory: SharedInventory
  comments: StaffComment[]
  canComment: boolean
  commenting: {
    clientId: string
    /** The statement whose form is open (an id not on the page opens nothing). */
    open: string | null
    /** The answer to a comment that was refused: its statement's form shows it, open. */
    refused: { statementId: string; result: SubmissionResult<string[]> } | null
    /** The statement whose comment could not be sent (no connection): its form stays open, with the words. */
    unsent: string | null
    /** The statement a comment was just saved on, and what kind: the confirmation shows there. */
    saved: { statementId: string; kind: 'comment' | 'suggestion' } | null
    /** Saved with the help card (an answer, not a redirect): the form closes all the same. */
    savedInPlace: boolean
  }
}) {
  const t = useT()
  const { clientId, refused, unsent, saved, savedInPlace } = commenting
  const open = refused?.statementId ?? unsent ?? commenting.open
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
                        <li key={statement.id} id={canComment ? `zin-${statement.id}` : undefined} className="row row--stack" data-testid="shared-statement">
                          <p className="statement-text">{statement.text}</p>
                          <p className="provenance">{provenanceLabel(t, 'inventory.provenanceWorker', statement.provenance, statement.suggestedBy)}</p>
                          {comments
                            .filter((c) => c.targetId === statement.id)
                            .map((c) => (
                              <div key={c.id} className="comment-line" data-testid="comment-line">
                                {c.removed ? null : (
                                  <p>
                                    <strong>{c.authorName ?? t('review.someone')}:</strong> {c.body}
                                    {c.suggestedText ? <> → “{c.suggestedText}”</> : null}
                                  </p>
                                )}
                                <p className="muted">
                                  {c.fate}
                                  {c.edited ? ` · ${c.edited}` : null}
                                </p>
                                {c.replies.map((reply) => (
                                  <p key={reply.id} className="reply">
                                    {reply.line}
                                  </p>
                                ))}
                              </div>
                            ))}
                          {saved?.statementId === statement.id ? (
                            <Notice>{t(saved.kind === 'suggestion' ? 'review.suggestionSaved' : 'review.commentSaved', { name: inventory.displayName })}</Notice>
                          ) : null}
                          {!canComment ? null : open === statement.id ? (
                            <CommentForm
                              key={savedInPlace ? 'saved' : 'open'}
                              clientId={clientId}
                              statementId={statement.id}
                              result={refused?.statementId === statement.id ? refused.result : null}
                              unsent={unsent === statement.id}
                              hidden={savedInPlace}
                            />
                          ) : null}
                          {canComment && (open !== statement.id || savedInPlace) ? <CommentLink clientId={clientId} statementId={statement.id} statementText={statement.text} /> : null}
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
