import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { Notice } from '../components/field'
import { InventoryNav } from '../components/inventory-nav'
import { StatementFeedback } from '../components/statement-feedback'
import { StatementsByTime } from '../components/statement-list'
import type { ScreenData } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.leefgebied')

// The shared help card (after a save that fired the screen) is styled by these.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const locale = requestLocale(request)
  const inventory = await loadInventory(request, context, user, locale)
  const domain = params['domain'] ?? ''
  if (!inventory.domains.includes(domain)) throw new Response('unknown domain', { status: 404 })
  const url = new URL(request.url)
  const savedId = url.searchParams.get('opgeslagen')
  const statements = inventory.statements.filter((statement) => statement.domain === domain)
  const saved = savedId ? statements.find((statement) => statement.id === savedId) : undefined
  // Without JavaScript the tips come after saving: analyse the sentence that was just saved.
  let feedback: { suggestions: { kind: string; message: string }[]; safety: ScreenData } | null = null
  if (saved) {
    const response = await api(context, request).analyze.$post({ json: { text: saved.text, locale } })
    if (response.ok) {
      const analysis = await response.json()
      feedback = { suggestions: analysis.suggestions, safety: analysis.safety }
    }
  }
  // A worker's plain comments show under the sentence they are about (issue 17).
  const comments = await api(context, request).clients[':clientId'].comments.$get({ param: { clientId: user.id }, query: {} })
  const ids = new Set(statements.map((statement) => statement.id))
  const notes = comments.ok
    ? (await comments.json()).filter((c) => c.kind === 'comment' && ids.has(c.targetId)).map((c) => ({ id: c.id, targetId: c.targetId, authorName: c.authorName, body: c.body, edited: c.editedAt !== null, removed: c.removed }))
    : []
  return { domain, statements, notes, savedId: saved?.id ?? null, feedback, removed: url.searchParams.has('weg') }
}

export default function DomainPage() {
  const t = useT()
  const { domain, statements, notes, savedId, feedback, removed } = useLoaderData<typeof loader>()
  const label = domainLabel(t, domain)
  return (
    <div className="page">
      <p className="breadcrumb no-print">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{label}</h1>
      <InventoryNav />
      {savedId ? (
        <Notice>
          {feedback && feedback.suggestions.length > 0 ? t('inventory.savedWithTips') : t('inventory.saved')}
          {feedback ? <StatementFeedback suggestions={feedback.suggestions} safety={null} /> : null}
        </Notice>
      ) : null}
      {/* After a save that fired the screen: the one shared help card, outside the notice. */}
      {savedId && feedback ? <StatementFeedback suggestions={[]} safety={feedback.safety} saved /> : null}
      {removed ? <Notice>{t('inventory.removed')}</Notice> : null}
      {statements.length === 0 ? <p>{t('inventory.emptyDomain')}</p> : <StatementsByTime statements={statements} editable highlightId={savedId} notes={notes} headingLevel={2} />}
      <p>
        <Link to={`/inventaris/nieuw?domein=${domain}`} className="button">
          {t('inventory.addStatement')}
        </Link>
      </p>
    </div>
  )
}
