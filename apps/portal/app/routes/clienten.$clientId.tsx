import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { keyedWrite } from '../lib/idempotency.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { Notice } from '../components/field'
import { ClientSections } from '../components/client-sections'
import { InventoryGrid } from '../components/review/inventory-grid'
import { WorksheetExtras } from '../components/review/worksheet-extras'
import { ReviewPanel } from '../components/review/review-panel'
import { SignStep } from '../components/review/sign-step'
import { reviewProblem } from '../components/review/comment-form'
import type { KeptComment } from '../components/review/types'
import reviewStyles from '../styles/review.css?url'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: reviewStyles },
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export const meta: MetaFunction = () => [{ title: 'Gedeeld – Kracht' }]


const Params = z.object({ clientId: z.string().uuid() })
// The same limits as the API, so a long text gets its message here, with the text kept.
const CommentForm = z
  .object({
    statementId: z.string().uuid(),
    body: z.string().trim().max(1000, 'too_long'),
    suggestedText: z.string().trim().max(1000, 'too_long'),
  })
  .refine((value) => value.body.length > 0 || value.suggestedText.length > 0, { message: 'required', path: ['body'] })

/** What else the client shares with this viewer, for the links to those pages (the terms, never the content). */
async function sharedSections(request: Request, context: LoaderFunctionArgs['context'], clientId: string): Promise<string[]> {
  const response = await api(context, request).me['shared-with-me'].$get()
  if (!response.ok) return []
  const entry = (await response.json()).find((client) => client.clientId === clientId)
  if (!entry) return []
  return [...new Set([...entry.shares.flatMap((share) => share.scopes), ...(entry.canReadMessages ? ['messages'] : [])])]
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const { clientId } = Params.parse(params)
  const client = api(context, request).clients[':clientId']
  const [inventory, sections] = await Promise.all([client.inventory.$get({ param: { clientId }, query: {} }), sharedSections(request, context, clientId)])
  // Not shared (or no longer): a friendly page, never the data and never a stack trace.
  if (!inventory.ok) return data({ shared: false as const, clientId, sections, role: user.role }, { status: (inventory.status as number) === 401 ? 401 : 403 })
  const [comments, agreement] = await Promise.all([client.comments.$get({ param: { clientId }, query: {} }), client.agreement.$get({ param: { clientId } })])
  return {
    shared: true as const,
    clientId,
    sections,
    role: user.role,
    viewer: { id: user.id, role: user.role, displayName: user.displayName },
    inventory: await inventory.json(),
    comments: comments.ok ? await comments.json() : [],
    agreement: agreement.ok ? await agreement.json() : null,
  }
}

type ActionResult = { problem: string | null; kept?: KeptComment; safety?: ScreenData | null }

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const { clientId } = Params.parse(params)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const client = api(context, request).clients[':clientId']
  if (intent === 'review' || intent === 'sign') {
    const response =
      intent === 'review'
        ? await client.inventory.reviews.$post({ param: { clientId } })
        : await client.agreement.signatures.$post({ param: { clientId }, json: { contentHash: String(formData.get('contentHash') ?? '') || undefined } })
    if (!response.ok) return data<ActionResult>({ problem: (await readProblem(response)).code }, { status: response.status })
    throw redirect(`/clienten/${clientId}?klaar=${intent}`)
  }
  // A comment: whatever goes wrong, what was typed comes back to the form.
  const typed = { statementId: String(formData.get('statementId') ?? ''), body: String(formData.get('body') ?? ''), suggestedText: String(formData.get('suggestedText') ?? '') }
  const parsed = CommentForm.safeParse(typed)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.message ?? 'validation_failed'
    return data<ActionResult>({ problem: 'validation_failed', kept: { ...typed, problem: 'validation_failed', field } }, { status: 400 })
  }
  const { statementId, body, suggestedText } = parsed.data
  const response = await keyedWrite(formData, (options) =>
    client.statements[':statementId'].comments.$post(
      { param: { clientId, statementId }, json: suggestedText ? { kind: 'suggestion', body, suggestedText } : { kind: 'comment', body } },
      options,
    ),
  )
  if (!response.ok) {
    const problem = await readProblem(response)
    const field = problem.fields ? Object.values(problem.fields)[0] : undefined
    return data<ActionResult>({ problem: problem.code, kept: { ...typed, problem: problem.code, field } }, { status: response.status })
  }
  // A comment that quotes risky words is saved as written; its writer sees the help card at once.
  const saved = (await response.json()) as { safety?: ScreenData | null }
  if (saved.safety?.detected) return data<ActionResult>({ problem: null, safety: saved.safety })
  throw redirect(`/clienten/${clientId}?klaar=${suggestedText ? 'suggestion' : 'comment'}`)
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
        <ClientSections clientId={loaded.clientId} scopes={loaded.sections} role={loaded.role} />
        <p>
          <Link to="/caseload">← {t('sharing.caseloadTitle')}</Link>
        </p>
      </div>
    )
  }
  const { inventory, comments, agreement, viewer } = loaded
  const name = inventory.displayName
  const canComment = inventory.viewerAccess !== 'read'
  const done = params.get('klaar')
  const kept = result && 'kept' in result && result.kept ? result.kept : null
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/caseload">← {t('sharing.caseloadTitle')}</Link>
      </p>
      <h1>{t('sharing.readTitle', { name })}</h1>
      <p className="lead" data-testid="access-line">
        {canComment ? t('review.canComment', { name }) : t('review.readOnly', { name })}
      </p>
      {done === 'review' ? <Notice>{t('review.reviewed')}</Notice> : null}
      {done === 'comment' ? <Notice>{t('review.commentSaved', { name })}</Notice> : null}
      {done === 'suggestion' ? <Notice>{t('review.suggestionSaved', { name })}</Notice> : null}
      {done === 'sign' ? <Notice>{t('review.signedConfirm')}</Notice> : null}
      {result?.safety ? <Notice>{t('review.commentSaved', { name })}</Notice> : null}
      <SaveSafety screen={result?.safety ?? undefined} />
      {result?.problem && !kept ? (
        <div className="notice notice--error" role="alert">
          {reviewProblem(t, result.problem)}
        </div>
      ) : null}
      <nav className="review-tabs" aria-label={t('review.tabsLabel')}>
        <a href="#krachten">{t('review.tabInventory')}</a>
        <a href="#reacties">{t('review.tabPanel')}</a>
      </nav>
      <div className="review-layout">
        <div className="review-main" id="krachten">
          <InventoryGrid inventory={inventory} comments={comments} canComment={canComment} kept={kept} />
          <WorksheetExtras inventory={inventory} />
        </div>
        <aside className="review-aside" id="reacties" aria-label={t('review.tabPanel')}>
          <ReviewPanel inventory={inventory} comments={comments} viewerId={viewer.id} />
          {agreement ? (
            <SignStep agreement={agreement} viewerId={viewer.id} clientName={name} workerName={viewer.displayName} isClient={false} canSign={viewer.role === 'worker'} />
          ) : null}
          {viewer.role === 'worker' ? (
            <Form method="post" className="card">
              <input type="hidden" name="intent" value="review" />
              <button type="submit" className="button button--secondary">
                {t('sharing.review')}
              </button>
            </Form>
          ) : null}
          <ClientSections clientId={loaded.clientId} scopes={loaded.sections} role={loaded.role} />
        </aside>
      </div>
    </div>
  )
}
