import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { loadInventory } from '../lib/inventory.server'
import { StatementSchema } from '../lib/statement-schema'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { InventoryNav } from '../components/inventory-nav'
import { StatementForm } from '../components/statement-form'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import { keyedWrite } from '../lib/idempotency.server'

// The shared help card (while typing) is styled by these.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export const meta: MetaFunction = pageTitle('titles.schrijfIetsOp')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  const url = new URL(request.url)
  const asked = url.searchParams.get('domein') ?? ''
  const time = url.searchParams.get('tijd') ?? 'present'
  return {
    domains: inventory.domains,
    // No life domain asked for: none chosen, so a statement never lands in the first one unnoticed.
    domain: inventory.domains.includes(asked) ? asked : '',
    time: ['past', 'present', 'future'].includes(time) ? time : 'present',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const submission = parseSubmission(formData, StatementSchema)
  // On any problem the client's words come back in the box: nothing typed is lost.
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const response = await keyedWrite(formData, (options) =>
    api(context, request).clients[':clientId'].statements.$post({ param: { clientId: user.id }, json: submission.value }, options),
  )
  if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
  const { statement } = await response.json()
  throw redirect(`/inventaris/leefgebied/${statement.domain}?opgeslagen=${statement.id}#zin-${statement.id}`)
}

export default function NewStatement() {
  const t = useT()
  const { domains, domain, time } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.newTitle')}</h1>
      <InventoryNav />
      <StatementForm domains={domains} values={{ domain, time, form: null, text: '' }} result={answer?.result} submitLabel={t('inventory.save')} />
    </div>
  )
}
