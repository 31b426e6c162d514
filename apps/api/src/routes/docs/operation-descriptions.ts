import { accessExtension, type DeclaredAccess } from '../../access/client-route'

/**
 * Every operation in the OpenAPI document gets a description that says who may call it, written
 * from the same access rule the gate enforces (`x-kracht-access`), so the words cannot drift from
 * what the code does. A route may still write its own description; it is kept and the rule added.
 */

/** Operations anyone may call without a session. */
const publicOperations = new Set(['health', 'login', 'signInTotp', 'lookupInvitation', 'acceptInvitation'])

const scopeWords: Record<string, string> = {
  inventory: 'the strengths inventory',
  action_plan: 'the action plan',
  network: 'the network map',
  safety_plan: 'the safety plan',
  messages: 'the messages',
  livelihood: 'the bridge and the money page',
}

function who(access: DeclaredAccess | undefined, operationId: string | undefined): string {
  if (!access) {
    return operationId && publicOperations.has(operationId)
      ? 'Who may call it: anyone; no session is needed.'
      : 'Who may call it: a signed-in person (session cookie), within what their role allows; 401 without a session.'
  }
  const scope = access.scope ? (scopeWords[access.scope] ?? `\`${access.scope}\``) : null
  const tokens = access.tokens ? ' A personal API token may read it within its scopes.' : ' Personal API tokens are refused.'
  switch (access.rule) {
    case 'self':
      return `Who may call it: only the client themself, whatever they share with others.${tokens}`
    case 'organisation':
      return `Who may call it: staff of the client's organisation (${(access.roles ?? []).join(', ')}); it manages the person and reaches none of their content, so no consent is asked.${tokens}`
    case 'linked':
      return `Who may call it: the client, and the worker linked to them${scope ? `, for ${scope}` : ''}; no content consent is needed because it is the care arrangement itself. Each use is written to the access log.${tokens}`
    case 'listing':
      return `Who may call it: the client for their own data; anyone else sees only what the client's consents allow.${tokens}`
    case 'consent': {
      const doing = access.action === 'read' ? 'read' : access.action === 'comment' ? 'comment on and suggest' : 'change'
      const only = access.only === 'worker' ? ' Only a worker in person (not a peer expert or a token).' : access.only === 'worker_or_self' ? ' The client, or a worker in person.' : ''
      const target = access.target ? ' A statement in a life domain the client left out is refused as if it did not exist.' : ''
      const writes = access.action === 'read' ? '' : ' Only the client changes their own words: what others send waits for the client to decide.'
      return `Who may call it: the client; a worker or peer expert only on the client's consent for ${scope ?? 'this'} with the right to ${doing} it.${only}${target}${writes} Every use by someone else is checked and written to the access log.${tokens}`
    }
  }
}

type Operation = { operationId?: string; summary?: string; description?: string; [accessExtension]?: DeclaredAccess }

/** Adds the who-may-call-it line to every operation of an OpenAPI document (paths → methods → operation). */
export function describeOperations<D extends { paths?: Record<string, Record<string, unknown>> }>(document: D): D {
  for (const methods of Object.values(document.paths ?? {})) {
    for (const value of Object.values(methods)) {
      if (!value || typeof value !== 'object') continue
      const operation = value as Operation
      const rule = who(operation[accessExtension], operation.operationId)
      operation.description = operation.description ? `${operation.description}\n\n${rule}` : `${operation.summary ?? ''}.\n\n${rule}`.replace(/^\.\n\n/, '').replace(/([.?!])\.\n/, '$1\n')
    }
  }
  return document
}
