import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'
import { parseSubmission } from '../forms/submission.server'

// What the statement form sends while the client types: never refused, only cut to the API's limit.
const AnalyseForm = z.object({
  text: z
    .string()
    .default('')
    .transform((text) => text.slice(0, 2000)),
  locale: z.enum(['nl', 'en']).catch('nl'),
})

const nothing = { suggestions: [], form: null, safety: null }

/** Not a page: someone who opens the address lands on the statement form it serves. */
export function loader() {
  throw redirect('/inventaris/nieuw')
}

/** Live feedback while typing: the statement form posts here (with JavaScript) and shows the tips. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const submission = parseSubmission(await request.formData(), AnalyseForm)
  if (submission.status !== 'success') return nothing
  const { text, locale } = submission.value
  if (text.trim().length === 0) return nothing
  const response = await api(context, request).analyze.$post({ json: { text, locale } })
  if (!response.ok) return nothing
  const analysis = await response.json()
  // The help card while typing comes from the same screen (and help lines) as a save.
  return { suggestions: analysis.suggestions, form: analysis.form, safety: analysis.safety }
}
