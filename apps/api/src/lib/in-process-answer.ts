// The portal calls the API in-process (apps/server/src/host.ts) and reads nearly every answer with
// `response.json()`. For a JSON answer that meant (issue 19): Hono's `c.json` made the text, the
// fetch standard's Response encoded it to UTF-8 bytes behind a web stream, and `json()` read that
// stream back, joined its chunks, decoded the bytes to text again and parsed it: for the worker's page
// about 30 kB through two streams per page. The text itself is at hand when the answer is made, so an
// in-process call keeps it beside the answer, and the host gives the answer a `json()` and `text()`
// that read that same text: the same value, parsed from the same characters, once. Nothing else
// about the answer changes (status, headers, and its body stream for whoever reads that instead), and
// only an answer made by `c.json` and handed back as it is has its text kept: an answer that a
// middleware made anew is read as before.
import type { Context } from 'hono'
import type { AppEnv } from './env'

/** The text each in-process JSON answer was made from (gone with the answer). */
const answerTexts = new WeakMap<Response, string>()

/**
 * For an in-process call: `c.json` as Hono's own (the text, then `c.body` with `Content-Type:
 * application/json` unless the call gives one), with the text kept for the host.
 */
export function keepJsonText(c: Context<AppEnv>): void {
  const json = (object: unknown, arg?: unknown, headers?: Record<string, string | string[]>) => {
    const text = JSON.stringify(object)
    const response = c.body(text, arg as never, { 'Content-Type': 'application/json', ...headers } as never) as Response
    answerTexts.set(response, text)
    return response
  }
  c.json = json as typeof c.json
}

/**
 * The in-process answer as the portal reads it: a JSON answer's `json()` and `text()` read the kept
 * text (once, as a body is read once); any other answer as it is.
 */
export function inProcessAnswer(response: Response): Response {
  const text = answerTexts.get(response)
  if (text === undefined) return response
  answerTexts.delete(response)
  let used = false
  const take = async (): Promise<string> => {
    if (used) throw new TypeError('Body is unusable: Body has already been read')
    used = true
    return text
  }
  Object.defineProperties(response, {
    text: { value: take, configurable: true },
    json: { value: async () => JSON.parse(await take()) as unknown, configurable: true },
  })
  return response
}
