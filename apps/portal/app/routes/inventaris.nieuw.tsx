import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { requestLocale, useT } from '../lib/i18n'
import { loadInventory, problemOf, StatementForm as StatementSchema, submittedValues } from '../lib/inventory.server'
import { FormProblem } from '../components/field'
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

export const meta: MetaFunction = () => [{ title: 'Schrijf iets op – Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  const url = new URL(request.url)
  const asked = url.searchParams.get('domein') ?? ''
  const time = url.searchParams.get('tijd') ?? 'present'
  return {
    domains: inventory.domains,
    domain: inventory.domains.includes(asked) ? asked : (inventory.domains[0] ?? ''),
    time: ['past', 'present', 'future'].includes(time) ? time : 'present',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const values = submittedValues(formData)
  const form = parseForm(StatementSchema, formData)
  // On any problem the client's words come back in the box: nothing typed is lost.
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, values }, { status: 400 })
  const response = await keyedWrite(formData, (options) => api(context, request).clients[':clientId'].statements.$post({ param: { clientId: user.id }, json: form.data }, options))
  if (!response.ok) {
    const problem = await problemOf(response)
    return data({ problem: problem.code, fields: problem.fields, values }, { status: response.status })
  }
  const { statement } = await response.json()
  throw redirect(`/inventaris/leefgebied/${statement.domain}?opgeslagen=${statement.id}#zin-${statement.id}`)
}

export default function NewStatement() {
  const t = useT()
  const { domains, domain, time } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const values = result?.values ?? { domain, time, form: null, text: '' }
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.newTitle')}</h1>
      <InventoryNav />
      <FormProblem code={result && result.problem !== 'validation_failed' ? result.problem : null} />
      <StatementForm domains={domains} values={values} fields={result?.fields ?? {}} submitLabel={t('inventory.save')} />
    </div>
  )
}
