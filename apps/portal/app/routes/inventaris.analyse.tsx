import type { ActionFunctionArgs } from '@remix-run/node'
import { api } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'

/** Live feedback while typing: the statement form posts here (with JavaScript) and shows the tips. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const text = String(form.get('text') ?? '').slice(0, 2000)
  const locale = form.get('locale') === 'en' ? 'en' : 'nl'
  if (text.trim().length === 0) return { suggestions: [], form: null, safety: null }
  const response = await api(context, request).analyze.$post({ json: { text, locale } })
  if (!response.ok) return { suggestions: [], form: null, safety: null }
  const analysis = await response.json()
  // The help card while typing comes from the same screen (and help lines) as a save.
  return { suggestions: analysis.suggestions, form: analysis.form, safety: analysis.safety }
}
