/*
 * A loader whose API call fails must not show an empty page as if there were nothing ("nobody
 * looked at your data" when the log could not be read). These helpers turn a failed answer into
 * the route's error boundary (root.tsx: a friendly page with a way back, never the API's body or a
 * stack), and keep the typed client's types: the answer's `json()` is the API's own type.
 */

interface ApiAnswer {
  ok: boolean
  status: number
}

/** The status the error page gets: what the reader can act on (not found, not allowed), else "try again". */
export function failureStatus(status: number): number {
  if (status === 404 || status === 403 || status === 401 || status === 429) return status
  // A 400 to a loader's own call means the address was wrong (an id from an old link): not found.
  if (status === 400) return 404
  return 503
}

/** Throws the error page for a failed answer; the body (the API's problem) never reaches the page. */
export function throwApiFailure(response: ApiAnswer): never {
  throw new Response(null, { status: failureStatus(response.status) })
}

/** True for an answer with a success status: narrows the typed client's answer to its success variants. */
export function isOk<R extends ApiAnswer>(response: R): response is Extract<R, { ok: true }> {
  return response.ok
}

/** The answer itself when it succeeded, typed as its success variants; a failed one shows the error page. */
export function okOrThrow<R extends ApiAnswer>(response: R): Extract<R, { ok: true }> {
  if (isOk(response)) return response
  return throwApiFailure(response)
}

/** The body of a successful answer (its own type from the typed client); a failed one shows the error page. */
export async function jsonOrThrow<R extends ApiAnswer & { json(): Promise<unknown> }>(answer: R | Promise<R>): Promise<Awaited<ReturnType<Extract<R, { ok: true }>['json']>>> {
  const response = okOrThrow(await answer)
  return (await response.json()) as Awaited<ReturnType<Extract<R, { ok: true }>['json']>>
}
