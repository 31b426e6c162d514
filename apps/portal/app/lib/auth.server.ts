import { redirect, type AppLoadContext } from '@remix-run/node'
import type { PublicUser } from '@kracht/api'
import { api } from './api.server'

/** The signed-in user as the API's /me returns it (one type, from the API). */
export type SessionUser = PublicUser
export type Role = PublicUser['role']

export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  if (!request.headers.get('cookie')?.includes('kracht_session=')) return null
  const response = await api(context, request).me.$get()
  if (!response.ok) return null
  return (await response.json()) as SessionUser
}

/** First line of every loader and action that needs someone signed in: throws the redirect. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context)
  if (!user) {
    const url = new URL(request.url)
    const back = url.pathname + url.search
    throw redirect(back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`)
  }
  return user
}

export async function requireRole(request: Request, context: AppLoadContext, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request, context)
  if (!roles.includes(user.role)) throw new Response('forbidden', { status: 403 })
  return user
}
