import { Form } from '@remix-run/react'
import { useT } from '../lib/i18n'
import { describe } from './network-map'

interface CommentData {
  id: string
  personId: string | null
  authorName: string | null
  kind: 'comment' | 'suggestion'
  body: string
  proposal: { name: string; area: string; ring: number; support: string[]; note: string | null; period: string } | null
  status: 'open' | 'accepted' | 'declined' | null
  authorId?: string | null
  editedAt?: string | null
  removed?: boolean
}

const isArea = (area: string): area is 'family' | 'friends' | 'school_work_club' | 'professionals' => ['family', 'friends', 'school_work_club', 'professionals'].includes(area)

/**
 * What the client's worker wrote about the map: comments, and open suggestions the client accepts
 * or declines (nothing changes on the map before the client's yes). Nothing when there is nothing.
 */
export function NetworkRemarks({
  comments,
  people,
  canDecide = true,
  title,
  own,
}: {
  comments: readonly CommentData[]
  people: readonly { id: string; name: string; version: number }[]
  /** Only the client decides; a worker sees the open suggestions without the buttons. */
  canDecide?: boolean
  title?: string
  /** Staff: their own remarks get a link to change or remove them (a page of its own, 017). */
  own?: { viewerId: string; clientId: string } | undefined
}) {
  const t = useT()
  const shown = comments.filter((comment) => comment.kind === 'comment' || comment.status === 'open')
  if (shown.length === 0) return null
  const byId = new Map(people.map((person) => [person.id, person]))
  return (
    <section aria-labelledby="remarks-title" className="card network-section">
      <h2 id="remarks-title">{title ?? t('network.comments.title')}</h2>
      <ul className="plain-list">
        {shown.map((comment) => {
          const author = comment.authorName ?? t('network.comments.someone')
          const person = comment.personId ? byId.get(comment.personId) : undefined
          const change =
            own && comment.authorId === own.viewerId && !comment.removed ? (
              <>
                {' '}
                <a href={`/clienten/${own.clientId}/reacties/${comment.id}?over=netwerk`} data-testid="change-own-comment">
                  {t('ownWords.commentChangeLink')}
                </a>
              </>
            ) : null
          if (comment.removed) {
            return (
              <li key={comment.id} className="muted">
                {own && comment.authorId === own.viewerId ? t('ownWords.commentRemovedByYou') : t('ownWords.commentRemovedBy', { name: author })}
              </li>
            )
          }
          if (comment.kind === 'comment') {
            return (
              <li key={comment.id}>
                <span className="muted">{t('network.comments.wrote', { name: author })}</span> {person ? <strong>{person.name}: </strong> : null}
                {comment.body}
                {comment.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
                {change}
              </li>
            )
          }
          const proposal = comment.proposal
          if (!proposal) return null
          return (
            <li key={comment.id} className="suggestion" data-testid="network-suggestion">
              <p>{t(comment.personId ? 'network.comments.suggestChange' : 'network.comments.suggestAdd', { name: author })}</p>
              <p>
                <strong>{proposal.name}</strong> · {isArea(proposal.area) ? t(`network.areas.${proposal.area}`) : proposal.area} · {describe(t, proposal)}
              </p>
              {comment.body ? (
                <p className="muted">
                  {comment.body}
                  {comment.editedAt ? ` · ${t('ownWords.edited')}` : null}
                </p>
              ) : null}
              {change ? <p>{change}</p> : null}
              {canDecide ? (
              <Form method="post" className="card-actions">
                <input type="hidden" name="commentId" value={comment.id} />
                {person ? <input type="hidden" name="version" value={person.version} /> : null}
                <button type="submit" name="intent" value="accept" className="button button--small">
                  {t('network.comments.accept')}
                </button>
                <button type="submit" name="intent" value="decline" className="button button--small button--secondary">
                  {t('network.comments.decline')}
                </button>
              </Form>
              ) : (
                <p className="muted">{t('network.worker.waits')}</p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
