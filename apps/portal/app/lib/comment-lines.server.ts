import { translator, type Locale } from '@kracht/i18n'
import type { CommentThread } from '../components/review/types'
import { formatDate } from './i18n'

/**
 * What became of each comment, as staff read it on the client's page, written out on the server:
 * the status line (decided, read on a date, not read yet) and the client's answers (her current
 * words, "bewerkt" once she changed them, or only that she removed one). The page then ships these
 * lines as data instead of the code and texts that make them (issue 19: the heaviest page).
 */
export function staffCommentLines(locale: Locale, comments: CommentThread[], client: string) {
  const t = translator(locale)
  return comments.map(({ replies, ...c }) => ({
    ...c,
    fate:
      c.kind === 'suggestion' && c.status
        ? t(`review.status.${c.status}`, { name: client })
        : c.readAt
          ? t('review.readOn', { date: formatDate(locale, c.readAt) })
          : t('review.notReadYet'),
    replies: replies.map((reply) => ({
      id: reply.id,
      line: reply.removed
        ? t('review.replyRemovedBy', { name: reply.authorName ?? client })
        : `${t('review.repliedBy', { name: reply.authorName ?? client })} ${reply.body}${reply.editedAt ? ` · ${t('ownWords.edited')}` : ''}`,
    })),
  }))
}


