import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/** safety_contact: a client asked, after a crisis screen, that their worker be told. */
export const notificationKinds = ['safety_contact'] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** Messages for a user (today: workers), read on their own page. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The client it is about, if any. */
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** Ids the page needs to link on (no client text: the worker reads that only with consent). */
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // A worker's list, newest first.
  (t) => [index('notifications_recipient_idx').on(t.recipientId, t.createdAt)],
)

export type Notification = typeof notifications.$inferSelect
