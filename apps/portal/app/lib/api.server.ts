import type { AppLoadContext } from '@remix-run/node'
import type { ApiClient } from '../context'

export interface ProblemBody {
  code: string
  message: string
  fields?: Record<string, string>
}

export function api(context: AppLoadContext, request: Request): ApiClient {
  return context.apiFor(request)
}

/** The problem of a failed API answer, read safely whatever the body is. */
export async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    const body = (await response.json()) as Partial<ProblemBody>
    return { code: body.code ?? 'generic', message: body.message ?? '', ...(body.fields ? { fields: body.fields } : {}) }
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
