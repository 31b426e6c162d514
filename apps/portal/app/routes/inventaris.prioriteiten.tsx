import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { problemText, requestLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory, problemOf } from '../lib/inventory.server'
import { FormProblem, Notice } from '../components/field'
import { InventoryNav } from '../components/inventory-nav'

export const meta: MetaFunction = () => [{ title: 'Prioriteiten – Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  return { domains: inventory.domains, limit: inventory.priorityLimit, priorities: inventory.priorities, version: inventory.version }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  const limit = Number(formData.get('limit') ?? 4)
  // Places are read in order; an empty place is skipped, so "1 and 3" becomes "1 and 2".
  const priorities: { domain: string; wish: string | null }[] = []
  for (let place = 1; place <= Math.min(limit, 10); place++) {
    const domain = String(formData.get(`domain-${place}`) ?? '')
    if (domain) priorities.push({ domain, wish: String(formData.get(`wish-${place}`) ?? '').trim() || null })
  }
  const version = Number(formData.get('version') ?? 0)
  const response = await api(context, request).clients[':clientId'].priorities.$put({ param: { clientId: user.id }, json: { version, priorities } })
  if (!response.ok) {
    const problem = await problemOf(response)
    return data({ problem: problem.code, field: problem.fields['priorities'] ?? null, priorities }, { status: response.status })
  }
  throw redirect('/inventaris/prioriteiten?opgeslagen=1')
}

export default function Priorities() {
  const t = useT()
  const { domains, limit, priorities: saved, version } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const priorities = result?.priorities ?? saved
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.prioritiesTitle')}</h1>
      <InventoryNav />
      <p>{t('inventory.prioritiesIntro', { limit })}</p>
      {params.get('opgeslagen') ? <Notice>{t('inventory.prioritiesSaved')}</Notice> : null}
      {result?.field ? (
        <div className="notice notice--error" role="alert">
          {problemText(t, 'fields', result.field)}
        </div>
      ) : (
        <FormProblem code={result?.problem} />
      )}
      <Form method="post" className="stack">
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="limit" value={limit} />
        {Array.from({ length: limit }, (_, index) => {
          const place = index + 1
          const current = priorities[index]
          return (
            <fieldset key={place} className="card priority-place">
              <legend>{t('inventory.priorityNumber', { n: place })}</legend>
              <div className="field">
                <label htmlFor={`domain-${place}`}>{t('inventory.domainLabel')}</label>
                <select id={`domain-${place}`} name={`domain-${place}`} defaultValue={current?.domain ?? ''}>
                  <option value="">{t('inventory.priorityNone')}</option>
                  {domains.map((domain) => (
                    <option key={domain} value={domain}>
                      {domainLabel(t, domain)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`wish-${place}`}>{t('inventory.priorityWish')}</label>
                <input id={`wish-${place}`} name={`wish-${place}`} maxLength={500} defaultValue={current?.wish ?? ''} />
              </div>
            </fieldset>
          )
        })}
        <button type="submit" className="button">
          {t('inventory.save')}
        </button>
      </Form>
    </div>
  )
}
