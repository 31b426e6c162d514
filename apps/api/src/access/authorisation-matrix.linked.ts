// The authorisation matrix's shape (actors, expected statuses, rows) and the rows of the care
// arrangement (access/linked.ts): trajectory, capacity assessment, evaluations and team meetings.
// Kept beside authorisation-matrix.test.ts so that file stays readable.

export const actors = ['sam', 'kim', 'noor', 'lotte', 'bas', 'eva', 'pim', 'admin', 'token', 'nobody'] as const
export type ActorName = (typeof actors)[number]

// Columns in the order of `actors`. 2xx = allowed; 400/409 for sam = the gate let sam in and the
// request itself was refused (on purpose: the matrix must not change sam's data as it walks).
export const R = (...codes: number[]) => Object.fromEntries(actors.map((actor, i) => [actor, codes[i]])) as Record<ActorName, number>

export interface Row {
  route: string
  /** The operation in the OpenAPI document this row covers (the route walk checks every one has a row). */
  op: string
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: (ids: Ids) => string
  body?: (ids: Ids) => unknown
  expect: Record<ActorName, number>
  /** Organisation rules manage the person and reach no client content: nothing to log. */
  unlogged?: true
  /** …except what such a route reads when it is allowed (the list of a client's workers). */
  loggedWhenAllowed?: true
  /** The care arrangement (access/linked.ts): the client and linked workers, logged as `linked_worker`, no consent. */
  linked?: true
  /** Log rows an allowed access writes: one per part a route answers for (default 1; a refusal is always 1). */
  allowedRows?: number
}
export interface Ids {
  sam: string
  work: string
  partner: string
  /** A person on sam's network map, and a resource beside it. */
  person: string
  resource: string
}

export const C = '/clients/{clientId}'
// An id that exists nowhere: the gate decides first, then the route answers 404 to whom it let in.
export const none = '00000000-0000-4000-8000-000000000000'
const linkedRead = /* ---- */ R(200, 403, 200, 200, 403, 403, 403, 403, 403, 401)
const linkedGone = /* ---- */ R(404, 403, 404, 404, 403, 403, 403, 403, 403, 401)
const linkedWorkerOnly = (status: number) => R(403, 403, status, status, 403, 403, 403, 403, 403, 401)

export const linkedRows: Row[] = [
  // The trajectory is the care arrangement, not the client's words: the client and the linked workers
  // (noor, lotte) see it whatever was shared; only they move it on. Matrix bodies change nothing.
  { route: 'trajectory', op: `GET ${C}/trajectory`, method: 'GET', path: (i) => `/clients/${i.sam}/trajectory`, expect: linkedRead, linked: true },
  { route: 'start a trajectory', op: `POST ${C}/trajectory`, method: 'POST', path: (i) => `/clients/${i.sam}/trajectory`, body: () => ({ model: 'nope' }), expect: linkedWorkerOnly(400), linked: true },
  { route: 'next phase', op: `POST ${C}/trajectory/next`, method: 'POST', path: (i) => `/clients/${i.sam}/trajectory/next`, expect: linkedWorkerOnly(409), linked: true },
  { route: 'capacity assessments', op: `GET ${C}/capacity-assessments`, method: 'GET', path: (i) => `/clients/${i.sam}/capacity-assessments`, expect: linkedRead, linked: true },
  { route: 'assess capacity', op: `POST ${C}/capacity-assessments`, method: 'POST', path: (i) => `/clients/${i.sam}/capacity-assessments`, body: () => ({ capacity: '' }), expect: linkedWorkerOnly(400), linked: true },
  // Evaluations together and team meetings: the client and the linked workers; a peer or a worker on
  // consent reads none of it. Sam has no trajectory and no team share here, so opening or preparing
  // is refused after the gate (409) and the walk changes nothing; ids that exist nowhere get 404.
  { route: 'evaluations', op: `GET ${C}/evaluations`, method: 'GET', path: (i) => `/clients/${i.sam}/evaluations`, expect: linkedRead, linked: true },
  { route: 'open an evaluation', op: `POST ${C}/evaluations`, method: 'POST', path: (i) => `/clients/${i.sam}/evaluations`, expect: linkedWorkerOnly(409), linked: true },
  { route: 'an evaluation', op: `GET ${C}/evaluations/{evaluationId}`, method: 'GET', path: (i) => `/clients/${i.sam}/evaluations/${none}`, expect: linkedGone, linked: true },
  { route: 'answer an evaluation item', op: `PUT ${C}/evaluations/{evaluationId}/answers/{item}`, method: 'PUT', path: (i) => `/clients/${i.sam}/evaluations/${none}/answers/goals_met`, body: () => ({ text: 'Ik heb een kamer', version: 0 }), expect: linkedGone, linked: true },
  { route: 'sign an evaluation', op: `POST ${C}/evaluations/{evaluationId}/signatures`, method: 'POST', path: (i) => `/clients/${i.sam}/evaluations/${none}/signatures`, body: () => ({ contentHash: 'a'.repeat(64) }), expect: linkedGone, linked: true },
  { route: 'team meetings', op: `GET ${C}/team-meetings`, method: 'GET', path: (i) => `/clients/${i.sam}/team-meetings`, expect: linkedRead, linked: true },
  { route: 'prepare a team meeting', op: `POST ${C}/team-meetings`, method: 'POST', path: (i) => `/clients/${i.sam}/team-meetings`, body: () => ({ meetingAt: '2030-01-01T10:00:00Z' }), expect: linkedWorkerOnly(409), linked: true },
  { route: 'a team meeting', op: `GET ${C}/team-meetings/{meetingId}`, method: 'GET', path: (i) => `/clients/${i.sam}/team-meetings/${none}`, expect: linkedGone, linked: true },
  { route: 'team meeting notes', op: `PUT ${C}/team-meetings/{meetingId}/notes`, method: 'PUT', path: (i) => `/clients/${i.sam}/team-meetings/${none}/notes`, body: () => ({ version: 1, notes: {} }), expect: linkedWorkerOnly(404), linked: true },
  { route: "the client's question to the team", op: `PUT ${C}/team-meetings/{meetingId}/question`, method: 'PUT', path: (i) => `/clients/${i.sam}/team-meetings/${none}/question`, body: () => ({ version: 1, question: 'Hoe vind ik werk?' }), expect: R(404, 403, 403, 403, 403, 403, 403, 403, 403, 401), linked: true },
  { route: "a team's idea", op: `POST ${C}/team-meetings/{meetingId}/ideas`, method: 'POST', path: (i) => `/clients/${i.sam}/team-meetings/${none}/ideas`, body: () => ({ text: 'Het werkcafé' }), expect: linkedWorkerOnly(404), linked: true },
]
