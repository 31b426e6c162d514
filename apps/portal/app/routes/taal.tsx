import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { locales } from '@kracht/i18n'
import { safeReturnPath } from '../lib/return-path'
import { localeCookieName } from '../lib/i18n'
import { optionalLine } from '../forms/fields'
import { parseSubmission } from '../forms/submission.server'

// The language buttons in the header: no typed fields, and an unknown language is Dutch.
const LanguageForm = z.object({
  lang: z.enum(locales).catch('nl'),
  terug: optionalLine(2000).catch(undefined),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), LanguageForm)
  const { lang, terug } = submission.status === 'success' ? submission.value : { lang: 'nl' as const, terug: undefined }
  throw redirect(safeReturnPath(terug), {
    headers: { 'Set-Cookie': `${localeCookieName}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${context.secureCookies ? '; Secure' : ''}` },
  })
}

export async function loader() {
  throw redirect('/')
}
