import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'
import { jsonOrThrow } from './api-failure.server'
import { keyedWrite } from './idempotency.server'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { idField } from '../forms/fields'
import type { ScreenData } from '../components/save-safety'
import { OwnCommentForms, type OwnCommentResult } from './own-comment-forms'

/**
 * A staff member's own comment or suggestion, on its own page (docs/decisions/017): where it is (a
 * statement, a goal, the network map), read through the same consent read as the lists that show
 * it, and changed or removed through the API's author-only routes. The worker's page only links
 * here, so it carries no forms or script for this.
 */

export type Over = 'zin' | 'doel' | 'netwerk'

export interface OwnComment {
  id: string
  over: Over
  /** The statement or goal it is on; null on the network map. */
  targetId: string | null
  kind: 'comment' | 'suggestion'
  body: string
  /** The proposed words (a statement's rewording, a goal's step); a proposed person is not changed here. */
  suggestedText: string | null
  /** A suggestion the client decided on: its words stay (only removing is possible). */
  decided: boolean
  version: number
  editedAt: string | null
  removed: boolean
  authorId: string | null
}

export const overOf = (value: string | null): Over => (value === 'doel' || value === 'netwerk' ? value : 'zin')

/** Where the author goes back to: the page that shows the comment. */
export const backPath = (clientId: string, over: Over) => (over === 'doel' ? `/clienten/${clientId}/actieplan` : over === 'netwerk' ? `/clienten/${clientId}/netwerk` : `/clienten/${clientId}#reacties`)

const decidedStatus = (status: string | null) => status !== null && status !== 'open'

/** The comment as the author's consent read shows it, or null (not there, not shared any more). */
export async function loadOwnComment(context: AppLoadContext, request: Request, input: { clientId: string; commentId: string; over: Over; goalId: string | null }): Promise<OwnComment | null> {
  const client = api(context, request).clients[':clientId']
  const param = { clientId: input.clientId }
  if (input.over === 'netwerk') {
    const response = await client.network.comments.$get({ param, query: {} })
    if (!response.ok) return null
    const row = (await response.json()).find((c) => c.id === input.commentId)
    return row ? { ...row, over: 'netwerk', targetId: null, suggestedText: null, decided: decidedStatus(row.status) } : null
  }
  if (input.over === 'doel') {
    if (!input.goalId || !idField.safeParse(input.goalId).success) return null
    const response = await client.goals[':goalId'].$get({ param: { ...param, goalId: input.goalId } })
    if (!response.ok) return null
    const row = (await response.json()).comments.find((c) => c.id === input.commentId)
    return row ? { ...row, over: 'doel', targetId: row.targetId, decided: decidedStatus(row.status) } : null
  }
  const response = await client.comments.$get({ param, query: {} })
  if (!response.ok) return null
  const row = (await response.json()).find((c) => c.id === input.commentId)
  return row ? { ...row, over: 'zin', targetId: row.targetId, decided: decidedStatus(row.status) } : null
}

/** The client's name as this reader knows it (their own list of who shares with them). */
export async function clientName(context: AppLoadContext, request: Request, clientId: string) {
  const shared = await jsonOrThrow(api(context, request).me['shared-with-me'].$get({ query: { clientId } }))
  return shared.find((entry) => entry.clientId === clientId)?.displayName ?? null
}


/**
 * One form post: change or remove. Saved: `done` (the page says so; a reload sends nothing twice),
 * except when the new words fired the crisis screen: then the page shows the help card at once.
 * Refused: the typed words come back; a conflict (a newer version, a decision by the client) answers
 * 200, so that Remix reloads the page's data with JavaScript too and the next save carries the newer version.
 */
export async function ownCommentAction(
  context: AppLoadContext,
  request: Request,
  input: { clientId: string; commentId: string; over: Over },
  formData: FormData,
): Promise<{ done: 'aangepast' | 'verwijderd' } | { status: number; result: OwnCommentResult }> {
  const intent = formData.get('intent') === 'remove' ? 'remove' : 'edit'
  const submission = parseSubmission(formData, OwnCommentForms)
  if (submission.status !== 'success') return { status: 400, result: { intent, saved: false, safety: null, form: reply(submission) } }
  const form = submission.value
  const client = api(context, request).clients[':clientId']
  const { clientId, commentId } = input
  const targetId = form.targetId ?? ''
  const version = String(form.version)
  const text = form.intent === 'edit' ? { body: form.body ?? '', suggested: form.suggestedText || undefined } : null
  let response: Response
  if (input.over === 'netwerk') {
    const target = client.network.comments[':commentId']
    const param = { clientId, commentId }
    response = text
      ? await keyedWrite(formData, (options) => target.$patch({ param, json: { body: text.body, version: form.version } }, options))
      : await keyedWrite(formData, (options) => target.$delete({ param, query: { version } }, options))
  } else if (input.over === 'doel') {
    const target = client.goals[':goalId'].comments[':commentId']
    const param = { clientId, goalId: targetId, commentId }
    response = text
      ? await keyedWrite(formData, (options) => target.$patch({ param, json: { body: text.body, suggestedWhat: text.suggested, version: form.version } }, options))
      : await keyedWrite(formData, (options) => target.$delete({ param, query: { version } }, options))
  } else {
    const target = client.statements[':statementId'].comments[':commentId']
    const param = { clientId, statementId: targetId, commentId }
    response = text
      ? await keyedWrite(formData, (options) => target.$patch({ param, json: { body: text.body, suggestedText: text.suggested, version: form.version } }, options))
      : await keyedWrite(formData, (options) => target.$delete({ param, query: { version } }, options))
  }
  if (!response.ok) {
    const status = response.status === 409 ? 200 : response.status
    return { status, result: { intent, saved: false, safety: null, form: await replyWithProblem(submission, response, { rename: { suggestedWhat: 'suggestedText' } }) } }
  }
  if (response.status === 200) {
    const saved = (await response.json()) as { safety?: ScreenData & { detected: boolean } }
    if (saved.safety?.detected) return { status: 200, result: { intent, saved: true, safety: saved.safety, form: null } }
  }
  return { done: form.intent === 'remove' ? 'verwijderd' : 'aangepast' }
}
