import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { api, cookieHeaders } from '../lib/api.server'

export async function action({ request, context }: ActionFunctionArgs) {
  const response = await api(context, request).auth.logout.$post()
  throw redirect('/inloggen?uitgelogd=1', { headers: cookieHeaders(response) })
}

export async function loader() {
  // Signing out changes state, so it is a POST; a plain visit goes home.
  throw redirect('/')
}
