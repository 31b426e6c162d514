import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'

/**
 * The download itself: the API's export, passed on as a file (`Content-Disposition: attachment`).
 * Only the client themself gets it (the API's gate says so again, and logs the download).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const response = await api(context, request).clients[':clientId'].export.$get({ param: { clientId: user.id } })
  if (!response.ok) throw new Response('unavailable', { status: response.status === 403 ? 403 : 503 })
  const day = new Date().toISOString().slice(0, 10)
  // Pretty-printed: the file is meant to be read, also by the client in a text editor.
  return new Response(JSON.stringify(await response.json(), null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': response.headers.get('content-disposition') ?? `attachment; filename="kracht-mijn-gegevens-${day}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
