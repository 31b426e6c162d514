import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLocale } from '@kracht/i18n'
import { safeRedirect } from '../lib/auth.server'
import { localeCookieName } from '../lib/i18n'

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  const locale = isLocale(lang) ? lang : 'nl'
  throw redirect(safeRedirect(form.get('terug')), {
    headers: { 'Set-Cookie': `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${context.secureCookies ? '; Secure' : ''}` },
  })
}

export async function loader() {
  throw redirect('/')
}
