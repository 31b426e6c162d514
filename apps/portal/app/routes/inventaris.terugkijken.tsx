import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { dutchDateDaysBefore, isCalendarDate } from '@kracht/calendar'
import { api } from '../lib/api.server'
import { okOrThrow } from '../lib/api-failure.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { GrowthChart } from '../components/growth-chart'
import { InventoryNav } from '../components/inventory-nav'
import { StatementsByTime } from '../components/statement-list'

export const meta: MetaFunction = pageTitle('titles.terugkijken')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const asked = new URL(request.url).searchParams.get('datum')
  // Default: a month ago, a natural first look back.
  const date = asked !== null && isCalendarDate(asked) ? asked : dutchDateDaysBefore(new Date(), 30)
  const [inventory, response] = await Promise.all([
    loadInventory(request, context, user, requestLocale(request)),
    api(context, request).clients[':clientId'].inventory.history.$get({ param: { clientId: user.id }, query: { at: date } }),
  ])
  return { date, domains: inventory.domains, history: await okOrThrow(response).json() }
}

export default function LookBack() {
  const t = useT()
  const locale = useLocale()
  const { date, domains, history } = useLoaderData<typeof loader>()
  const dateText = formatDate(locale, `${date}T12:00:00Z`)
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.lookBackTitle')}</h1>
      <InventoryNav />
      <p>{t('inventory.lookBackIntro')}</p>

      <section className="card" aria-labelledby="growth-title">
        <h2 id="growth-title">{t('inventory.growthTitle')}</h2>
        <GrowthChart points={history.growth} domains={domains} />
      </section>

      <Form method="get" className="inline-date">
        <div className="field">
          <label htmlFor="datum">{t('inventory.lookBackDate')}</label>
          <input type="date" id="datum" name="datum" defaultValue={date} max={new Date().toISOString().slice(0, 10)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('inventory.lookBackShow')}
        </button>
      </Form>

      <section className="card" aria-labelledby="then-title">
        <h2 id="then-title">{t('inventory.lookBackOn', { date: dateText })}</h2>
        {history.statements.length === 0 ? (
          <p>{t('inventory.lookBackNothing')}</p>
        ) : (
          domains
            .filter((domain) => history.statements.some((statement) => statement.domain === domain))
            .map((domain) => (
              <div key={domain} className="then-domain">
                <h3>{domainLabel(t, domain)}</h3>
                <StatementsByTime statements={history.statements.filter((s) => s.domain === domain)} editable={false} />
              </div>
            ))
        )}
      </section>

      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">{t('inventory.changesSince', { date: dateText })}</h2>
        {history.changesSince.length === 0 ? (
          <p>{t('inventory.changesNone')}</p>
        ) : (
          <ul className="changes">
            {history.changesSince.map((change) =>
              change.kind === 'changed' ? (
                <li key={`c-${change.after.id}`} className="change change--changed">
                  <span className="badge">{t('inventory.changeChanged')}</span> <del>{change.before.text}</del> → <ins>{change.after.text}</ins>
                </li>
              ) : (
                <li key={`${change.kind}-${change.statement.id}`} className={`change change--${change.kind}`}>
                  <span className="badge">{change.kind === 'added' ? t('inventory.changeAdded') : t('inventory.changeRemoved')}</span>{' '}
                  {change.kind === 'removed' ? <del>{change.statement.text}</del> : change.statement.text}{' '}
                  <span className="muted">({domainLabel(t, change.statement.domain)})</span>
                </li>
              ),
            )}
          </ul>
        )}
      </section>
    </div>
  )
}
