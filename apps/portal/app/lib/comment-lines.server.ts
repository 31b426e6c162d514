import { translator, type Locale } from '@kracht/i18n'
import type { CommentThread } from '../components/review/types'
import { formatDate } from './i18n'

/**
 * What became of each comment, as staff read it on the client's page, written out on the server:
 * the status line (decided, read on a date, not read yet) and the client's answers (her current
 * words, "bewerkt" once she changed them, or only that she removed one). The page then ships these
 * lines as data instead of the code and texts that make them (issue 19: the heaviest page).
 */
export function staffCommentLines(locale: Locale, comments: CommentThread[], client: string, viewer: { id: string; clientId: string }) {
  const t = translator(locale)
  return comments.map(({ replies, version: _version, editedAt, removed, ...c }) => {
    const mine = c.authorId === viewer.id
    const status =
      c.kind === 'suggestion' && c.status
        ? t(`review.status.${c.status}`, { name: client })
        : c.readAt
          ? t('review.readOn', { date: formatDate(locale, c.readAt) })
          : t('review.notReadYet')
    return {
      ...c,
      removed,
      // A removed comment keeps its place (and the client's answers under it), never its words (017).
      fate: removed ? removedLine(t, c, mine) + (c.kind === 'suggestion' && c.status ? ` · ${status}` : '') : status,
      /** "bewerkt" once the author changed the words, else empty. */
      edited: editedAt && !removed ? t('ownWords.edited') : '',
      /** The author's own link to change or remove it (a page of its own: plain forms, no script here). */
      change: mine && !removed ? { href: ownCommentHref(viewer.clientId, c.id), label: t('ownWords.commentChangeLink') } : null,
    replies: replies.map((reply) => ({
      id: reply.id,
      line: reply.removed
        ? t('review.replyRemovedBy', { name: reply.authorName ?? client })
        : `${t('review.repliedBy', { name: reply.authorName ?? client })} ${reply.body}${reply.editedAt ? ` · ${t('ownWords.edited')}` : ''}`,
    })),
    }
  })
}

type Translate = ReturnType<typeof translator>

/** "Noor heeft deze reactie verwijderd." (or "dit voorstel"); to its author "Je hebt deze reactie verwijderd." */
export function removedLine(t: Translate, c: { kind: 'comment' | 'suggestion'; authorName: string | null }, mine: boolean) {
  if (mine) return t('ownWords.commentRemovedByYou')
  return t(c.kind === 'suggestion' ? 'ownWords.suggestionRemovedBy' : 'ownWords.commentRemovedBy', { name: c.authorName ?? t('ownWords.someone') })
}

/** The page where the author changes or removes a comment: `over` names where it is when not on a statement. */
export function ownCommentHref(clientId: string, commentId: string, over?: 'doel' | 'netwerk', targetId?: string) {
  const path = `/clienten/${clientId}/reacties/${commentId}`
  return over ? `${path}?over=${over}${targetId ? `&bij=${targetId}` : ''}` : path
}

/** The worker's page after a review or a signature (`?klaar=`): its line, written on the server. */
export function doneLineOf(locale: Locale, done: string | null): string | null {
  const t = translator(locale)
  return done === 'review' ? t('review.reviewed') : done === 'sign' ? t('review.signedConfirm') : null
}
