import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { Agreement } from '../components/agreement'
import { FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Voorstellen en overeenkomst – Kracht' }]

const DecisionForm = z.object({
  commentId: z.string().uuid(),
  decision: z.enum(['accept', 'edit', 'decline']),
  version: z.coerce.number().int().min(1),
  text: z.string().trim().min(1).max(1000).optional(),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [inventory, comments, agreement] = await Promise.all([
    client.inventory.$get({ param: { clientId: user.id }, query: {} }),
    client.comments.$get({ param: { clientId: user.id }, query: { open: 'true' } }),
    client.agreement.$get({ param: { clientId: user.id } }),
  ])
  const statements = inventory.ok ? (await inventory.json()).statements : []
  const open = comments.ok ? await comments.json() : []
  return {
    suggestions: open.flatMap((c) => {
      const statement = statements.find((s) => s.id === c.targetId)
      return statement ? [{ ...c, currentText: statement.text, version: statement.version }] : []
    }),
    agreement: agreement.ok ? await agreement.json() : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const client = api(context, request).clients[':clientId']
  if (formData.get('intent') === 'sign') {
    const response = await client.agreement.signatures.$post({ param: { clientId: user.id }, json: { contentHash: String(formData.get('contentHash') ?? '') } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect('/voorstellen?getekend=1')
  }
  const parsed = DecisionForm.safeParse({
    commentId: formData.get('commentId'),
    decision: formData.get('decision'),
    version: formData.get('version'),
    text: formData.get('decision') === 'edit' ? formData.get('text') : undefined,
  })
  if (!parsed.success) return data({ problem: 'validation_failed' }, { status: 400 })
  const { commentId, ...json } = parsed.data
  const response = await client.suggestions[':commentId'].decision.$post({ param: { clientId: user.id, commentId }, json })
  if (!response.ok) return data({ problem: (await readProblem(response)).code }, { status: response.status })
  throw redirect('/voorstellen?klaar=1')
}

export default function Suggestions() {
  const t = useT()
  const { suggestions, agreement } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="page page--narrow">
      <h1>{t('sharing.suggestionsTitle')}</h1>
      <p>{t('sharing.suggestionsIntro')}</p>
      {params.get('klaar') ? <Notice>{t('sharing.decided')}</Notice> : null}
      <FormProblem code={result?.problem} />
      <ul className="rows">
        {suggestions.map((s) => (
          <li key={s.id} className="row row--stack" data-testid="suggestion">
            <p className="muted">{t('sharing.now')}</p>
            <p>{s.currentText}</p>
            <p className="muted">{t('sharing.suggestionFrom', { name: s.authorName ?? '' })}</p>
            <p>
              <strong>{s.suggestedText}</strong>
            </p>
            {s.body ? <p className="muted">{s.body}</p> : null}
            <Form method="post" className="stack">
              <input type="hidden" name="commentId" value={s.id} />
              <input type="hidden" name="version" value={s.version} />
              <button type="submit" name="decision" value="accept" className="button">
                {t('sharing.accept')}
              </button>
              <label htmlFor={`text-${s.id}`}>{t('sharing.yourWords')}</label>
              <textarea id={`text-${s.id}`} name="text" rows={2} defaultValue={s.suggestedText ?? ''} maxLength={1000} />
              <button type="submit" name="decision" value="edit" className="button button--secondary">
                {t('sharing.edit')}
              </button>
              <button type="submit" name="decision" value="decline" className="button button--secondary">
                {t('sharing.decline')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {agreement ? <Agreement agreement={agreement} /> : null}
    </div>
  )
}
