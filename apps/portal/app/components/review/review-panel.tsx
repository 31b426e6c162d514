import { useT } from '../../lib/i18n'
import type { SharedInventory, StaffComment } from './types'

/**
 * The worker's own comments and suggestions on one page: what each was about, whether the client
 * read it or decided on it, and what the client answered. Only what the worker wrote: the client's
 * other readers' notes are theirs.
 */
export function ReviewPanel({
  inventory,
  comments,
  viewerId,
  canComment = true,
}: {
  inventory: SharedInventory
  comments: StaffComment[]
  viewerId: string
  /** Read only: nothing to write here, so the panel says that rather than "nothing written yet". */
  canComment?: boolean
}) {
  const t = useT()
  const name = inventory.displayName
  const mine = comments.filter((c) => c.authorId === viewerId).reverse()
  return (
    <section className="card" aria-labelledby="panel-title" data-testid="review-panel">
      <h2 id="panel-title">{t('review.panelTitle')}</h2>
      {mine.length === 0 ? <p>{canComment ? t('review.panelEmpty') : t('review.panelReadOnly', { name })}</p> : null}
      <ul className="rows">
        {mine.map((c) => {
          const statement = inventory.statements.find((s) => s.id === c.targetId)
          return (
            <li key={c.id} className="row row--stack" data-testid="panel-comment">
              {statement ? <p className="muted">{t('review.about', { text: statement.text })}</p> : null}
              {c.body ? <p>{c.body}</p> : null}
              {c.suggestedText ? (
                <p>
                  → <strong>“{c.suggestedText}”</strong>
                </p>
              ) : null}
              <p className="status-line">
                {c.fate}
                {c.edited ? ` · ${c.edited}` : null}
              </p>
              {c.change ? (
                <p>
                  <a href={c.change.href} data-testid="change-own-comment">
                    {c.change.label}
                  </a>
                </p>
              ) : null}
              {c.replies.map((reply) => (
                <p key={reply.id} className="reply">
                  {reply.line}
                </p>
              ))}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
