import type { AppLoadContext } from '@remix-run/node'
import { api, readProblem } from './api.server'
import type { SessionUser } from './auth.server'

export async function loadInventory(request: Request, context: AppLoadContext, user: SessionUser, locale: string) {
  const response = await api(context, request).clients[':clientId'].inventory.$get({
    param: { clientId: user.id },
    query: { locale: locale === 'en' ? 'en' : 'nl' },
  })
  if (!response.ok) throw new Response('inventory unavailable', { status: response.status })
  return response.json()
}

export async function problemOf(response: Response) {
  const problem = await readProblem(response)
  return { code: problem.code, fields: problem.fields ?? {} }
}
