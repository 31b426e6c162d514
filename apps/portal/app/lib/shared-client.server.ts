import type { AppLoadContext } from '@remix-run/node'
import type { ConsentScope } from '@kracht/method'
import { api } from './api.server'
import { okOrThrow } from './api-failure.server'

/**
 * A client as a worker or peer expert knows them from the client's own shares: their name, and the
 * access of the share with this scope (null when there is none). The terms only, never the content;
 * a forged or foreign id gives no name.
 */
export async function clientShare(request: Request, context: AppLoadContext, clientId: string, scope: ConsentScope) {
  const shared = okOrThrow(await api(context, request).me['shared-with-me'].$get({ query: { clientId } }))
  const client = (await shared.json()).find((entry) => entry.clientId === clientId)
  const share = client?.shares.find((s) => s.scopes.includes(scope))
  return { name: client?.displayName ?? null, access: share ? share.access : null }
}
