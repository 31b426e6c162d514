import type { AppLoadContext } from '@remix-run/node'
import { api } from './api.server'

/**
 * Unread messages for the home page, one loader others can add to a page with one line. A failure
 * counts as nothing new: the home page never breaks on a count.
 */
export async function loadUnreadMessages(context: AppLoadContext, request: Request) {
  const response = await api(context, request).me.messages.unread.$get()
  return response.ok ? await response.json() : { total: 0, threads: [] }
}

export type UnreadMessages = Awaited<ReturnType<typeof loadUnreadMessages>>
