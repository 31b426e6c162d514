import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { accessLog, clientWorkers, users } from '@kracht/db'
import { createTestApi, demoPassword, type TestApi } from '../testing'
import type { DeclaredAccess } from './client-route'
import { clientOperations, walkProblems, type WalkedDocument } from './route-walk'
import { describeLivelihoodShared, livelihoodRows } from './matrix-livelihood'
import { actors, C, linkedRows, none, R, type ActorName, type Ids, type Row } from './authorisation-matrix.linked'

/**
 * The authorisation matrix: every client-data route, for every kind of caller, with the status the
 * caller must get. The client is sam. What sam shared (set up below):
 *   noor  (linked worker): inventory, without `partner`, read and comment
 *   eva   (peer expert):   inventory, without `partner`, read only
 *   token (noor's API token, scope inventory): whatever noor may read, never more, never a write
 * Nobody else has a consent: lotte (a second linked worker), bas (a worker not linked to sam),
 * pim (a peer expert), kim (another client), the coordinator, and nobody signed in.
 */

//                            sam  kim  noor lotte bas  eva  pim  admin token nobody
const sharedRead = /* ---- */ R(200, 403, 200, 403, 403, 200, 403, 403, 200, 401)
const clientOnly = /* ---- */ R(200, 403, 403, 403, 403, 403, 403, 403, 403, 401)
const clientWrite = /* --- */ R(409, 403, 403, 403, 403, 403, 403, 403, 403, 401)
const consentedGone = /* - */ R(404, 403, 404, 403, 403, 404, 403, 403, 404, 401)
const togetherGone = /* -- */ R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401)
const clientGone = /* ---- */ R(404, 403, 403, 403, 403, 403, 403, 403, 403, 401)

const matrix: Row[] = [
  { route: 'inventory', op: `GET ${C}/inventory`, method: 'GET', path: (i) => `/clients/${i.sam}/inventory`, expect: sharedRead },
  { route: 'statements', op: `GET ${C}/statements`, method: 'GET', path: (i) => `/clients/${i.sam}/statements`, expect: sharedRead },
  { route: 'statements of the left-out domain', op: `GET ${C}/statements`, method: 'GET', path: (i) => `/clients/${i.sam}/statements?domain=partner`, expect: sharedRead },
  { route: 'history', op: `GET ${C}/inventory/history`, method: 'GET', path: (i) => `/clients/${i.sam}/inventory/history`, expect: sharedRead },
  { route: 'comments', op: `GET ${C}/comments`, method: 'GET', path: (i) => `/clients/${i.sam}/comments`, expect: sharedRead },
  { route: 'agreement', op: `GET ${C}/agreement`, method: 'GET', path: (i) => `/clients/${i.sam}/agreement`, expect: sharedRead },
  // The worker's page in one call: a row for each of the inventory, the comments and the agreement.
  { route: 'inventory overview', op: `GET ${C}/inventory/overview`, method: 'GET', path: (i) => `/clients/${i.sam}/inventory/overview`, expect: sharedRead, allowedRows: 3 },
  { route: 'add statement', op: `POST ${C}/statements`, method: 'POST', path: (i) => `/clients/${i.sam}/statements`, body: () => ({ domain: 'nope', time: 'present', text: 'Ik kan het' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change statement', op: `PATCH ${C}/statements/{statementId}`, method: 'PATCH', path: (i) => `/clients/${i.sam}/statements/${i.work}`, body: () => ({ version: 999, text: 'Anders' }), expect: clientWrite },
  { route: 'remove statement', op: `DELETE ${C}/statements/{statementId}`, method: 'DELETE', path: (i) => `/clients/${i.sam}/statements/${i.work}?version=999`, expect: clientWrite },
  { route: 'priorities', op: `PUT ${C}/priorities`, method: 'PUT', path: (i) => `/clients/${i.sam}/priorities`, body: () => ({ version: 999, priorities: [] }), expect: clientWrite },
  { route: 'remarks', op: `PUT ${C}/remarks`, method: 'PUT', path: (i) => `/clients/${i.sam}/remarks`, body: () => ({ version: 999, remarks: 'x' }), expect: clientWrite },
  { route: 'consents', op: `GET ${C}/consents`, method: 'GET', path: (i) => `/clients/${i.sam}/consents`, expect: clientOnly },
  { route: 'share', op: `POST ${C}/consents`, method: 'POST', path: (i) => `/clients/${i.sam}/consents`, body: () => ({ granteeId: none, scopes: ['inventory'] }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'stop sharing', op: `DELETE ${C}/consents/{consentId}`, method: 'DELETE', path: (i) => `/clients/${i.sam}/consents/${none}`, expect: clientGone },
  { route: 'access log', op: `GET ${C}/access-log`, method: 'GET', path: (i) => `/clients/${i.sam}/access-log`, expect: clientOnly },
  { route: 'grantees', op: `GET ${C}/grantees`, method: 'GET', path: (i) => `/clients/${i.sam}/grantees`, expect: clientOnly },
  { route: 'grantee teams', op: `GET ${C}/grantee-teams`, method: 'GET', path: (i) => `/clients/${i.sam}/grantee-teams`, expect: clientOnly },
  { route: 'comment on a shared domain', op: `POST ${C}/statements/{statementId}/comments`, method: 'POST', path: (i) => `/clients/${i.sam}/statements/${i.work}/comments`, body: () => ({ kind: 'comment', body: 'Goed!' }), expect: R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'comment on the left-out domain', op: `POST ${C}/statements/{statementId}/comments`, method: 'POST', path: (i) => `/clients/${i.sam}/statements/${i.partner}/comments`, body: () => ({ kind: 'comment', body: 'x' }), expect: R(403, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'decide a suggestion', op: `POST ${C}/suggestions/{commentId}/decision`, method: 'POST', path: (i) => `/clients/${i.sam}/suggestions/${none}/decision`, body: () => ({ decision: 'decline', version: 1 }), expect: clientGone },
  // Whoever may comment gets as far as the comment (unknown here: 404); only its author changes or removes it.
  { route: 'change own comment', op: `PATCH ${C}/statements/{statementId}/comments/{commentId}`, method: 'PATCH', path: (i) => `/clients/${i.sam}/statements/${i.work}/comments/${none}`, body: () => ({ body: 'Anders', version: 1 }), expect: R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'remove own comment', op: `DELETE ${C}/statements/{statementId}/comments/{commentId}`, method: 'DELETE', path: (i) => `/clients/${i.sam}/statements/${i.work}/comments/${none}?version=1`, expect: R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change own comment on the left-out domain', op: `PATCH ${C}/statements/{statementId}/comments/{commentId}`, method: 'PATCH', path: (i) => `/clients/${i.sam}/statements/${i.partner}/comments/${none}`, body: () => ({ body: 'x', version: 1 }), expect: clientGone },
  { route: 'mark a comment read', op: `POST ${C}/comments/{commentId}/read`, method: 'POST', path: (i) => `/clients/${i.sam}/comments/${none}/read`, expect: clientGone },
  { route: 'reply to a comment', op: `POST ${C}/comments/{commentId}/replies`, method: 'POST', path: (i) => `/clients/${i.sam}/comments/${none}/replies`, body: () => ({ body: 'Dank je' }), expect: clientGone },
  // Only the author changes or removes a reply (only the client writes them); an unknown one is 404 for her.
  { route: 'change a reply', op: `PATCH ${C}/comments/{commentId}/replies/{replyId}`, method: 'PATCH', path: (i) => `/clients/${i.sam}/comments/${none}/replies/${none}`, body: () => ({ body: 'Anders', version: 1 }), expect: clientGone },
  { route: 'remove a reply', op: `DELETE ${C}/comments/{commentId}/replies/{replyId}`, method: 'DELETE', path: (i) => `/clients/${i.sam}/comments/${none}/replies/${none}?version=1`, expect: clientGone },
  { route: 'sign the agreement', op: `POST ${C}/agreement/signatures`, method: 'POST', path: (i) => `/clients/${i.sam}/agreement/signatures`, body: () => ({}), expect: R(201, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'mark reviewed', op: `POST ${C}/inventory/reviews`, method: 'POST', path: (i) => `/clients/${i.sam}/inventory/reviews`, expect: R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  // Sessions are shared with nobody here: only sam reads the notes.
  { route: 'session notes', op: `GET ${C}/sessions/notes`, method: 'GET', path: (i) => `/clients/${i.sam}/sessions/notes`, expect: R(200, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'write a session note', op: `PUT ${C}/sessions/{sessionId}/note`, method: 'PUT', path: (i) => `/clients/${i.sam}/sessions/${none}/note`, body: () => ({ text: 'Het ging goed' }), expect: clientGone },
  { route: 'conversations', op: `GET ${C}/conversations`, method: 'GET', path: (i) => `/clients/${i.sam}/conversations`, expect: sharedRead },
  { route: 'start a conversation', op: `POST ${C}/conversations`, method: 'POST', path: (i) => `/clients/${i.sam}/conversations`, body: () => ({ flow: 'nope' }), expect: R(400, 403, 400, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'a conversation', op: `GET ${C}/conversations/{conversationId}`, method: 'GET', path: (i) => `/clients/${i.sam}/conversations/${none}`, expect: consentedGone },
  { route: 'answer', op: `POST ${C}/conversations/{conversationId}/answers`, method: 'POST', path: (i) => `/clients/${i.sam}/conversations/${none}/answers`, body: () => ({ version: 1, stepId: 'x', text: 'Ik kook graag' }), expect: togetherGone },
  { route: 'accept a card', op: `POST ${C}/conversations/{conversationId}/proposals/{proposalId}/accept`, method: 'POST', path: (i) => `/clients/${i.sam}/conversations/${none}/proposals/${none}-1/accept`, body: () => ({ version: 1 }), expect: togetherGone },
  { route: 'drop a card', op: `POST ${C}/conversations/{conversationId}/proposals/{proposalId}/drop`, method: 'POST', path: (i) => `/clients/${i.sam}/conversations/${none}/proposals/${none}-1/drop`, expect: togetherGone },
  // Whether the worker is told is the client's choice alone (a facilitator neither sees nor sets it).
  { route: 'safety choice', op: `POST ${C}/conversations/{conversationId}/safety`, method: 'POST', path: (i) => `/clients/${i.sam}/conversations/${none}/safety`, body: () => ({ notifyWorker: false }), expect: clientGone },
  { route: 'what went to the AI help', op: `GET ${C}/ai-record`, method: 'GET', path: (i) => `/clients/${i.sam}/ai-record`, expect: clientOnly },
  { route: 'cards waiting for the client', op: `GET ${C}/pending-cards`, method: 'GET', path: (i) => `/clients/${i.sam}/pending-cards`, expect: clientOnly },
  { route: 'safety events', op: `GET ${C}/safety-events`, method: 'GET', path: (i) => `/clients/${i.sam}/safety-events`, expect: clientOnly },
  { route: 'AI help setting', op: `GET ${C}/settings/ai-help`, method: 'GET', path: (i) => `/clients/${i.sam}/settings/ai-help`, expect: sharedRead },
  { route: "the client's workers", op: `GET ${C}/workers`, method: 'GET', path: (i) => `/clients/${i.sam}/workers`, expect: R(200, 403, 403, 403, 403, 403, 403, 200, 403, 401), unlogged: true, loggedWhenAllowed: true },
  { route: 'link a worker', op: `PUT ${C}/workers/{workerId}`, method: 'PUT', path: () => `/clients/${none}/workers/${none}`, expect: R(403, 403, 403, 403, 403, 403, 403, 404, 403, 401), unlogged: true },
  { route: 'unlink a worker', op: `DELETE ${C}/workers/{workerId}`, method: 'DELETE', path: () => `/clients/${none}/workers/${none}`, expect: R(403, 403, 403, 403, 403, 403, 403, 404, 403, 401), unlogged: true },
  { route: 'new access code', op: `POST ${C}/access-reset`, method: 'POST', path: () => `/clients/${none}/access-reset`, expect: R(403, 403, 404, 404, 404, 403, 403, 404, 403, 401), unlogged: true },
  // The safety plan has a scope of its own, never implied by sharing the inventory (nobody has it here).
  { route: 'safety plan', op: `GET ${C}/safety-plan`, method: 'GET', path: (i) => `/clients/${i.sam}/safety-plan`, expect: clientOnly },
  { route: 'save safety plan', op: `PUT ${C}/safety-plan`, method: 'PUT', path: (i) => `/clients/${i.sam}/safety-plan`, body: () => ({ version: 999, warningSigns: [], selfHelp: [], people: [], places: [], reasons: ['x'], professionals: [] }), expect: clientWrite },
  ...linkedRows,
  // Messages: the linked workers (noor, lotte) reach sam without a content consent; anyone else needs
  // sam's messages share (nobody has one here). An empty text is refused after the gate: nothing is sent.
  { route: 'messages', op: `GET ${C}/messages`, method: 'GET', path: (i) => `/clients/${i.sam}/messages`, expect: R(200, 403, 200, 200, 403, 403, 403, 403, 403, 401) },
  { route: 'send a message', op: `POST ${C}/messages`, method: 'POST', path: (i) => `/clients/${i.sam}/messages`, body: () => ({ text: ' ' }), expect: R(400, 403, 400, 400, 403, 403, 403, 403, 403, 401) },
  // Whoever may write in the thread gets as far as the message (unknown here: 404); only its author changes it.
  { route: 'change a message', op: `PATCH ${C}/messages/{messageId}`, method: 'PATCH', path: (i) => `/clients/${i.sam}/messages/${none}`, body: () => ({ text: 'Anders', version: 1 }), expect: R(404, 403, 404, 404, 403, 403, 403, 403, 403, 401) },
  { route: 'remove a message', op: `DELETE ${C}/messages/{messageId}`, method: 'DELETE', path: (i) => `/clients/${i.sam}/messages/${none}?version=1`, expect: R(404, 403, 404, 404, 403, 403, 403, 403, 403, 401) },
  { route: 'mark messages read', op: `POST ${C}/messages/read`, method: 'POST', path: (i) => `/clients/${i.sam}/messages/read`, expect: R(204, 403, 204, 204, 403, 403, 403, 403, 403, 401) },
  // The client's rights (GDPR art. 15, 17, 20): their whole file and deleting their account are theirs
  // alone, whatever they shared. The delete body is empty on purpose (400 for sam): the walk erases nothing.
  { route: 'export', op: `GET ${C}/export`, method: 'GET', path: (i) => `/clients/${i.sam}/export`, expect: clientOnly },
  { route: 'delete the account', op: `DELETE ${C}`, method: 'DELETE', path: (i) => `/clients/${i.sam}`, body: () => ({}), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  // Ending a client's account when care ended is the coordinator's (a client of no organisation here: nothing ends).
  { route: 'end an account', op: `POST ${C}/end`, method: 'POST', path: () => `/clients/${none}/end`, expect: R(403, 403, 403, 403, 403, 403, 403, 404, 403, 401), unlogged: true },
  { route: 'turn AI help off', op: `PUT ${C}/settings/ai-help`, method: 'PUT', path: (i) => `/clients/${i.sam}/settings/ai-help`, body: () => ({ enabled: false }), expect: clientOnly },
  // The network map has a scope of its own, never implied by sharing the inventory (nobody has it here).
  ...networkRows(clientOnly, R(403, 403, 403, 403, 403, 403, 403, 403, 403, 401), clientGone),
  // The bridge and the money page (scope `livelihood`): never implied by another share (nobody has it here).
  ...livelihoodRows(none, { seen: clientOnly, created: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401), written: clientWrite, gone: clientGone }),
]

// ---- Action plan (scope `action_plan`): rows walked in their own block below, once sam shared it. ----
// noor: action_plan without `partner`, comment; eva: action_plan without `partner`, read. Nobody
// else, and noor's token holds only `inventory`: the plan is never implied by sharing the inventory.
const plan = { work: none, partner: none, action: none }
const P = (path: string) => (i: Ids) => `/clients/${i.sam}${path.replace('{work}', plan.work).replace('{partner}', plan.partner).replace('{action}', plan.action)}`
//                            sam  kim  noor lotte bas  eva  pim  admin token nobody
const planRead = /* ----- */ R(200, 403, 200, 403, 403, 200, 403, 403, 403, 401)
const planHidden = /* --- */ R(200, 403, 403, 403, 403, 403, 403, 403, 403, 401)
const planRows: Row[] = [
  { route: 'plan', op: `GET ${C}/goals`, method: 'GET', path: P('/goals'), expect: planRead },
  { route: 'add goal', op: `POST ${C}/goals`, method: 'POST', path: P('/goals'), body: () => ({ text: 'Ik wil zwemmen', domain: 'nope' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'goal of a shared domain', op: `GET ${C}/goals/{goalId}`, method: 'GET', path: P('/goals/{work}'), expect: planRead },
  { route: 'goal of the left-out domain', op: `GET ${C}/goals/{goalId}`, method: 'GET', path: P('/goals/{partner}'), expect: planHidden },
  { route: 'change goal', op: `PATCH ${C}/goals/{goalId}`, method: 'PATCH', path: P('/goals/{work}'), body: () => ({ version: 999, text: 'Anders' }), expect: clientWrite },
  { route: 'remove goal', op: `DELETE ${C}/goals/{goalId}`, method: 'DELETE', path: P('/goals/{work}?version=999'), expect: clientWrite },
  { route: 'add step', op: `POST ${C}/goals/{goalId}/actions`, method: 'POST', path: P('/goals/{work}/actions'), body: () => ({ what: 'Bellen', who: 'client', when: '20000-01-15' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change step', op: `PATCH ${C}/goals/{goalId}/actions/{actionId}`, method: 'PATCH', path: P('/goals/{work}/actions/{action}'), body: () => ({ version: 999, status: 'done' }), expect: clientWrite },
  { route: 'progress remark', op: `POST ${C}/goals/{goalId}/remarks`, method: 'POST', path: P('/goals/{work}/remarks'), body: () => ({ text: '' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'remove remark', op: `DELETE ${C}/goals/{goalId}/remarks/{remarkId}`, method: 'DELETE', path: P(`/goals/{work}/remarks/${none}`), expect: clientGone },
  { route: 'comment on a shared goal', op: `POST ${C}/goals/{goalId}/comments`, method: 'POST', path: P('/goals/{work}/comments'), body: () => ({ kind: 'comment', body: 'Mooi!' }), expect: R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'comment on the left-out goal', op: `POST ${C}/goals/{goalId}/comments`, method: 'POST', path: P('/goals/{partner}/comments'), body: () => ({ kind: 'comment', body: 'x' }), expect: R(403, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change own comment on a goal', op: `PATCH ${C}/goals/{goalId}/comments/{commentId}`, method: 'PATCH', path: P(`/goals/{work}/comments/${none}`), body: () => ({ body: 'Anders', version: 1 }), expect: R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'remove own comment on a goal', op: `DELETE ${C}/goals/{goalId}/comments/{commentId}`, method: 'DELETE', path: P(`/goals/{work}/comments/${none}?version=1`), expect: R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401) },
  { route: 'change own comment on the left-out goal', op: `PATCH ${C}/goals/{goalId}/comments/{commentId}`, method: 'PATCH', path: P(`/goals/{partner}/comments/${none}`), body: () => ({ body: 'x', version: 1 }), expect: clientGone },
  { route: 'decide a suggested step', op: `POST ${C}/goals/{goalId}/suggestions/{commentId}/decision`, method: 'POST', path: P(`/goals/{work}/suggestions/${none}/decision`), body: () => ({ decision: 'decline' }), expect: clientGone },
  { route: 'plan agreement', op: `GET ${C}/action-plan/agreement`, method: 'GET', path: P('/action-plan/agreement'), expect: planRead },
  { route: 'sign the plan', op: `POST ${C}/action-plan/agreement/signatures`, method: 'POST', path: P('/action-plan/agreement/signatures'), body: () => ({}), expect: R(201, 403, 201, 403, 403, 403, 403, 403, 403, 401) },
]

/**
 * The network map's routes. `seen`: what a reader of the map gets; `commented`: adding a comment or
 * suggestion (needs comment access; the client changes the map on the map itself). Writes are the
 * client's alone, and sam's are refused on purpose (bad area, stale version) so the walk changes nothing.
 */
function networkRows(seen: Record<ActorName, number>, commented: Record<ActorName, number>, ownWords: Record<ActorName, number>): Row[] {
  const N = `${C}/network`
  const base = (i: Ids) => `/clients/${i.sam}/network`
  return [
    { route: 'network persons', op: `GET ${N}/persons`, method: 'GET', path: (i) => `${base(i)}/persons`, expect: seen },
    { route: 'a network person', op: `GET ${N}/persons/{personId}`, method: 'GET', path: (i) => `${base(i)}/persons/${i.person}`, expect: seen },
    { route: 'add a network person', op: `POST ${N}/persons`, method: 'POST', path: (i) => `${base(i)}/persons`, body: () => ({ name: 'Jan', area: 'neighbours', ring: 1 }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
    { route: 'change a network person', op: `PATCH ${N}/persons/{personId}`, method: 'PATCH', path: (i) => `${base(i)}/persons/${i.person}`, body: () => ({ version: 999, ring: 2 }), expect: clientWrite },
    { route: 'remove a network person', op: `DELETE ${N}/persons/{personId}`, method: 'DELETE', path: (i) => `${base(i)}/persons/${i.person}?version=999`, expect: clientWrite },
    { route: 'the map of a past day', op: `GET ${N}/history`, method: 'GET', path: (i) => `${base(i)}/history?at=2026-01-01`, expect: seen },
    { route: 'resources', op: `GET ${N}/resources`, method: 'GET', path: (i) => `${base(i)}/resources`, expect: seen },
    { route: 'add a resource', op: `POST ${N}/resources`, method: 'POST', path: (i) => `${base(i)}/resources`, body: () => ({ kind: 'money', text: 'x' }), expect: R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401) },
    { route: 'change a resource', op: `PATCH ${N}/resources/{resourceId}`, method: 'PATCH', path: (i) => `${base(i)}/resources/${i.resource}`, body: () => ({ version: 999, text: 'x' }), expect: clientWrite },
    { route: 'remove a resource', op: `DELETE ${N}/resources/{resourceId}`, method: 'DELETE', path: (i) => `${base(i)}/resources/${i.resource}?version=999`, expect: clientWrite },
    { route: 'network comments', op: `GET ${N}/comments`, method: 'GET', path: (i) => `${base(i)}/comments`, expect: seen },
    { route: 'comment on the network', op: `POST ${N}/comments`, method: 'POST', path: (i) => `${base(i)}/comments`, body: (i) => ({ kind: 'comment', personId: i.person, body: 'Fijn' }), expect: commented },
    { route: 'change own network comment', op: `PATCH ${N}/comments/{commentId}`, method: 'PATCH', path: (i) => `${base(i)}/comments/${none}`, body: () => ({ body: 'Anders', version: 1 }), expect: ownWords },
    { route: 'remove own network comment', op: `DELETE ${N}/comments/{commentId}`, method: 'DELETE', path: (i) => `${base(i)}/comments/${none}?version=1`, expect: ownWords },
    { route: 'decide a network suggestion', op: `POST ${N}/suggestions/{commentId}/decision`, method: 'POST', path: (i) => `${base(i)}/suggestions/${none}/decision`, body: () => ({ decision: 'decline' }), expect: clientGone },
  ]
}

let t: TestApi
const auth: Partial<Record<ActorName, { cookie?: string; headers?: Record<string, string> }>> = {}
const userIds: Partial<Record<ActorName, string>> = {}
let ids: Ids

beforeAll(async () => {
  t = await createTestApi()
  const [samRow] = await t.deps.db.select().from(users).where(eq(users.id, t.ids.sam))
  if (!samRow) throw new Error('no sam')
  const extra = { kim: 'client', lotte: 'worker', bas: 'worker', pim: 'peer' } as const
  for (const [username, role] of Object.entries(extra)) {
    const [row] = await t.deps.db
      .insert(users)
      .values({ organisationId: samRow.organisationId, role, username, displayName: username, passwordHash: samRow.passwordHash })
      .returning()
    userIds[username as ActorName] = row!.id
  }
  await t.deps.db.insert(clientWorkers).values({ clientId: t.ids.sam, workerId: userIds.lotte! })
  for (const name of ['sam', 'kim', 'noor', 'lotte', 'bas', 'eva', 'pim', 'admin'] as const) {
    auth[name] = { cookie: await t.signIn(name) }
    userIds[name] ??= t.ids[name as keyof typeof t.ids]
  }
  const sam = auth.sam!.cookie!
  const base = `/clients/${t.ids.sam}`
  const partner = await (await t.json('POST', `${base}/statements`, { cookie: sam, body: { domain: 'partner', time: 'present', text: 'Ik zie mijn ex alleen op het station' } })).json()
  const inventory = await (await t.json('GET', `${base}/inventory`, { cookie: sam })).json()
  const person = await (await t.json('POST', `${base}/network/persons`, { cookie: sam, body: { name: 'Oma Rie', area: 'family', ring: 1, support: ['emotional'] } })).json()
  const resource = await (await t.json('POST', `${base}/network/resources`, { cookie: sam, body: { kind: 'social_cohesion', text: 'Oma kookt op zondag', personId: person.person.id } })).json()
  ids = {
    sam: t.ids.sam,
    work: inventory.statements.find((s: { domain: string }) => s.domain === 'work').id,
    partner: partner.statement.id,
    person: person.person.id,
    resource: resource.resource.id,
  }
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.noor, scopes: ['inventory'], excludeDomains: ['partner'], access: 'comment', endsAt: null } })
  await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: t.ids.eva, scopes: ['inventory'], excludeDomains: ['partner'], access: 'read', endsAt: null } })
  const token = await (await t.json('POST', '/me/api-tokens', { cookie: auth.noor!.cookie!, body: { name: 'ECD', scopes: ['inventory'], expiresAt: new Date(t.deps.now().getTime() + 86_400_000).toISOString(), password: demoPassword } })).json()
  auth.token = { headers: { authorization: `Bearer ${token.token}` } }
  userIds.token = t.ids.noor
  auth.nobody = {}
})
afterAll(() => t.close())

const logCount = async () => (await t.deps.db.select({ n: count() }).from(accessLog).where(eq(accessLog.clientId, t.ids.sam)))[0]?.n ?? 0

/** Does the route declare a consent read (so a token reaches the gate, which logs it)? */
const declaredReads = new Set<string>()
const isConsentRead = (row: Row) => declaredReads.has(row.op)

describe('authorisation matrix', () => {
  it('covers every client route in the OpenAPI document, and each declares its rule', async () => {
    const document = (await (await t.json('GET', '/openapi.json')).json()) as WalkedDocument
    expect(walkProblems(document, new Set([...matrix, ...planRows].map((row) => row.op)))).toEqual([])
    for (const { operation, declared } of clientOperations(document)) {
      if ((declared as DeclaredAccess).tokens) declaredReads.add(operation)
    }
    expect(declaredReads.size).toBeGreaterThan(5)
  })

  const cases = matrix.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const))
  it.each(cases)('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    const text = await response.text()
    expect(response.status, text).toBe(row.expect[actor])

    // A left-out domain never appears in anything a consented reader gets back.
    if (actor !== 'sam' && response.ok) {
      expect(text).not.toContain('partner')
      expect(text).not.toContain('station')
    }

    // Every access by someone other than the client wrote exactly one log row (the gate ran once)
    // with the right outcome; a token outside a declared consent read is refused at the door
    // (token_scope, token_read_only) before any client data is touched.
    const rows = (await logCount()) - before
    const refused = response.status === 401 || response.status === 403
    if (row.unlogged && row.loggedWhenAllowed && actor !== 'sam') expect(rows).toBe(response.ok ? 1 : 0)
    // Reading the log is itself logged, also by the client; so is the download of the file that holds it.
    else if (actor === 'sam' || row.unlogged) expect(rows).toBe(row.route === 'access log' || row.route === 'export' ? 1 : 0)
    // A request without anyone signed in leaves no row (lib/access-log.ts says why).
    // A token is read-only: any other method is refused at the door too.
    else if (actor === 'nobody' || (actor === 'token' && (!isConsentRead(row) || row.method !== 'GET'))) expect(rows).toBe(0)
    else {
      expect(rows).toBe(refused ? 1 : (row.allowedRows ?? 1))
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      expect(entry).toMatchObject({
        actorId: userIds[actor],
        outcome: refused ? 'denied' : 'allowed',
        via: actor === 'token' ? 'token' : 'session',
      })
      // Allowed on a consent, as the linked worker (the trajectory), or (messages) either.
      if (!refused) expect(entry?.basis).toMatch(row.linked ? /^linked_worker$/ : row.route.includes('message') ? /^(consent:|linked_worker$)/ : /^consent:/)
    }
  })
})

describe('free text of a partly shared inventory', () => {
  it('keeps the remarks private when a domain is left out, since they may speak of it', async () => {
    const sam = auth.sam!.cookie!
    const own = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()
    await t.json('PUT', `/clients/${t.ids.sam}/remarks`, { cookie: sam, body: { version: own.version, remarks: 'Over mijn ex wil ik later praten' } })
    const shared = await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.eva })).json()
    expect(shared.remarks).toBe('')
    expect(JSON.stringify(shared)).not.toContain('ex wil ik')
    expect((await (await t.json('GET', `/clients/${t.ids.sam}/inventory`, { cookie: sam })).json()).remarks).toBe('Over mijn ex wil ik later praten')
  })
})

describe('revocation and end dates bite on the very next request', () => {
  it('revoke: the next read by the grantee and by their token is refused and logged as such', async () => {
    const sam = auth.sam!.cookie!
    const list = await (await t.json('GET', `/clients/${t.ids.sam}/consents`, { cookie: sam })).json()
    const noorConsent = list.find((consent: { granteeId: string }) => consent.granteeId === t.ids.noor)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.noor })).status).toBe(200)
    await t.json('DELETE', `/clients/${t.ids.sam}/consents/${noorConsent.id}`, { cookie: sam })
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.noor })).status).toBe(403)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.token })).status).toBe(403)
    const [last] = await t.deps.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor)))
      .orderBy(accessLog.at)
      .offset(Number((await t.deps.db.select({ n: count() }).from(accessLog).where(and(eq(accessLog.clientId, t.ids.sam), eq(accessLog.actorId, t.ids.noor))))[0]?.n ?? 1) - 1)
    expect(last).toMatchObject({ outcome: 'denied', basis: 'consent_revoked', via: 'token' })
  })

  it('end date: allowed one moment, refused the next', async () => {
    const sam = auth.sam!.cookie!
    const endsAt = new Date(t.deps.now().getTime() + 5_000).toISOString()
    await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId: userIds.pim, scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt } })
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.pim })).status).toBe(200)
    t.advance(5_001)
    expect((await t.json('GET', `/clients/${t.ids.sam}/inventory`, { ...auth.pim })).status).toBe(403)
  })
})

// ---- Safety plan (scope `safety_plan`): its own share, never implied by sharing the inventory. ----
// Runs last: by now noor's consent is revoked and pim's has ended. Eva gets `safety_plan` here;
// noor's token has only the `inventory` scope.
describe('authorisation matrix: safety plan shared', () => {
  //                              sam  kim  noor lotte bas  eva  pim  admin token nobody
  const planRead = /* ------- */ R(200, 403, 403, 403, 403, 200, 403, 403, 403, 401)
  const rows: Row[] = [
    { route: 'safety plan', op: `GET ${C}/safety-plan`, method: 'GET', path: (i) => `/clients/${i.sam}/safety-plan`, expect: planRead },
    { route: 'save safety plan', op: `PUT ${C}/safety-plan`, method: 'PUT', path: (i) => `/clients/${i.sam}/safety-plan`, body: () => ({ version: 999, warningSigns: [], selfHelp: [], people: [], places: [], reasons: ['x'], professionals: [] }), expect: clientWrite },
  ]
  beforeAll(async () => {
    const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: auth.sam!.cookie!, body: { granteeId: t.ids.eva, scopes: ['safety_plan'], access: 'read', endsAt: null } })
    expect(granted.status).toBe(201)
  })
  it.each(rows.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const)))('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    expect(response.status, await response.text()).toBe(row.expect[actor])
    const logged = (await logCount()) - before
    // The client's own use is not logged, nor a request without anyone signed in; token writes stop at the door.
    if (actor === 'sam' || actor === 'nobody' || (actor === 'token' && row.method !== 'GET')) expect(logged).toBe(0)
    else {
      expect(logged).toBe(1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      expect(entry).toMatchObject({ scope: 'safety_plan', outcome: response.ok ? 'allowed' : 'denied' })
    }
  })
})

// Runs after the blocks above: noor's first consent is revoked by now, so the plan is shared anew.
describe('authorisation matrix: action plan shared', () => {
  beforeAll(async () => {
    const sam = auth.sam!.cookie!
    const base = `/clients/${t.ids.sam}`
    const work = await (await t.json('POST', `${base}/goals`, { cookie: sam, body: { text: 'Ik wil weer bakken', domain: 'work' } })).json()
    const partner = await (await t.json('POST', `${base}/goals`, { cookie: sam, body: { text: 'Ik spreek mijn ex op het station', domain: 'partner' } })).json()
    const step = await (await t.json('POST', `${base}/goals/${work.goal.id}/actions`, { cookie: sam, body: { what: 'Bakker bellen', who: 'client', when: '2027-01-15' } })).json()
    Object.assign(plan, { work: work.goal.id, partner: partner.goal.id, action: step.action.id })
    for (const [grantee, access] of [[t.ids.noor, 'comment'], [t.ids.eva, 'read']] as const) {
      const granted = await t.json('POST', `${base}/consents`, { cookie: sam, body: { granteeId: grantee, scopes: ['action_plan'], excludeDomains: ['partner'], access, endsAt: null } })
      expect(granted.status).toBe(201)
    }
  })
  it.each(planRows.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const)))('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    const text = await response.text()
    expect(response.status, text).toBe(row.expect[actor])
    // A left-out domain never appears in anything a consented reader gets back; nor does the plan to anyone without it.
    if (actor !== 'sam' && response.ok) {
      expect(text).not.toContain('partner')
      expect(text).not.toContain('station')
    }
    if (actor !== 'sam' && !response.ok) expect(text).not.toContain('bakken')
    const logged = (await logCount()) - before
    // The client's own use is not logged, nor a request without anyone signed in; token writes stop at the door.
    if (actor === 'sam' || actor === 'nobody' || (actor === 'token' && row.method !== 'GET')) expect(logged).toBe(0)
    else {
      expect(logged).toBe(1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      // Past the gate is allowed, even when what was asked for is not there (404).
      const passed = response.status !== 401 && response.status !== 403
      expect(entry).toMatchObject({ scope: 'action_plan', actorId: userIds[actor], outcome: passed ? 'allowed' : 'denied' })
      if (passed) expect(entry?.basis).toMatch(/^consent:/)
    }
  })
})

// ---- Network map (scope `network`): its own share. Runs after the blocks above: noor's first
// consent is revoked by now, so noor gets a new one here (network, comment), eva one to read;
// noor's token has only the `inventory` scope and stays refused.
// ---- Bridge and money page (scope `livelihood`): its own share (matrix-livelihood.ts). ----
describeLivelihoodShared({ actors, R, clientWrite, none, api: () => t, auth, userIds, ids: () => ids, logCount })

describe('authorisation matrix: network shared', () => {
  //                                sam  kim  noor lotte bas  eva  pim  admin token nobody
  const networkRead = /* ------- */ R(200, 403, 200, 403, 403, 200, 403, 403, 403, 401)
  const networkComment = /* ---- */ R(403, 403, 201, 403, 403, 403, 403, 403, 403, 401)
  beforeAll(async () => {
    const sam = auth.sam!.cookie!
    for (const [granteeId, access] of [[t.ids.noor, 'comment'], [t.ids.eva, 'read']] as const) {
      const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, { cookie: sam, body: { granteeId, scopes: ['network'], access, endsAt: null } })
      expect(granted.status).toBe(201)
    }
  })
  const networkOwnWords = /* --- */ R(404, 403, 404, 403, 403, 403, 403, 403, 403, 401)
  const rows = networkRows(networkRead, networkComment, networkOwnWords)
  it.each(rows.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const)))('%s × %s', async (_route, actor, row) => {
    const before = await logCount()
    const response = await t.json(row.method, row.path(ids), { ...auth[actor], ...(row.body ? { body: row.body(ids) } : {}) })
    expect(response.status, await response.text()).toBe(row.expect[actor])
    const logged = (await logCount()) - before
    // The client's own use is not logged, nor a request without anyone signed in; token writes stop at the door.
    if (actor === 'sam' || actor === 'nobody' || (actor === 'token' && row.method !== 'GET')) expect(logged).toBe(0)
    else {
      expect(logged).toBe(1)
      const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
      // Past the gate is allowed, even when what was asked for is not there (404).
      expect(entry).toMatchObject({ scope: 'network', outcome: response.status === 401 || response.status === 403 ? 'denied' : 'allowed', actorId: userIds[actor] })
    }
  })
})
