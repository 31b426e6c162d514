import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasKey } from '@kracht/i18n'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, usePlural, useT, pageTitle } from '../lib/i18n'
import { loadInventory } from '../lib/inventory.server'
import { InventoryNav } from '../components/inventory-nav'

export const meta: MetaFunction = pageTitle('titles.nakijken')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  return { quality: inventory.quality, statements: inventory.statements }
}

export default function Quality() {
  const t = useT()
  const plural = usePlural()
  const locale = useLocale()
  const { quality, statements } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.qualityTitle')}</h1>
      <InventoryNav />
      <p>{t('inventory.qualityIntro')}</p>
      <ul className="checklist">
        {quality.items.map((item) => {
          const base = `inventory.qualityItems.${item.id}`
          const [titleKey, textKey, nextKey] = [`${base}.title`, `${base}.text`, `${base}.next`]
          // The one item that names a number says it in the right form ("1 leefgebied", "2 leefgebieden").
          const text = item.id === 'priorities' ? plural('inventory.qualityItems.priorities.text', item.count) : hasKey(textKey) ? t(textKey) : null
          if (!hasKey(titleKey) || text === null || !hasKey(nextKey)) return null
          const statusKey = `inventory.qualityStatus.${item.status}`
          const toLook = statements.filter((statement) => item.statementIds.includes(statement.id)).slice(0, 5)
          return (
            <li key={item.id} className={`check check--${item.status}`}>
              <div className="check-head">
                <h2>{t(titleKey)}</h2>
                <span className={`badge badge--${item.status}`}>{hasKey(statusKey) ? t(statusKey) : item.status}</span>
              </div>
              <p>{text}</p>
              {item.status !== 'done' ? <p className="next-step">{t(nextKey)}</p> : null}
              {toLook.length > 0 ? (
                <ul className="look-again">
                  {toLook.map((statement) => (
                    <li key={statement.id}>
                      <Link to={`/inventaris/zin/${statement.id}`}>“{statement.text}”</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ul>
      <p className="muted">{t('inventory.qualityChecked', { date: formatDate(locale, quality.checkedAt, true) })}</p>
    </div>
  )
}
