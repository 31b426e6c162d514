import type { Context } from 'hono'
import { AppError } from './app-error'
import type { AppEnv, PublicUser } from './env'
import { requireUser } from './guards'

export type ClientScope = 'inventory' | 'action_plan' | 'network' | 'sessions'
export type ClientAction = 'read' | 'write'

export interface ClientAccess {
  actor: PublicUser
  clientId: string
  /** The client acting on their own data. */
  isSelf: boolean
}

/**
 * The one gate in front of every route that touches a client's data. For now only the client
 * themself passes; sharing with workers and peer experts comes through consents.
 */
export async function requireClientAccess(
  c: Context<AppEnv>,
  clientId: string,
  _request: { scope: ClientScope; action: ClientAction },
): Promise<ClientAccess> {
  const actor = requireUser(c)
  if (actor.id === clientId && actor.role === 'client') return { actor, clientId, isSelf: true }
  throw new AppError('forbidden', 'This is not shared with you.')
}
