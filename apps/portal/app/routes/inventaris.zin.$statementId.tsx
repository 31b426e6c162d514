import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm } from '../lib/forms'
import { requestLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory, problemOf, StatementForm as StatementSchema, submittedValues } from '../lib/inventory.server'
import { FormProblem } from '../components/field'
import { StatementForm } from '../components/statement-form'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

// The shared help card (while typing) is styled by these.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export const meta: MetaFunction = () => [{ title: 'Zin aanpassen – Kracht' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  const statement = inventory.statements.find((row) => row.id === params['statementId'])
  if (!statement) throw new Response('not found', { status: 404 })
  return { domains: inventory.domains, statement }
}

const Version = z.object({ version: z.coerce.number().int().min(1) })

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const statementId = params['statementId'] ?? ''
  const client = api(context, request).clients[':clientId'].statements[':statementId']
  const version = parseForm(Version, formData)
  if (!version.ok) return data({ problem: 'validation_failed', fields: version.fields, values: null }, { status: 400 })
  if (formData.get('intent') === 'remove') {
    const response = await client.$delete({ param: { clientId: user.id, statementId }, query: { version: String(version.data.version) } })
    if (!response.ok) {
      const problem = await problemOf(response)
      return data({ problem: problem.code, fields: {}, values: null }, { status: response.status })
    }
    // The domain comes from the form: encoded, so it can only ever be one path segment of ours.
    throw redirect(`/inventaris/leefgebied/${encodeURIComponent(String(formData.get('domainBefore') ?? ''))}?weg=1`)
  }
  const values = submittedValues(formData)
  const form = parseForm(StatementSchema, formData)
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, values }, { status: 400 })
  const response = await client.$patch({ param: { clientId: user.id, statementId }, json: { version: version.data.version, ...form.data } })
  if (!response.ok) {
    const problem = await problemOf(response)
    return data({ problem: problem.code, fields: problem.fields, values }, { status: response.status })
  }
  const { statement } = await response.json()
  throw redirect(`/inventaris/leefgebied/${statement.domain}?opgeslagen=${statement.id}#zin-${statement.id}`)
}

export default function EditStatement() {
  const t = useT()
  const { domains, statement } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const conflict = result?.problem === 'version_conflict'
  // After a conflict the form carries the newest version (from the loader) and the client's own text.
  const values = { ...(result?.values ?? statement), version: statement.version }
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/inventaris/leefgebied/${statement.domain}`}>← {domainLabel(t, statement.domain)}</Link>
      </p>
      <h1>{t('inventory.editTitle')}</h1>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <p>{t('inventory.conflict')}</p>
          <blockquote>{statement.text}</blockquote>
        </div>
      ) : (
        <FormProblem code={result && result.problem !== 'validation_failed' ? result.problem : null} />
      )}
      <StatementForm key={statement.version} domains={domains} values={values} fields={result?.fields ?? {}} submitLabel={t('inventory.save')} />
      <Form method="post" className="aside">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="version" value={statement.version} />
        <input type="hidden" name="domainBefore" value={statement.domain} />
        <p className="muted">{t('inventory.removeConfirm')}</p>
        <button type="submit" className="button button--secondary">
          {t('inventory.remove')}
        </button>
      </Form>
    </div>
  )
}
