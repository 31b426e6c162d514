/**
 * Where every table that holds a client's data goes in the client's export (GDPR art. 15 and 20)
 * and what erasure does with it (art. 17). One list for both, so a new table cannot be forgotten by
 * one and not the other: `coverage.test.ts` walks the Drizzle schema and fails on any table with a
 * `client_id` column (or a link to a person) that is not listed here.
 *
 * - `column`: the column that names the client (or the person) in that table.
 * - `section`: the key of the export that holds its rows.
 * - `erase`: `delete` (the rows go at once), `cascade` (they go with their parent row, named in
 *   `via`), or `keep` (the row stays; `why` says why, and it holds ids and actions, no content).
 */
export type EraseRule =
  | { erase: 'delete' }
  | { erase: 'cascade'; via: string }
  | { erase: 'keep'; why: string }

export type CoveredTable = { column: string; section: string } & EraseRule

export const clientTables = {
  // The inventory: statements (the removed ones too) with every revision, priorities and remarks.
  statements: { column: 'client_id', section: 'inventory.statements', erase: 'delete' },
  statement_revisions: { column: 'client_id', section: 'inventory.statements[].history', erase: 'delete' },
  inventories: { column: 'client_id', section: 'inventory.priorities, inventory.remarks', erase: 'delete' },
  inventory_revisions: { column: 'client_id', section: 'inventory.history', erase: 'delete' },
  // Comments and suggestions of workers on the client's statements and goals, the client's replies.
  // The answers go first: a comment is never deleted while answers hang under it (no cascade, 017).
  comment_replies: { column: 'client_id', section: 'comments[].replies', erase: 'delete' },
  comment_reads: { column: 'reader_id', section: 'comments[].readAt', erase: 'delete' },
  comments: { column: 'client_id', section: 'comments', erase: 'delete' },
  reviews: { column: 'client_id', section: 'reviews', erase: 'delete' },
  signatures: { column: 'client_id', section: 'signatures', erase: 'delete' },
  // The action plan.
  goals: { column: 'client_id', section: 'actionPlan.goals', erase: 'delete' },
  goal_actions: { column: 'client_id', section: 'actionPlan.goals[].actions, actionPlan.actionsWithoutGoal', erase: 'delete' },
  goal_remarks: { column: 'client_id', section: 'actionPlan.goals[].remarks', erase: 'delete' },
  // The network map (VIP card) and resources.
  network_people: { column: 'client_id', section: 'network.people', erase: 'delete' },
  network_person_revisions: { column: 'client_id', section: 'network.people[].history', erase: 'delete' },
  network_comments: { column: 'client_id', section: 'network.comments', erase: 'delete' },
  resources: { column: 'client_id', section: 'network.resources', erase: 'delete' },
  safety_plans: { column: 'client_id', section: 'safetyPlan', erase: 'delete' },
  // Mobility Mentoring: the bridge (every placement) and the money page.
  bridge_placements: { column: 'client_id', section: 'livelihood.bridge', erase: 'delete' },
  money_pages: { column: 'client_id', section: 'livelihood.money', erase: 'delete' },
  // The assistant.
  conversations: { column: 'client_id', section: 'assistant.conversations', erase: 'delete' },
  conversation_proposals: { column: 'client_id', section: 'assistant.conversations[].cards', erase: 'delete' },
  client_settings: { column: 'client_id', section: 'assistant.aiHelp', erase: 'delete' },
  safety_events: { column: 'client_id', section: 'assistant.safetyEvents', erase: 'delete' },
  ai_disclosures: {
    column: 'client_id',
    section: 'assistant.aiRecord.calls',
    erase: 'keep',
    why: 'append-only record of what left the server for a model: kinds and counts of placeholders, never text',
  },
  ai_help_changes: {
    column: 'client_id',
    section: 'assistant.aiRecord.switches',
    erase: 'keep',
    why: 'append-only record of when AI help was on: the basis of every model call in ai_disclosures',
  },
  // Sharing.
  consents: { column: 'client_id', section: 'consents', erase: 'delete' },
  access_log: {
    column: 'client_id',
    section: 'accessLog',
    erase: 'keep',
    why: 'NEN 7513: the organisation must be able to show who read what; append-only, ids and actions, no content',
  },
  notifications: { column: 'client_id', section: 'notificationsAboutYou', erase: 'delete' },
  // Messages and sessions.
  messages: { column: 'client_id', section: 'messages', erase: 'delete' },
  message_reads: { column: 'client_id', section: 'messages (read marks)', erase: 'delete' },
  care_session_attendees: { column: 'client_id', section: 'sessions', erase: 'delete' },
  care_session_notes: { column: 'client_id', section: 'sessions[].myNote', erase: 'delete' },
  // The trajectory, the worker's capacity assessments, evaluations and team meetings.
  trajectories: { column: 'client_id', section: 'trajectory', erase: 'delete' },
  trajectory_phases: { column: 'trajectory_id', section: 'trajectory.phases', erase: 'cascade', via: 'trajectories' },
  capacity_assessments: { column: 'client_id', section: 'trajectory.capacityAssessments', erase: 'delete' },
  evaluations: { column: 'client_id', section: 'trajectory.evaluations', erase: 'delete' },
  evaluation_answers: { column: 'evaluation_id', section: 'trajectory.evaluations[].answers', erase: 'cascade', via: 'evaluations' },
  team_meetings: { column: 'client_id', section: 'trajectory.teamMeetings', erase: 'delete' },
  client_workers: { column: 'client_id', section: 'workers', erase: 'delete' },
  // The account itself.
  sessions: { column: 'user_id', section: 'account.signIns', erase: 'delete' },
  api_tokens: { column: 'user_id', section: 'account.apiTokens', erase: 'delete' },
  recovery_codes: { column: 'user_id', section: 'account (staff only: none)', erase: 'delete' },
  invitations: { column: 'user_id', section: 'account.accessResets', erase: 'delete' },
  // Answers to the last 24 hours' changes, kept only so a retried request is not done twice
  // (lib/idempotency.ts): copies of what the sections above already hold.
  idempotency_keys: { column: 'user_id', section: 'not exported: copies of answers already in the sections above, kept 24 hours against duplicates', erase: 'delete' },
} as const satisfies Record<string, CoveredTable>

/**
 * Tables that refer to people but hold no one client's data: staff's own planning and notes. A
 * client appears in them only through a table above (care_session_attendees).
 */
export const notClientData: Record<string, string> = {
  organisations: 'the organisation',
  teams: 'teams of staff',
  users: 'the account: exported as `profile`; on erasure blanked (name, username, passphrase) and kept as the id the access log points to',
  login_throttle: 'counters of failed sign-ins by key, no person column',
  rate_limit_counters: 'request counters by key, no person column',
  access_log_chain: 'the head of the access log hash chain',
  care_sessions: "a worker's planning (title, time, place); the client's attendance and note are in the tables above",
  care_session_facilitator_notes: "a facilitator's own notes, seen by their author only",
  care_session_reflections: "the facilitators' reflection on a session",
}

export type ClientTableName = keyof typeof clientTables
