import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { commentReads, commentReplies, comments, users } from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'

/**
 * The client's side of a worker's comment: "gelezen" and a short reply. Both are the client's
 * alone (self routes); the worker sees them with the comment, through the same consent read.
 */

export interface CommentReplyView {
  id: string
  authorId: string | null
  authorName: string | null
  /** Empty once the author removed the reply. */
  body: string
  createdAt: string
  version: number
  editedAt: string | null
  removed: boolean
}

type ReplyRow = typeof commentReplies.$inferSelect

const viewOf = (reply: ReplyRow, authorName: string | null): CommentReplyView => {
  const removed = reply.deletedAt !== null
  return {
    id: reply.id,
    authorId: reply.authorId,
    authorName,
    // A removed reply keeps its place under the comment, never its words.
    body: removed ? '' : reply.body,
    createdAt: reply.createdAt.toISOString(),
    version: reply.version,
    editedAt: removed ? null : (reply.editedAt?.toISOString() ?? null),
    removed,
  }
}

/** A comment of this client that the client may answer: one that exists, is about them and was not removed by its author. */
async function commentOf(deps: Deps, clientId: string, commentId: string) {
  const [row] = await deps.db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.clientId, clientId), isNull(comments.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such comment.')
  return row
}

/** Marks a comment read by the client; a second mark keeps the first time. */
export async function markCommentRead(deps: Deps, input: { clientId: string; commentId: string; readerId: string }) {
  await commentOf(deps, input.clientId, input.commentId)
  await deps.db.insert(commentReads).values({ commentId: input.commentId, readerId: input.readerId, readAt: deps.now() }).onConflictDoNothing()
  const [row] = await deps.db
    .select({ readAt: commentReads.readAt })
    .from(commentReads)
    .where(and(eq(commentReads.commentId, input.commentId), eq(commentReads.readerId, input.readerId)))
  return { commentId: input.commentId, readAt: (row?.readAt ?? deps.now()).toISOString() }
}

/** The client answers a comment. Answering is reading too, so the comment is marked read as well. */
export async function addCommentReply(deps: Deps, input: { clientId: string; commentId: string; authorId: string; body: string }): Promise<CommentReplyView> {
  await commentOf(deps, input.clientId, input.commentId)
  const now = deps.now()
  const reply = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(commentReplies)
      .values({ commentId: input.commentId, clientId: input.clientId, authorId: input.authorId, body: input.body, createdAt: now })
      .returning()
    await tx.insert(commentReads).values({ commentId: input.commentId, readerId: input.authorId, readAt: now }).onConflictDoNothing()
    return row
  })
  if (!reply) throw new Error('insert returned nothing')
  const [author] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, input.authorId))
  return viewOf(reply, author?.name ?? null)
}

/**
 * The author changes or removes their own reply. A reply of another author, of another comment or
 * client, or one already removed is "not found" (only the client writes replies, so the route lets
 * only the client in). The version check is part of the update: two pages cannot both win.
 */
export async function changeCommentReply(
  deps: Deps,
  input: { clientId: string; commentId: string; replyId: string; authorId: string; version: number; change: { body: string } | 'remove' },
): Promise<CommentReplyView> {
  const now = deps.now()
  const where = and(
    eq(commentReplies.id, input.replyId),
    eq(commentReplies.commentId, input.commentId),
    eq(commentReplies.clientId, input.clientId),
    eq(commentReplies.authorId, input.authorId),
    isNull(commentReplies.deletedAt),
  )
  const set = input.change === 'remove' ? { body: '', editedAt: null, deletedAt: now } : { body: input.change.body, editedAt: now }
  const [row] = await deps.db
    .update(commentReplies)
    .set({ ...set, version: input.version + 1 })
    .where(and(where, eq(commentReplies.version, input.version)))
    .returning()
  if (!row) {
    const [exists] = await deps.db.select({ id: commentReplies.id }).from(commentReplies).where(where)
    if (!exists) throw new AppError('not_found', 'No such reply.')
    throw new AppError('version_conflict', 'This reply was changed elsewhere. Nothing was overwritten; load the page again.')
  }
  const [author] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, input.authorId))
  return viewOf(row, author?.name ?? null)
}

/**
 * Read marks (by the client) and replies for a set of comments, for the comment list. The caller
 * passes only comments it may show (left-out domains already filtered), so nothing more leaks.
 */
export async function clientSideOf(deps: Deps, clientId: string, commentIds: readonly string[]) {
  const reads = new Map<string, string>()
  const replies = new Map<string, CommentReplyView[]>()
  if (commentIds.length === 0) return { reads, replies }
  const [readRows, replyRows] = await Promise.all([
    deps.db
      .select({ commentId: commentReads.commentId, readAt: commentReads.readAt })
      .from(commentReads)
      .where(and(inArray(commentReads.commentId, [...commentIds]), eq(commentReads.readerId, clientId))),
    deps.db
      .select({ reply: commentReplies, authorName: users.displayName })
      .from(commentReplies)
      .leftJoin(users, eq(users.id, commentReplies.authorId))
      .where(and(eq(commentReplies.clientId, clientId), inArray(commentReplies.commentId, [...commentIds])))
      .orderBy(asc(commentReplies.createdAt)),
  ])
  for (const row of readRows) reads.set(row.commentId, row.readAt.toISOString())
  for (const { reply, authorName } of replyRows) {
    const list = replies.get(reply.commentId) ?? []
    list.push(viewOf(reply, authorName))
    replies.set(reply.commentId, list)
  }
  return { reads, replies }
}
