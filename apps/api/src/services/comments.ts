import { and, asc, count, eq, inArray, notInArray, or, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { comments, statements, users, type Comment } from '@kracht/db'
import { decideComment, requireOpen } from './suggestion-decision'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import { updateStatement, type DomainFilter } from './inventory'
import { clientSideOf } from './comment-replies'
import { knownInPageRead, oncePerPageRead } from '../lib/page-read'
import { fromJson } from '../lib/sql-json'
import { ownWordsOf } from './own-words'

export function serialiseComment(row: Comment & { authorName?: string | null }) {
  return {
    id: row.id,
    targetKind: row.targetKind,
    targetId: row.targetId,
    domain: row.domain,
    targetVersion: row.targetVersion,
    authorId: row.authorId,
    authorName: row.authorName ?? null,
    kind: row.kind,
    body: row.body,
    suggestedText: row.suggestedText,
    status: row.status,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    ...ownWordsOf(row),
  }
}

/** The statement a comment is about, if the commenter may see it (not removed). */
export async function statementForComment(deps: Deps, clientId: string, statementId: string) {
  const [row] = await deps.db
    .select()
    .from(statements)
    .where(and(eq(statements.id, statementId), eq(statements.clientId, clientId), isNull(statements.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such statement.')
  return row
}

/** A comment or a proposed rewording. It never touches the statement itself. */
export async function addComment(
  deps: Deps,
  input: { clientId: string; authorId: string; statementId: string; kind: 'comment' | 'suggestion'; body: string; suggestedText?: string | null | undefined },
) {
  const statement = await statementForComment(deps, input.clientId, input.statementId)
  if (input.kind === 'suggestion' && !input.suggestedText) {
    throw new AppError('validation_failed', 'A suggestion needs the proposed words.', { suggestedText: 'required' })
  }
  const [row] = await deps.db
    .insert(comments)
    .values({
      clientId: input.clientId,
      targetKind: 'statement',
      targetId: statement.id,
      domain: statement.domain,
      targetVersion: statement.version,
      authorId: input.authorId,
      kind: input.kind,
      body: input.body,
      suggestedText: input.kind === 'suggestion' ? (input.suggestedText ?? null) : null,
      status: input.kind === 'suggestion' ? 'open' : null,
      createdAt: deps.now(),
    })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return serialiseComment(row)
}

/**
 * The domain a comment belongs to now: the domain its statement lives in today (a statement moved
 * into a left-out domain takes its comments and suggestions with it), else the one it was made in.
 */
const currentDomain = sql<string | null>`coalesce(${statements.domain}, ${comments.domain})`

/** Conditions that leave out comments on left-out domains, by where their statement lives now. */
function domainConditions(excludeDomains: readonly string[] | undefined): SQL[] {
  if (!excludeDomains || excludeDomains.length === 0) return []
  const condition = or(sql`${currentDomain} is null`, notInArray(currentDomain, [...excludeDomains]))
  return condition ? [condition] : []
}

const statementOfComment = and(eq(comments.targetKind, 'statement'), eq(statements.id, comments.targetId))


/**
 * A client's comments on statements, oldest first, with whether each one's statement was removed
 * since (the agreement's count of open suggestions leaves those out). Read once per page read
 * (lib/page-read.ts): the client's page lists the comments and the agreement counts the open
 * suggestions in them, so both come from this one query; the key names every filter.
 */
export function statementComments(deps: Deps, input: StatementCommentsInput) {
  return oncePerPageRead(statementCommentsKey(input), () =>
    deps.db
      .select({ comment: comments, authorName: users.displayName, domain: currentDomain, statementRemoved: sql<boolean>`${statements.deletedAt} is not null` })
      .from(comments)
      .leftJoin(statements, statementOfComment)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(and(...statementCommentConditions(input)))
      .orderBy(asc(comments.createdAt)),
  )
}

type StatementCommentsInput = {
  clientId: string
  statementId?: string | undefined
  openOnly?: boolean
  /** Only the comments this person wrote (a peer expert's view: see `commentsSeenBy`). */
  authorId?: string | undefined
} & DomainFilter

/**
 * Whose comments a reader sees on the client's statements. The client and their workers: all of
 * them. A peer expert: only their own. A client who shares their strengths with a peer expert shares
 * their own words; what their worker wrote to them (and what they answered) is a conversation between
 * the two of them, and the worker was told the client sees it: DOMAIN.md, "sees a client's data only
 * when that client shared it with them".
 */
export function commentsSeenBy(access: { isSelf: boolean; actor: { id: string; role: string } }): { authorId?: string } {
  return !access.isSelf && access.actor.role === 'peer' ? { authorId: access.actor.id } : {}
}
/** As StatementCommentsInput, the client possibly a placeholder (a query built once, inventory.ts). */
type StatementCommentsShape = Omit<StatementCommentsInput, 'clientId'> & { clientId: string | Placeholder }
type StatementCommentRow = Awaited<ReturnType<typeof statementComments>>[number]

const statementCommentsKey = (input: StatementCommentsInput) =>
  ['statement-comments', input.clientId, input.statementId ?? '', input.openOnly === true, input.authorId ?? '', [...(input.excludeDomains ?? [])].sort().join(',')].join(':')

function statementCommentConditions(input: StatementCommentsShape): SQL[] {
  // Comments on goals belong to the action plan (its own scope): services/action-plan/view.ts reads them.
  const conditions: SQL[] = [eq(comments.clientId, input.clientId), eq(comments.targetKind, 'statement'), ...domainConditions(input.excludeDomains)]
  if (input.statementId) conditions.push(eq(comments.targetId, input.statementId))
  if (input.openOnly) conditions.push(eq(comments.status, 'open'))
  if (input.authorId) conditions.push(eq(comments.authorId, input.authorId))
  return conditions
}

/**
 * statementComments' rows as one JSON value, as a scalar subquery that rides along in another query
 * (the inventory's, on the worker's page: one round trip less, issue 19). Times as ISO text, read
 * into a Date as the statement list's are (services/inventory/statements.ts).
 */
function statementCommentsJson(input: StatementCommentsShape): SQL {
  return sql`(select coalesce(json_agg(c order by c."createdAt"), '[]'::json) from (
      select ${comments.id} as "id", ${comments.clientId} as "clientId", ${comments.targetKind} as "targetKind", ${comments.targetId} as "targetId",
        ${comments.domain} as "storedDomain", ${comments.targetVersion} as "targetVersion", ${comments.authorId} as "authorId", ${comments.kind} as "kind",
        ${comments.body} as "body", ${comments.suggestedText} as "suggestedText", ${comments.status} as "status", ${comments.decidedAt} as "decidedAt",
        ${comments.createdAt} as "createdAt", ${comments.version} as "version", ${comments.editedAt} as "editedAt", ${comments.deletedAt} as "deletedAt",
        ${users.displayName} as "authorName", ${currentDomain} as "domain",
        ${statements.deletedAt} is not null as "statementRemoved"
      from ${comments} left join ${statements} on ${statementOfComment} left join ${users} on ${eq(users.id, comments.authorId)}
      where ${and(...statementCommentConditions(input))}) c)`
}

/**
 * statementCommentsJson as a column built once per shape (services/inventory/inventory.ts,
 * AlongsideRead): every filter but the client is baked into the built query, so the key is made of
 * all of them here, beside the code that bakes them in (whose comments a peer expert sees, which
 * domains are left out); a query built for one reader is run only for readers with the same filters.
 */
export function statementCommentsColumn(filter: Omit<StatementCommentsInput, 'clientId'>): { key: string; column: (clientId: Placeholder) => SQL } {
  return { key: JSON.stringify(['statementComments', filter]), column: (clientId) => statementCommentsJson({ ...filter, clientId }) }
}

interface StatementCommentJson extends Omit<Comment, 'domain' | 'decidedAt' | 'createdAt' | 'editedAt' | 'deletedAt'> {
  storedDomain: string | null
  decidedAt: string | null
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  authorName: string | null
  domain: string | null
  statementRemoved: boolean
}

/** The rows of statementCommentsJson's value, as statementComments gives them; known to the page read from then on. */
export function statementCommentsFromJson(input: StatementCommentsInput, value: unknown): StatementCommentRow[] {
  const date = (value: string | null) => (value === null ? null : new Date(value))
  const rows = fromJson<StatementCommentJson[]>(value).map(({ storedDomain, decidedAt, createdAt, editedAt, deletedAt, authorName, domain, statementRemoved, ...rest }) => ({
    comment: { ...rest, domain: storedDomain, decidedAt: date(decidedAt), createdAt: new Date(createdAt), editedAt: date(editedAt), deletedAt: date(deletedAt) },
    authorName,
    domain,
    statementRemoved,
  }))
  knownInPageRead(statementCommentsKey(input), rows)
  return rows
}

/** Comments on a client's statements, oldest first; a left-out domain filters its comments too. */
export async function listComments(
  deps: Deps,
  input: StatementCommentsInput,
  /** The rows when the caller read them already, with these filters (statementCommentsFromJson). */
  known?: StatementCommentRow[] | null,
) {
  const rows = known ?? (await statementComments(deps, input))
  const list = rows.map((row) => serialiseComment({ ...row.comment, domain: row.domain, authorName: row.authorName }))
  // Whether the client read each one and what they answered: the worker sees that it arrived.
  const { reads, replies } = await clientSideOf(deps, input.clientId, list.map((comment) => comment.id))
  return list.map((comment) => ({ ...comment, readAt: reads.get(comment.id) ?? null, replies: replies.get(comment.id) ?? [] }))
}

/**
 * The client decides on a suggestion. Accept: the proposed words become the client's, with
 * provenance client_accepted_worker. Edit: the client's own edit of them is saved as the client's
 * words. Decline: nothing changes. Either way only the client's decision writes the statement,
 * through the same statement service (versions, history) as any other change.
 */
export async function decideSuggestion(
  deps: Deps,
  input: { clientId: string; commentId: string; decision: 'accept' | 'edit' | 'decline'; text?: string | undefined; version: number; suggestionVersion?: number | undefined },
) {
  const [row] = await deps.db.select().from(comments).where(and(eq(comments.id, input.commentId), eq(comments.clientId, input.clientId)))
  // A suggested step on a goal is decided on the plan (services/action-plan/suggestions.ts).
  if (!row || row.kind !== 'suggestion' || row.targetKind === 'goal' || row.deletedAt) throw new AppError('not_found', 'No such suggestion.')
  requireOpen(row)
  // Its author changed the words since the client saw them (017): she decides on what she read, or not at all.
  if (input.suggestionVersion !== undefined && input.suggestionVersion !== row.version) {
    throw new AppError('version_conflict', 'The suggestion was changed since you saw it. Nothing was decided; look at the new words.')
  }
  // A team's idea is the client's to take up or leave; it changes none of the client's words.
  if (row.targetKind === 'team_meeting' && input.decision === 'edit') throw new AppError('validation_failed', 'Accept or decline an idea of the team.', { decision: 'invalid' })
  const changesWords = input.decision !== 'decline' && row.targetKind !== 'team_meeting'
  const text = input.decision === 'accept' ? row.suggestedText : input.text
  if (changesWords && !text) throw new AppError('validation_failed', 'Write your own words.', { text: 'required' })
  const { decided, result: statement } = await decideComment(deps, row, input.decision, async (txDeps) =>
    changesWords && text
      ? updateStatement(txDeps, {
          clientId: input.clientId,
          actorId: input.clientId,
          statementId: row.targetId,
          version: input.version,
          patch: input.decision === 'accept' ? { text, provenance: 'client_accepted_worker', suggestedById: row.authorId } : { text, provenance: 'client' },
        })
      : null,
  )
  return { suggestion: serialiseComment(decided), statement }
}

/**
 * The open suggestions on the statements of several clients, in one query (the caseload): counted
 * per client and per domain where each one's statement lives now, then per viewer, leaving out their
 * left-out domains (a comment with no domain always counts).
 */
export async function openSuggestionCounter(deps: Deps, clientIds: string[]): Promise<(clientId: string, filter: DomainFilter) => number> {
  if (clientIds.length === 0) return () => 0
  const rows = await deps.db
    .select({ clientId: comments.clientId, domain: currentDomain, n: count() })
    .from(comments)
    .leftJoin(statements, statementOfComment)
    .where(and(inArray(comments.clientId, clientIds), eq(comments.targetKind, 'statement'), eq(comments.status, 'open')))
    .groupBy(comments.clientId, currentDomain)
  return (clientId, filter) => {
    const excluded = new Set(filter.excludeDomains ?? [])
    return rows.filter((row) => row.clientId === clientId && (row.domain === null || !excluded.has(row.domain))).reduce((sum, row) => sum + row.n, 0)
  }
}
