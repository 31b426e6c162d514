import { and, asc, count, eq, gt, inArray, isNull, ne, or, type SQL } from 'drizzle-orm'
import { clientWorkers, consents, messageReads, messages, users, type MessageTopic } from '@kracht/db'
import { checkClientAccess, type ClientAccess } from '../access/gate'
import { AppError } from '../lib/app-error'
import type { Actor, Deps } from '../lib/env'

/**
 * One thread of short messages per client: the client, their linked workers and whoever the client
 * shares `messages` with. The gate (messages scope, access/rules.ts) decides who reads and writes;
 * this module only stores and counts.
 */

const readMarkOf = async (deps: Deps, clientId: string, readerId: string) => {
  const [row] = await deps.db
    .select({ readUpTo: messageReads.readUpTo })
    .from(messageReads)
    .where(and(eq(messageReads.clientId, clientId), eq(messageReads.readerId, readerId)))
  return row?.readUpTo ?? null
}

/** The thread, oldest first, with who wrote each message and whether the client has read it. */
export async function listThread(deps: Deps, access: ClientAccess) {
  const rows = await deps.db
    .select({ message: messages, authorName: users.displayName, authorRole: users.role })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.clientId, access.clientId))
    .orderBy(asc(messages.createdAt))
    .limit(500)
  const [mine, clientMark] = await Promise.all([
    readMarkOf(deps, access.clientId, access.actor.id),
    readMarkOf(deps, access.clientId, access.clientId),
  ])
  const list = rows.map(({ message, authorName, authorRole }) => {
    const removed = message.deletedAt !== null
    return {
      id: message.id,
      authorId: message.authorId,
      authorName: authorName ?? null,
      authorRole: authorRole ?? null,
      mine: message.authorId === access.actor.id,
      topic: message.topic,
      // A removed message keeps its place (the thread stays readable) but never its words.
      text: removed ? '' : message.text,
      createdAt: message.createdAt.toISOString(),
      version: message.version,
      editedAt: removed ? null : (message.editedAt?.toISOString() ?? null),
      removed,
      // Staff see that the client read their message; the client's own messages need no such mark.
      readByClient: !removed && message.authorId !== access.clientId && clientMark !== null && clientMark >= message.createdAt,
      unread: !removed && message.authorId !== access.actor.id && (mine === null || message.createdAt > mine),
    }
  })
  return { messages: list, unread: list.filter((message) => message.unread).length }
}

export async function postMessage(deps: Deps, input: { access: ClientAccess; text: string; topic: MessageTopic }) {
  const now = deps.now()
  const [row] = await deps.db
    .insert(messages)
    .values({ clientId: input.access.clientId, authorId: input.access.actor.id, topic: input.topic, text: input.text, createdAt: now })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  // Writing in a thread means having read it up to here.
  await markRead(deps, { clientId: input.access.clientId, readerId: input.access.actor.id })
  return { id: row.id, topic: row.topic, text: row.text, createdAt: row.createdAt.toISOString() }
}

/**
 * One message of this thread that its author may still change: it exists, is in this client's
 * thread and was not removed. Who may change it (only its author) is the caller's check, so the
 * refusal is logged by the gate's rules (routes/messages).
 */
export async function findMessage(deps: Deps, clientId: string, messageId: string) {
  const [row] = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.clientId, clientId), isNull(messages.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such message.')
  return row
}

const versionConflict = (what: string): never => {
  throw new AppError('version_conflict', `This message was changed elsewhere. Nothing was ${what}; load the thread again.`)
}

/** The one message an author may change: hers, in this client's thread, at the version she saw, not removed. */
function theAuthorsCurrentMessage(input: { clientId: string; messageId: string; authorId: string; version: number }) {
  return and(
    eq(messages.id, input.messageId),
    eq(messages.clientId, input.clientId),
    eq(messages.authorId, input.authorId),
    eq(messages.version, input.version),
    isNull(messages.deletedAt),
  )
}

/**
 * The author changes the words of their own message. The version check is part of the update, so
 * two pages of the same person cannot both win; the thread then says "bewerkt". No earlier wording
 * is kept: what others see is what the author means now.
 */
export async function editMessage(deps: Deps, input: { clientId: string; messageId: string; authorId: string; version: number; text: string }) {
  const now = deps.now()
  const [row] = await deps.db
    .update(messages)
    .set({ text: input.text, editedAt: now, version: input.version + 1 })
    .where(theAuthorsCurrentMessage(input))
    .returning()
  if (!row) {
    await findMessage(deps, input.clientId, input.messageId)
    return versionConflict('overwritten')
  }
  return { id: row.id, topic: row.topic, text: row.text, createdAt: row.createdAt.toISOString(), editedAt: now.toISOString(), version: row.version }
}

/**
 * The author removes their own message: the words are erased from the database at once (not kept
 * aside), the row stays as "removed" so that answers after it still make sense.
 */
export async function removeMessage(deps: Deps, input: { clientId: string; messageId: string; authorId: string; version: number }) {
  const now = deps.now()
  const [row] = await deps.db
    .update(messages)
    .set({ text: '', editedAt: null, deletedAt: now, version: input.version + 1 })
    .where(theAuthorsCurrentMessage(input))
    .returning({ id: messages.id })
  if (!row) {
    await findMessage(deps, input.clientId, input.messageId)
    versionConflict('removed')
  }
}

export async function markRead(deps: Deps, input: { clientId: string; readerId: string }) {
  const now = deps.now()
  await deps.db
    .insert(messageReads)
    .values({ clientId: input.clientId, readerId: input.readerId, readUpTo: now })
    .onConflictDoUpdate({ target: [messageReads.clientId, messageReads.readerId], set: { readUpTo: now } })
}

/** Messages by others in one thread after the reader's mark. */
async function unreadIn(deps: Deps, clientId: string, readerId: string) {
  const mark = await readMarkOf(deps, clientId, readerId)
  const conditions: SQL[] = [eq(messages.clientId, clientId), isNull(messages.deletedAt), or(isNull(messages.authorId), ne(messages.authorId, readerId)) as SQL]
  if (mark) conditions.push(gt(messages.createdAt, mark))
  const [row] = await deps.db.select({ n: count() }).from(messages).where(and(...conditions))
  return row?.n ?? 0
}

/**
 * Unread messages for the home page: the client's own thread, or for staff every thread they may
 * read (linked clients, and clients who share `messages` with them). A thread with unread messages
 * is checked by the same rules as the thread itself, and that look is logged like any read; a
 * thread with none returns nothing and so reads nothing of the client.
 */
export async function unreadSummary(deps: Deps, actor: Actor) {
  const me = actor.user
  if (me.role === 'client') {
    const unread = await unreadIn(deps, me.id, me.id)
    return { total: unread, threads: unread > 0 ? [{ clientId: me.id, displayName: me.displayName, unread }] : [] }
  }
  if (me.role === 'admin' || actor.kind !== 'session') return { total: 0, threads: [] }
  const [linked, shared] = await Promise.all([
    me.role === 'worker' ? deps.db.select({ clientId: clientWorkers.clientId }).from(clientWorkers).where(eq(clientWorkers.workerId, me.id)) : [],
    deps.db.select({ clientId: consents.clientId, scopes: consents.scopes }).from(consents).where(and(eq(consents.granteeId, me.id), isNull(consents.revokedAt))),
  ])
  const candidates = [...new Set([...linked.map((row) => row.clientId), ...shared.filter((row) => row.scopes.includes('messages')).map((row) => row.clientId)])]
  const threads: { clientId: string; displayName: string; unread: number }[] = []
  for (const clientId of candidates) {
    const unread = await unreadIn(deps, clientId, me.id)
    if (unread === 0) continue
    const decision = await checkClientAccess(deps, actor, clientId, { scope: 'messages', action: 'read', resource: 'messages_unread' }, { logDenied: false })
    if (!decision.allowed) continue
    threads.push({ clientId, displayName: '', unread })
  }
  if (threads.length > 0) {
    const names = await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, threads.map((t) => t.clientId)))
    for (const thread of threads) thread.displayName = names.find((n) => n.id === thread.clientId)?.displayName ?? ''
  }
  threads.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
  return { total: threads.reduce((sum, thread) => sum + thread.unread, 0), threads }
}
