import type { AppLoadContext } from '@remix-run/node'
import { api, readProblem } from './api.server'

/** The conversation as the API shows it; throws a 404 page for an unknown one. */
export async function loadConversation(request: Request, context: AppLoadContext, clientId: string, conversationId: string) {
  const response = await api(context, request).clients[':clientId'].conversations[':conversationId'].$get({
    param: { clientId, conversationId },
  })
  if (!response.ok) {
    // An unknown or malformed id is simply "not found"; anything else keeps its status.
    const status: number = response.status
    throw new Response('conversation unavailable', { status: status === 400 ? 404 : status })
  }
  return response.json()
}

export type ConversationData = Awaited<ReturnType<typeof loadConversation>>
export type ProposalData = ConversationData['proposals'][number]
export type SafetyData = NonNullable<ConversationData['safety']>

export interface ProblemResult {
  code: string
  fields: Record<string, string>
}

export async function problemOf(response: Response): Promise<ProblemResult> {
  const problem = await readProblem(response)
  return { code: problem.code, fields: problem.fields ?? {} }
}
