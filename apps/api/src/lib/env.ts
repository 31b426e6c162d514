import type { AccessLogBatch } from './access-log'
import type { Database } from '@kracht/db'
import type { ConsentScope, Role } from '@kracht/db'
import type { AssistantModel } from '@kracht/assistant'
import type { Config } from './config'

export interface Deps {
  db: Database
  config: Config
  /** Injected so tests can move time (session time-outs, invitation expiry). */
  now: () => Date
  /**
   * The assistant's language model (createModelFromEnv, once at start), used only for clients who
   * turned AI help on. Absent or null: the assistant works offline, which is the default.
   */
  model?: AssistantModel | null
}

export interface PublicUser {
  id: string
  username: string
  role: Role
  organisationId: string
  displayName: string
  locale: 'nl' | 'en'
}

/** Who is asking: a signed-in person, or a personal API token acting for its owner (read-only). */
export type Actor =
  | { kind: 'session'; user: PublicUser; sessionId: string }
  | { kind: 'token'; user: PublicUser; tokenId: string; scopes: ConsentScope[] }

/** Set by the server when the portal calls the API in-process: the browser's real address. */
export interface InternalCall {
  clientIp: string
  /**
   * One page being read (a GET of the portal) calls the API several times with the same cookie: the
   * session is looked up once for all of them. Keyed by the session token; never set for a page that
   * may change the session (a POST: sign in, sign out), so a lookup is never reused across a change.
   */
  sessions?: Map<string, Promise<unknown>>
  /**
   * The same page read: the facts the consent gate reads about a client (the people, the linked
   * workers, the consents) are read once for all its API calls (access/gate.ts). Each call is still
   * decided and logged on its own.
   */
  accessFacts?: Map<string, Promise<unknown>>
  /**
   * The same page read: its reads of a client's data (the statements, the inventory row, the
   * signatures) are made once and shared by its API calls (lib/page-read.ts), each after its own
   * gate and log row. Cleared by any call that is not a read.
   */
  reads?: Map<string, Promise<unknown>>
  /** The same page read: access-log rows its calls write at the same moment go in one insert. */
  accessLog?: AccessLogBatch
  /**
   * The client the page is about (`/clienten/{id}`), when it is about one: the session lookup of
   * its first API call brings the consent gate's facts about that client along (auth/sessions.ts).
   */
  clientHint?: string
}

export interface AppEnv {
  Bindings: { internal?: InternalCall; incoming?: { socket?: { remoteAddress?: string } } }
  Variables: {
    deps: Deps
    actor: Actor | null
    /**
     * The consent gate's facts read so far in this request (the page read's map for the portal's
     * calls): filled by the session lookup when the request is about a client (access/facts.ts).
     */
    accessFacts: Map<string, Promise<unknown>>
  }
}
