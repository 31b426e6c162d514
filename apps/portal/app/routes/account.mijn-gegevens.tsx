import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'

export const meta: MetaFunction = pageTitle('titles.mijnGegevens')

/** What the file holds, in the order of the catalogue (rights.downloadItems.*). */
const items = ['profile', 'inventory', 'plan', 'network', 'safetyPlan', 'assistant', 'comments', 'sharing', 'messages', 'trajectory', 'log'] as const

/** The printable pages that already exist (print CSS on the normal pages: one A4 each). */
const printPages = [
  { to: '/inventaris/afdrukken', label: 'rights.printInventory' },
  { to: '/plan/afdrukken', label: 'rights.printPlan' },
  { to: '/netwerk/afdrukken', label: 'rights.printNetwork' },
  { to: '/hulp/mijn-plan/afdrukken', label: 'rights.printSafetyPlan' },
] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'client')
  return null
}

/**
 * The client's rights in one place (GDPR art. 15, 17, 20): everything as one file, the pages to
 * print, who looked, and the way to delete the account. Plain links: works without JavaScript.
 */
export default function MyData() {
  const t = useT()
  return (
    <div className="page page--narrow">
      <h1>{t('rights.title')}</h1>
      <p>{t('rights.intro')}</p>
      <p className="muted">{t('drafts.onDevice')}</p>

      <section className="card" aria-labelledby="download">
        <h2 id="download">{t('rights.downloadTitle')}</h2>
        <p>{t('rights.downloadIntro')}</p>
        <ul>
          {items.map((item) => (
            <li key={item}>{t(`rights.downloadItems.${item}`)}</li>
          ))}
        </ul>
        <p className="muted">{t('rights.downloadFormat')}</p>
        {/* A plain link to a resource route (not a Remix <Link>): the browser saves the file. */}
        <a href="/account/mijn-gegevens/download" className="button" download data-testid="download">
          {t('rights.downloadButton')}
        </a>
        <p className="muted">{t('rights.downloadSafe')}</p>
      </section>

      <section className="card" aria-labelledby="print">
        <h2 id="print">{t('rights.printTitle')}</h2>
        <p>{t('rights.printIntro')}</p>
        <ul className="plain-list">
          {printPages.map((page) => (
            <li key={page.to}>
              <Link to={page.to}>{t(page.label)}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/delen/bekeken">{t('rights.logLink')}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="delete">
        <h2 id="delete">{t('rights.deleteTitle')}</h2>
        <p>{t('rights.deleteIntro')}</p>
        <Link to="/account/verwijderen">{t('rights.deleteLink')}</Link>
      </section>
    </div>
  )
}
