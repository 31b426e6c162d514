import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { formatDate, requestLocale, useLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { StatementsByTime } from '../components/statement-list'

export const meta: MetaFunction = pageTitle('titles.mijnKrachtenPrint')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  return { inventory: await loadInventory(request, context, user, requestLocale(request)), printedAt: new Date().toISOString() }
}

/** The worksheet for the client's paper folder: fits A4, print styles in styles.css. */
export default function PrintInventory() {
  const t = useT()
  const locale = useLocale()
  const { inventory, printedAt } = useLoaderData<typeof loader>()
  return (
    <div className="page print-sheet">
      <p className="no-print">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <p className="no-print">{t('inventory.printIntro')}</p>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('inventory.print')}
        </button>
      </p>
      <header className="print-header">
        <h1>{t('inventory.printTitle', { name: inventory.displayName })}</h1>
        <p className="muted">{t('inventory.printDate', { date: formatDate(locale, printedAt) })}</p>
      </header>
      <section className="print-section">
        <h2>{t('inventory.priorities')}</h2>
        {inventory.priorities.length === 0 ? (
          <p>{t('inventory.prioritiesEmpty')}</p>
        ) : (
          <ol>
            {inventory.priorities.map((priority) => (
              <li key={priority.domain}>
                <strong>{domainLabel(t, priority.domain)}</strong>
                {priority.wish ? ` – ${priority.wish}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      {inventory.domains.map((domain) => {
        const statements = inventory.statements.filter((statement) => statement.domain === domain)
        return (
          <section key={domain} className="print-section print-domain">
            <h2>{domainLabel(t, domain)}</h2>
            {statements.length === 0 ? <p className="print-empty">…</p> : <StatementsByTime statements={statements} editable={false} headingLevel={3} />}
          </section>
        )
      })}
      <section className="print-section">
        <h2>{t('inventory.remarks')}</h2>
        <p className="print-remarks">{inventory.remarks || '…'}</p>
      </section>
      <section className="print-section signatures">
        <h2>{t('inventory.signatures')}</h2>
        <div className="signature-lines">
          <p>{t('inventory.signatureClient')}: ______________________</p>
          <p>{t('inventory.signatureWorker')}: ______________________</p>
        </div>
      </section>
    </div>
  )
}
