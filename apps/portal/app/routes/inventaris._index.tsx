import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { Notice } from '../components/field'
import { optionalText } from '../forms/fields'
import { FormErrors, TextareaField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { InventoryNav } from '../components/inventory-nav'
import { StatementsByTime } from '../components/statement-list'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnKrachten')
// The help card after remarks that fired the screen is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  return loadInventory(request, context, user, requestLocale(request))
}

// Emptying the box removes the remarks: empty is allowed.
const RemarksForm = z.object({ remarks: optionalText(4000), version: z.coerce.number({ error: 'invalid' }).int().min(0) })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), RemarksForm)
  if (submission.status !== 'success') return data({ result: reply(submission), safety: null }, { status: 400 })
  const json = { remarks: submission.value.remarks ?? '', version: submission.value.version }
  const response = await api(context, request).clients[':clientId'].remarks.$put({ param: { clientId: user.id }, json })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response), safety: null }, { status: response.status })
  const saved = await response.json()
  // Remarks that fired the screen: stay here with the help card (never the kind in the address).
  if (saved.safety.detected) return { result: null, safety: saved.safety }
  throw redirect('/inventaris?opmerkingen=1#opmerkingen')
}

export default function Portrait() {
  const t = useT()
  const inventory = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const [remarksForm, remarks] = useSchemaForm({ id: 'remarks', schema: RemarksForm, lastResult: result?.result, defaultValue: { remarks: inventory.remarks } })
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
        <FormErrors form={remarksForm} />
        <Form method="post" className="stack" {...getFormProps(remarksForm)}>
          <input type="hidden" name="version" value={inventory.version} />
          <TextareaField meta={remarks.remarks} label={t('inventory.remarks')} hint={t('inventory.remarksHint')} rows={3} />
          <button type="submit" className="button button--secondary">
            {t('inventory.remarksSave')}
          </button>
        </Form>
      </section>
    </div>
  )
}
