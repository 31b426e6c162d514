import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { loadNetwork } from '../lib/network.server'
import { NetworkList, NetworkMap } from '../components/network-map'
import { ResourcesSection } from '../components/network-resources'
import networkStyles from '../styles/network.css?url'

export const meta: MetaFunction = pageTitle('titles.netwerkkaartPrint')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: networkStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const network = await loadNetwork(request, context, user.id)
  if (!network) throw new Response('unavailable', { status: 503 })
  return { ...network, name: user.displayName, printedAt: new Date().toISOString() }
}

/** The VIP card on A4 for the client's folder: the map, who is on it, and the resources (print styles in network.css). */
export default function PrintNetwork() {
  const t = useT()
  const locale = useLocale()
  const { people, map, resources, name, printedAt } = useLoaderData<typeof loader>()
  return (
    <div className="page print-sheet network-print">
      <p className="no-print">
        <Link to="/netwerk">← {t('network.title')}</Link>
      </p>
      <p className="no-print">{t('network.print.intro')}</p>
      <header className="print-header">
        <h1>{t('network.print.title', { name })}</h1>
        <p className="muted">{t('network.print.date', { date: formatDate(locale, printedAt) })}</p>
      </header>
      <NetworkMap layout={map} title={t('network.mapTitle')} />
      <h2>{t('network.listTitle')}</h2>
      <NetworkList people={people} />
      <ResourcesSection resources={resources} people={people} domains={[]} editable={false} />
    </div>
  )
}
