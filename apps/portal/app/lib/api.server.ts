import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import type { ApiClient } from '../context'

/** The API's problem answer, read leniently: whatever is missing or malformed falls back. */
const ProblemBodySchema = z.object({
  code: z.string().catch('generic'),
  message: z.string().catch(''),
  fields: z.record(z.string(), z.string()).optional().catch(undefined),
})

export type ProblemBody = z.output<typeof ProblemBodySchema>

export function api(context: AppLoadContext, request: Request): ApiClient {
  return context.apiFor(request)
}

/** The problem of a failed API answer, read safely whatever the body is. */
export async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    const parsed = ProblemBodySchema.safeParse(await response.json())
    if (!parsed.success) return { code: 'generic', message: '' }
    const { fields, ...problem } = parsed.data
    return fields ? { ...problem, fields } : problem
  } catch {
    return { code: 'generic', message: '' }
  }
}

/** Passes the API's Set-Cookie (sign-in, sign-out) on to the browser. */
export function cookieHeaders(response: Response): Headers {
  const headers = new Headers()
  for (const cookie of response.headers.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}
