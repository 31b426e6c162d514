import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * The ids here repeat those of @kracht/assistant on purpose: the schema package depends on no
 * domain package, and a migration must not change when a library adds a value. The API checks
 * that the two lists agree (a test).
 */
export const conversationFlows = ['miracle', 'strengths', 'vip', 'goal', 'safety_plan'] as const
export const conversationLocales = ['nl', 'en'] as const
export const conversationStatuses = ['active', 'finished'] as const
export const proposalKinds = ['statement', 'network_person', 'goal', 'action', 'safety_plan_line'] as const
/**
 * proposed: a card waiting; pending_client: a worker or peer expert kept it in together mode, and it
 * waits for the client's own yes in their own session (nothing is saved before); accepted / edited:
 * the client kept it (edited: with their changes); dropped: nothing saved.
 */
export const proposalStatuses = ['proposed', 'pending_client', 'accepted', 'edited', 'dropped'] as const

export type ConversationFlow = (typeof conversationFlows)[number]
export type ConversationStatus = (typeof conversationStatuses)[number]
export type ProposalKind = (typeof proposalKinds)[number]
export type ProposalStatus = (typeof proposalStatuses)[number]

/** What the last turn's model call did, for the operator (never shown to the client). */
export interface ConversationAiLog {
  used: boolean
  fallback: string | null
}

/** One guided conversation. `state` is the assistant engine's state, stored as it is (plain JSON). */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    flow: text('flow', { enum: conversationFlows }).notNull(),
    locale: text('locale', { enum: conversationLocales }).notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: conversationStatuses }).notNull().default('active'),
    /** Together mode: the worker or peer expert who started it beside the client; null when alone. */
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Set the first time the client answered on their own (in their own session) in a conversation
     * run together: from then on the facilitator sees only what was answered together.
     */
    clientAloneAt: timestamp('client_alone_at', { withTimezone: true }),
    /**
     * Optimistic concurrency: each answer carries the version it answers, so two tabs answering at
     * once get a clear conflict and the state is never written twice from the same starting point.
     */
    version: integer('version').notNull().default(1),
    lastAi: jsonb('last_ai').$type<ConversationAiLog>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  // The assistant page lists one client's conversations, latest first.
  (t) => [index('conversations_client_idx').on(t.clientId, t.updatedAt)],
)

/**
 * The drafts a conversation proposed, as cards for the client. Nothing reaches the inventory,
 * the network map or the plan until the client accepts the card; `savedId` then points to the
 * row it became (in statements, network_people, goals or goal_actions, after `kind`).
 */
export const conversationProposals = pgTable(
  'conversation_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The engine's id ("<conversation id>-<n>"): a goal's action points to its goal by it. */
    proposalId: text('proposal_id').notNull(),
    kind: text('kind', { enum: proposalKinds }).notNull(),
    /** The engine's draft as proposed. */
    draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('proposed'),
    /**
     * Who gave the answer that proposed this card: the client, or the facilitator beside them.
     * The facilitator sees only cards of turns they answered; null (older rows): unknown, not shown.
     */
    answeredById: uuid('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** Together mode: what the facilitator kept (with their edits), waiting for the client's yes. */
    suggested: jsonb('suggested').$type<Record<string, unknown>>(),
    suggestedById: uuid('suggested_by_id').references(() => users.id, { onDelete: 'set null' }),
    suggestedAt: timestamp('suggested_at', { withTimezone: true }),
    /** What was saved (the draft, or the client's edit of it). */
    saved: jsonb('saved').$type<Record<string, unknown>>(),
    savedId: uuid('saved_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A draft is stored once, even when the same turn is retried.
    uniqueIndex('conversation_proposals_conversation_proposal_idx').on(t.conversationId, t.proposalId),
    // The client's open cards across conversations.
    index('conversation_proposals_client_idx').on(t.clientId, t.status),
  ],
)

/** Small per-client settings. AI help is off until the client turns it on (and can turn it off). */
export const clientSettings = pgTable('client_settings', {
  clientId: uuid('client_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** When the client turned AI help on; null means off. */
  aiHelpEnabledAt: timestamp('ai_help_enabled_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** The client's answer to "shall we tell your worker?". */
export const safetyChoices = ['notify_worker', 'no_notification'] as const
export type SafetyChoice = (typeof safetyChoices)[number]

/**
 * Each time the crisis screen fired in a conversation. No answer text is kept: the client can see
 * that it happened and what they chose; the worker hears of it only on the client's "yes".
 */
export const safetyEvents = pgTable(
  'safety_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    /** The crisis kind of the language screen (suicide, self_harm, violence, ...). */
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    clientChoice: text('client_choice', { enum: safetyChoices }),
    choiceAt: timestamp('choice_at', { withTimezone: true }),
    workerNotifiedAt: timestamp('worker_notified_at', { withTimezone: true }),
  },
  // The client's own list, newest first.
  (t) => [index('safety_events_client_idx').on(t.clientId, t.createdAt)],
)

export type Conversation = typeof conversations.$inferSelect
export type ConversationProposal = typeof conversationProposals.$inferSelect
export type ClientSettings = typeof clientSettings.$inferSelect
export type SafetyEvent = typeof safetyEvents.$inferSelect
