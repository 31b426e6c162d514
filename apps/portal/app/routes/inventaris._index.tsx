import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm, type FieldErrors } from '../lib/forms'
import { requestLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory, problemOf } from '../lib/inventory.server'
import { FormProblem, Notice } from '../components/field'
import { InventoryNav } from '../components/inventory-nav'
import { StatementsByTime } from '../components/statement-list'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = () => [{ title: 'Mijn krachten – Kracht' }]
// The help card after remarks that fired the screen is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  return loadInventory(request, context, user, requestLocale(request))
}

const RemarksForm = z.object({ remarks: z.string().trim().max(4000, 'too_long'), version: z.coerce.number().int().min(0) })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const form = parseForm(RemarksForm, await request.formData())
  if (!form.ok) return data({ problem: 'validation_failed', fields: form.fields, safety: null }, { status: 400 })
  const response = await api(context, request).clients[':clientId'].remarks.$put({ param: { clientId: user.id }, json: form.data })
  if (!response.ok) {
    const problem = await problemOf(response)
    return data({ problem: problem.code, fields: problem.fields, safety: null }, { status: response.status })
  }
  const saved = await response.json()
  // Remarks that fired the screen: stay here with the help card (never the kind in the address).
  const noFields: FieldErrors = {}
  if (saved.safety.detected) return { problem: null, fields: noFields, safety: saved.safety }
  throw redirect('/inventaris?opmerkingen=1#opmerkingen')
}

export default function Portrait() {
  const t = useT()
  const inventory = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const byDomain = (domain: string) => inventory.statements.filter((statement) => statement.domain === domain)
  return (
    <div className="page page--wide">
      <h1>{t('inventory.title')}</h1>
      <p className="lead">{t('inventory.intro')}</p>
      <InventoryNav />

      <section className="card priorities" aria-labelledby="priorities-title">
        <h2 id="priorities-title">{t('inventory.priorities')}</h2>
        {inventory.priorities.length === 0 ? (
          <p>{t('inventory.prioritiesEmpty')}</p>
        ) : (
          <ol className="priority-list">
            {inventory.priorities.map((priority) => (
              <li key={priority.domain}>
                <strong>{domainLabel(t, priority.domain)}</strong>
                {priority.wish ? <span className="wish">“{priority.wish}”</span> : null}
              </li>
            ))}
          </ol>
        )}
        <Link to="/inventaris/prioriteiten" className="button button--small button--secondary">
          {t('inventory.prioritiesChoose')}
        </Link>
      </section>

      <div className="domain-grid">
        {inventory.domains.map((domain) => {
          const statements = byDomain(domain)
          const label = domainLabel(t, domain)
          return (
            <section key={domain} className={statements.length === 0 ? 'card domain-card is-empty' : 'card domain-card'} aria-labelledby={`domain-${domain}`}>
              <h3 id={`domain-${domain}`}>
                <Link to={`/inventaris/leefgebied/${domain}`}>{label}</Link>
              </h3>
              {statements.length === 0 ? (
                <>
                  <p className="muted">{t('inventory.emptyDomain')}</p>
                  <Link to={`/inventaris/nieuw?domein=${domain}`} className="button button--small">
                    {t('inventory.addFirst')}
                  </Link>
                </>
              ) : (
                <>
                  <StatementsByTime statements={statements} editable={false} />
                  <p className="card-actions">
                    <Link to={`/inventaris/nieuw?domein=${domain}`} className="button button--small button--secondary">
                      {t('inventory.addStatement')}
                    </Link>
                    <Link to={`/inventaris/leefgebied/${domain}`} className="text-link">
                      {t('inventory.viewDomain', { domain: label })}
                    </Link>
                  </p>
                </>
              )}
            </section>
          )
        })}
      </div>

      <section className="card" id="opmerkingen" aria-labelledby="remarks-title">
        <h2 id="remarks-title">{t('inventory.remarks')}</h2>
        {params.get('opmerkingen') || result?.safety ? <Notice>{t('inventory.remarksSaved')}</Notice> : null}
        <SaveSafety screen={result?.safety} />
        <FormProblem code={result?.problem === 'version_conflict' ? 'version_conflict' : null} />
        <Form method="post" className="stack">
          <input type="hidden" name="version" value={inventory.version} />
          <div className="field">
            <label htmlFor="remarks">{t('inventory.remarks')}</label>
            <p className="hint">{t('inventory.remarksHint')}</p>
            <textarea id="remarks" name="remarks" rows={3} maxLength={4000} defaultValue={inventory.remarks} />
            {result?.fields['remarks'] ? <p className="field-error">{t('fields.too_long')}</p> : null}
          </div>
          <button type="submit" className="button button--secondary">
            {t('inventory.remarksSave')}
          </button>
        </Form>
      </section>
    </div>
  )
}
