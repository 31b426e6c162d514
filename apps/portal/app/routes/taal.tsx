import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLocale } from '@kracht/i18n'
import { safeReturnPath } from '../lib/return-path'
import { localeCookieName } from '../lib/i18n'

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  const locale = isLocale(lang) ? lang : 'nl'
  throw redirect(safeReturnPath(form.get('terug')), {
    headers: { 'Set-Cookie': `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${context.secureCookies ? '; Secure' : ''}` },
  })
}

export async function loader() {
  throw redirect('/')
}
