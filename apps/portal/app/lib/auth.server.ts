import { redirect, type AppLoadContext } from '@remix-run/node'
import type { PublicUser } from '@kracht/api'
import { api } from './api.server'

/** The signed-in user as the API's /me returns it (one type, from the API). */
export type SessionUser = PublicUser
export type Role = PublicUser['role']

/** Where staff go when their organisation requires an authenticator app they have not set up. */
export const totpEnrolPath = '/account/authenticator'

type FoundUser = { user: SessionUser; mustEnrolTotp: boolean } | null

async function fetchUser(request: Request, context: AppLoadContext): Promise<FoundUser> {
  // Matches `kracht_session=` and, over https, `__Host-kracht_session=`.
  if (!request.headers.get('cookie')?.includes('kracht_session=')) return null
  // The root loader and the page's loader both ask: while a page is read, /me is called once.
  const once = context.once
  if (!once) return fetchMe(request, context)
  let found = meOnce.get(once)
  if (!found) {
    found = fetchMe(request, context)
    meOnce.set(once, found)
  }
  return found
}

/** /me per page read, keyed by the read's own `once` map (typed here, gone with the read). */
const meOnce = new WeakMap<object, Promise<FoundUser>>()

async function fetchMe(request: Request, context: AppLoadContext): Promise<FoundUser> {
  const response = await api(context, request).me.$get()
  if (!response.ok) return null
  return { user: await response.json(), mustEnrolTotp: response.headers.get('x-kracht-totp') === 'enrol' }
}

export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  return (await fetchUser(request, context))?.user ?? null
}

/**
 * First line of every loader and action that needs someone signed in: throws the redirect. Staff who
 * must still set up an authenticator app are sent to do that first (the API refuses everything else).
 */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const found = await fetchUser(request, context)
  const url = new URL(request.url)
  if (!found) {
    const back = url.pathname + url.search
    throw redirect(back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`)
  }
  if (found.mustEnrolTotp && url.pathname !== totpEnrolPath) throw redirect(totpEnrolPath)
  return found.user
}

export async function requireRole(request: Request, context: AppLoadContext, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request, context)
  if (!roles.includes(user.role)) throw new Response('forbidden', { status: 403 })
  return user
}
