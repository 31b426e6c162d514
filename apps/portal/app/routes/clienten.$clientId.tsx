import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, type ClientActionFunctionArgs, type ShouldRevalidateFunction } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { z } from 'zod'
import type { SubmissionResult } from '../forms/use-form'
import { api } from '../lib/api.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { keyedWrite } from '../lib/idempotency.server'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle, requestLocale } from '../lib/i18n'
import { doneLineOf, staffCommentLines } from '../lib/comment-lines.server'
import { isUnsent, keepPageWhenUnsent } from '../lib/connection'
import { Notice, UnsentText } from '../components/field'
import { ClientSections, sharedScopesOf } from '../components/client-sections'
import { InventoryGrid } from '../components/review/inventory-grid'
import { WorksheetExtras } from '../components/review/worksheet-extras'
import { ReviewPanel } from '../components/review/review-panel'
import { SignStep } from '../components/review/sign-step'
import { reviewProblem } from '../components/review/comment-form'
import { WorkerReviewForms } from '../lib/review-forms'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
// Plain stylesheet imports: the build links them from the route manifest, so the page loads no
// script module for their addresses (it sits at the 100 kB limit).
import '../styles/review.css'
import { SaveSafety, type ScreenData } from '../components/save-safety'
import '../styles/assistant.css'
import '../styles/safety.css'

export const meta: MetaFunction = pageTitle('titles.gedeeld')


const Params = z.object({ clientId: z.string().uuid() })
/** What else the client shares with this viewer, for the links to those pages (the terms, never the content). */
async function sharedSections(request: Request, context: LoaderFunctionArgs['context'], clientId: string): Promise<string[]> {
  // A failed read is the error page: no links would say "shares nothing else".
  // Only this client's entry: read from the facts the page's consent gates read anyway (no query of its own).
  const entry = (await jsonOrThrow(api(context, request).me['shared-with-me'].$get({ query: { clientId } }))).find((client) => client.clientId === clientId)
  if (!entry) return []
  return sharedScopesOf(entry)
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const client = api(context, request).clients[':clientId']
  // The inventory, its comments, the agreement and the scopes the client shares with this viewer
  // (the links to the client's other pages) in one call: one gate, a log row for each part.
  const overview = await client.inventory.overview.$get({ param: { clientId }, query: {} })
  // Not shared (or no longer): a friendly page, never the data and never a stack trace; the links
  // to what the client still shares come from the viewer's own list.
  const status: number = overview.status
  if (!overview.ok) return data({ shared: false as const, clientId, sections: await sharedSections(request, context, clientId), role: user.role }, { status: status === 401 ? 401 : 403 })
  const { inventory, comments, agreement, sharedScopes: sections } = await overview.json()
  const query = new URL(request.url).searchParams
  return {
    shared: true as const,
    clientId,
    sections,
    role: user.role,
    viewer: { id: user.id, role: user.role, displayName: user.displayName },
    // Only what the page shows: the page's data goes into the HTML again for the browser (about 40 %
    // of each statement was its version, form and times, which nothing here shows).
    inventory: {
      clientId: inventory.clientId,
      displayName: inventory.displayName,
      domains: inventory.domains,
      viewerAccess: inventory.viewerAccess,
      priorities: inventory.priorities,
      remarks: inventory.remarks,
      statements: inventory.statements.map(({ id, domain, time, text, provenance, suggestedBy }) => ({ id, domain, time, text, provenance, suggestedBy })),
      quality: { items: inventory.quality.items.map(({ id, status }) => ({ id, status })) },
    },
    comments: staffCommentLines(requestLocale(request), comments, inventory.displayName, { id: user.id, clientId }),
    agreement,
    // A review or a signature just done (`?klaar=`): its line written here, so the page (at the 100 kB
    // limit) carries neither text in the browser.
    doneLine: doneLineOf(requestLocale(request), query.get('klaar')),
    // What the page's address asks for (`?klaar=`, `?zin=`, `?reageer=`), read here rather than in the browser.
    query: { done: query.get('klaar'), on: query.get('zin'), open: query.get('reageer') },
  }
}


type ActionResult = {
  /** Which form answered: a comment's own form by its statement, the buttons above the page. */
  intent: string
  statementId: string
  result: SubmissionResult<string[]> | null
  safety?: ScreenData | null
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const formData = await request.formData()
  const answer = { intent: String(formData.get('intent') ?? ''), statementId: String(formData.get('statementId') ?? '') }
  // Whatever goes wrong, what was typed comes back to the form.
  const submission = parseSubmission(formData, WorkerReviewForms)
  if (submission.status !== 'success') return data<ActionResult>({ ...answer, result: reply(submission) }, { status: 400 })
  const client = api(context, request).clients[':clientId']
  const form = submission.value
  if (form.intent === 'review' || form.intent === 'sign') {
    const response =
      form.intent === 'review'
        ? await client.inventory.reviews.$post({ param: { clientId } })
        : await client.agreement.signatures.$post({ param: { clientId }, json: { contentHash: form.contentHash } })
    if (!response.ok) return data<ActionResult>({ ...answer, result: await replyWithProblem(submission, response) }, { status: response.status })
    throw redirect(`/clienten/${clientId}?klaar=${form.intent}`)
  }
  const { statementId, body, suggestedText } = form
  const response = await keyedWrite(formData, (options) =>
    client.statements[':statementId'].comments.$post(
      { param: { clientId, statementId }, json: suggestedText ? { kind: 'suggestion', body: body ?? '', suggestedText } : { kind: 'comment', body: body ?? '' } },
      options,
    ),
  )
  if (!response.ok) return data<ActionResult>({ ...answer, result: await replyWithProblem(submission, response) }, { status: response.status })
  // A comment that quotes risky words is saved as written; its writer sees the help card at once.
  const saved = await response.json()
  if (saved.safety?.detected) return data<ActionResult>({ ...answer, result: null, safety: saved.safety })
  // The form closes; the confirmation shows at the statement, and the page opens there.
  throw redirect(`/clienten/${clientId}?klaar=${suggestedText ? 'suggestion' : 'comment'}&zin=${statementId}#zin-${statementId}`)
}

/**
 * With JavaScript, a comment whose sending fails (no connection) does not leave the page: the form
 * stays open with what was typed and says so (lib/connection.ts). Without JavaScript a send that
 * fails is the browser's own error page, and its Back button returns to the form.
 */
export const clientAction = (args: ClientActionFunctionArgs) => keepPageWhenUnsent(args)

/**
 * A send refused because the client stopped sharing (403): the page reads again, so it shows none of
 * the client's words any more (Remix keeps a page's data after a 4xx answer by default).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 403 || defaultShouldRevalidate

export default function SharedWithMe() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  // A save that never reached the server: which comment form stays open, with its words.
  const unsent = isUnsent(answer) && answer.intent === 'comment' ? answer.statementId : null
  const result = isUnsent(answer) ? undefined : answer
  if (!loaded.shared) {
    return (
      <div className="page page--narrow" data-testid="not-shared">
        <h1>{t('sharing.notSharedTitle')}</h1>
        <p>{t('sharing.notSharedText')}</p>
        <UnsentText result={result?.result} />
        <ClientSections clientId={loaded.clientId} scopes={loaded.sections} role={loaded.role} />
        <p>
          <BackToClients role={loaded.role} />
        </p>
      </div>
    )
  }
  const { inventory, comments, agreement, viewer } = loaded
  const name = inventory.displayName
  const canComment = inventory.viewerAccess !== 'read'
  const { done, on, open } = loaded.query
  // One comment form on the page: the statement named by `?reageer=` (a link under each statement).
  // A refused comment goes back to its own form, open; a refused button says so above.
  const refused = result?.intent === 'comment' && result.result ? { statementId: result.statementId, result: result.result } : null
  const savedInPlace = result?.intent === 'comment' && Boolean(result.safety)
  const savedOn = savedInPlace ? result?.statementId : done === 'comment' || done === 'suggestion' ? on : null
  // Saved on a statement the page shows: the confirmation is there; else (an old link) above.
  const saved =
    savedOn && inventory.statements.some((s) => s.id === savedOn) ? { statementId: savedOn, kind: done === 'suggestion' ? ('suggestion' as const) : ('comment' as const) } : null
  const buttonProblem = result && result.intent !== 'comment' ? result.result?.error?.['']?.[0] : null
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <BackToClients role={loaded.role} />
      </p>
      <h1>{t('sharing.readTitle', { name })}</h1>
      <p className="lead" data-testid="access-line">
        {canComment ? t('review.canComment', { name }) : t('review.readOnly', { name })}
      </p>
      {loaded.doneLine ? <Notice>{loaded.doneLine}</Notice> : null}
      {(done === 'comment' || result?.safety) && !saved ? <Notice>{t('review.commentSaved', { name })}</Notice> : null}
      {done === 'suggestion' && !saved ? <Notice>{t('review.suggestionSaved', { name })}</Notice> : null}
      <SaveSafety screen={result?.safety ?? undefined} />
      {buttonProblem ? (
        <div className="notice notice--error" role="alert">
          {reviewProblem(t, buttonProblem)}
        </div>
      ) : null}
      <nav className="review-tabs" aria-label={t('review.tabsLabel')}>
        <a href="#krachten">{t('review.tabInventory')}</a>
        <a href="#reacties">{t('review.tabPanel')}</a>
      </nav>
      <div className="review-layout">
        <div className="review-main" id="krachten">
          <InventoryGrid
            inventory={inventory}
            comments={comments}
            canComment={canComment}
            commenting={{ clientId: loaded.clientId, open, refused, unsent, saved, savedInPlace }}
          />
          <WorksheetExtras inventory={inventory} />
        </div>
        <aside className="review-aside" id="reacties" aria-label={t('review.tabPanel')}>
          <ReviewPanel inventory={inventory} comments={comments} viewerId={viewer.id} canComment={canComment} />
          {agreement ? (
            <SignStep agreement={agreement} viewerId={viewer.id} clientName={name} workerName={viewer.role === 'worker' ? viewer.displayName : null} isClient={false} canSign={viewer.role === 'worker'} />
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

/** Back to where this person finds their clients: a worker's caseload, a peer's "Gedeeld met mij". */
function BackToClients({ role }: { role: string }) {
  const t = useT()
  return role === 'peer' ? <Link to="/gedeeld">← {t('peer.sharedTitle')}</Link> : <Link to="/caseload">← {t('sharing.caseloadTitle')}</Link>
}
