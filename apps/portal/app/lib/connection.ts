import { isRouteErrorResponse } from '@remix-run/react'

/*
 * When a save never reaches the server (the phone lost its connection, the request was dropped),
 * the browser's fetch fails: not an answer from the server, so Remix would show the error page and
 * the form would be gone. A page whose form must never lose what was typed answers the failure
 * itself (`keepPageWhenUnsent` as its `clientAction`): the page stays as it is, with the words in
 * the boxes, and the route says beside the form that saving did not work (`drafts.saveFailed`).
 * Offline before sending, the draft keeper holds the submit back (components/draft-keeper.tsx);
 * anything else that fails to load still gets the root's error page, which tells the same story.
 */

/** A fetch that failed in the browser (offline, dropped connection), not an answer from the server. */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof window === 'undefined') return false
  if (!navigator.onLine) return true
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message)
}

/** The answer a page gets when its save never reached the server: which form, and that it was not sent. */
export interface Unsent {
  unsent: true
  /** The form's `intent` and `statementId` (the form that was sent), so the page knows whose form to keep open. */
  intent: string
  statementId: string
}

/** Was this action answer a save that never reached the server? */
export function isUnsent(answer: unknown): answer is Unsent {
  return typeof answer === 'object' && answer !== null && 'unsent' in answer && answer.unsent === true
}

/**
 * A `clientAction` that sends the form to the server action as before, and turns a failed fetch into
 * an answer for the page (`Unsent`) instead of the error page. The answer carries status 503, so Remix
 * does not reload the page's data after it (that would fail too, and it would reset the form): the
 * page, its form and what was typed stay exactly as they were, and a second try sends the same
 * idempotency key (a save that did arrive is not saved twice).
 */
export async function keepPageWhenUnsent({ request, serverAction }: { request: Request; serverAction: () => Promise<unknown> }): Promise<unknown> {
  // The body can be read once: keep a copy to tell which form it was, should the send fail.
  const copy = request.clone()
  try {
    return await serverAction()
  } catch (error) {
    // A redirect or an error the server answered with is the server's answer: Remix handles it as before.
    if (error instanceof Response || isRouteErrorResponse(error) || !isNetworkFailure(error)) throw error
    const form = await copy.formData()
    const answer: Unsent = { unsent: true, intent: String(form.get('intent') ?? ''), statementId: String(form.get('statementId') ?? '') }
    // Not Response.json(): older phones' browsers (Safari before 17) do not have it.
    return new Response(JSON.stringify(answer), { status: 503, headers: { 'Content-Type': 'application/json' } })
  }
}
