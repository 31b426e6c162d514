import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { Agreement } from '../components/agreement'
import { domainLabel, provenanceLabel } from '../lib/inventory'
import { FormProblem, Notice } from '../components/field'
import { SafetyPlanLink } from '../components/safety-plan-view'
import { PlanLink } from '../components/plan/plan-link'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = () => [{ title: 'Gedeeld – Kracht' }]

// The shared help card (after a comment that fired the screen) is styled by these.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

const Params = z.object({ clientId: z.string().uuid() })
const CommentForm = z.object({
  statementId: z.string().uuid(),
  body: z.string().trim().max(1000).default(''),
  suggestedText: z.string().trim().max(1000).optional(),
})

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const { clientId } = Params.parse(params)
  const client = api(context, request).clients[':clientId']
  const inventory = await client.inventory.$get({ param: { clientId }, query: {} })
  // Not shared (or no longer): a friendly page, never the data and never a stack trace.
  if (!inventory.ok) return data({ shared: false as const, inventory: null, comments: [], agreement: null }, { status: (inventory.status as number) === 401 ? 401 : 403 })
  const [comments, agreement] = await Promise.all([
    client.comments.$get({ param: { clientId }, query: {} }),
    client.agreement.$get({ param: { clientId } }),
  ])
  return {
    shared: true as const,
    inventory: await inventory.json(),
    comments: comments.ok ? await comments.json() : [],
    agreement: agreement.ok ? await agreement.json() : null,
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const { clientId } = Params.parse(params)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const client = api(context, request).clients[':clientId']
  let response: Response
  if (intent === 'review') response = await client.inventory.reviews.$post({ param: { clientId } })
  else if (intent === 'sign') response = await client.agreement.signatures.$post({ param: { clientId }, json: { contentHash: String(formData.get('contentHash') ?? '') } })
  else {
    const parsed = CommentForm.safeParse({ statementId: formData.get('statementId'), body: formData.get('body') ?? '', suggestedText: formData.get('suggestedText') || undefined })
    if (!parsed.success) return data({ problem: 'validation_failed', safety: null }, { status: 400 })
    const { statementId, body, suggestedText } = parsed.data
    response = await client.statements[':statementId'].comments.$post({
      param: { clientId, statementId },
      json: suggestedText ? { kind: 'suggestion', body, suggestedText } : { kind: 'comment', body },
    })
    // A comment that quotes risky words is saved as written; its writer sees the help card at once.
    if (response.ok) {
      const saved = (await response.clone().json()) as { safety?: { detected: boolean } }
      if (saved.safety?.detected) return { problem: null, safety: (await response.json()).safety }
    }
  }
  if (!response.ok) return data({ problem: (await readProblem(response)).code, safety: null }, { status: response.status })
  throw redirect(`/clienten/${clientId}?klaar=${intent}`)
}

export default function SharedWithMe() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  if (!loaded.shared) {
    return (
      <div className="page page--narrow" data-testid="not-shared">
        <h1>{t('sharing.notSharedTitle')}</h1>
        <p>{t('sharing.notSharedText')}</p>
        <SafetyPlanLink />
        <PlanLink />
        <p>
          <Link to="/caseload">← {t('sharing.caseloadTitle')}</Link>
        </p>
      </div>
    )
  }
  const { inventory, comments, agreement } = loaded
  const done = params.get('klaar')
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/caseload">← {t('sharing.caseloadTitle')}</Link>
      </p>
      <h1>{t('sharing.readTitle', { name: inventory.displayName })}</h1>
      {done === 'review' ? <Notice>{t('sharing.reviewed')}</Notice> : null}
      {done === 'comment' || result?.safety ? <Notice>{t('sharing.commentSaved')}</Notice> : null}
      <SaveSafety screen={result?.safety} />
      <FormProblem code={result?.problem} />
      {inventory.domains
        .filter((domain) => inventory.statements.some((s) => s.domain === domain))
        .map((domain) => (
          <section key={domain} data-domain={domain}>
            <h2>{domainLabel(t, domain)}</h2>
            <ul className="rows">
              {inventory.statements
                .filter((s) => s.domain === domain)
                .map((statement) => (
                  <li key={statement.id} className="row row--stack" data-testid="shared-statement">
                    <p>{statement.text}</p>
                    <p className="provenance">{provenanceLabel(t, statement.provenance, statement.suggestedBy, true)}</p>
                    {comments
                      .filter((c) => c.targetId === statement.id)
                      .map((c) => (
                        <p key={c.id} className="muted">
                          {c.authorName}: {c.body} {c.suggestedText ? `→ "${c.suggestedText}" (${c.status})` : ''}
                        </p>
                      ))}
                    <details>
                      <summary>{t('sharing.comment')}</summary>
                      <Form method="post" className="stack">
                        <input type="hidden" name="intent" value="comment" />
                        <input type="hidden" name="statementId" value={statement.id} />
                        <label htmlFor={`body-${statement.id}`}>{t('sharing.commentLabel')}</label>
                        <textarea id={`body-${statement.id}`} name="body" rows={2} maxLength={1000} />
                        <label htmlFor={`suggest-${statement.id}`}>{t('sharing.suggestLabel')}</label>
                        <textarea id={`suggest-${statement.id}`} name="suggestedText" rows={2} maxLength={1000} />
                        <button type="submit" className="button button--small">
                          {t('sharing.comment')}
                        </button>
                      </Form>
                    </details>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      <Form method="post">
        <input type="hidden" name="intent" value="review" />
        <button type="submit" className="button button--secondary">
          {t('sharing.review')}
        </button>
      </Form>
      {agreement ? <Agreement agreement={agreement} /> : null}
      <SafetyPlanLink />
      <PlanLink />
    </div>
  )
}
