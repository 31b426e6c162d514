import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { domainLabel } from '@kracht/i18n'
import { formatDate, sharedScopeName, useLocale, useT, pageTitle } from '../lib/i18n'
import { jsonOrThrow } from '../lib/api-failure.server'
import { sectionLinks, sharedScopesOf } from '../components/client-sections'

export const meta: MetaFunction = pageTitle('titles.gedeeldMetMij')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'peer', 'worker')
  const response = await api(context, request).me['shared-with-me'].$get({ query: {} })
  return { role: user.role, clients: await jsonOrThrow(response) }
}

/** "Gedeeld met mij": who shares what with me, and only the ways in that their share opens. */
export default function SharedWithMe() {
  const t = useT()
  const locale = useLocale()
  const { clients } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow">
      <h1>{t('peer.sharedTitle')}</h1>
      <p>{t('peer.sharedIntro')}</p>
      {clients.length === 0 ? (
        <p>{t('peer.sharedNone')}</p>
      ) : (
        <ul className="rows" data-testid="shared-with-me">
          {clients.map((client) => (
            <li key={client.clientId} className="row">
              <div>
                <strong>{client.displayName}</strong>
                {client.shares.map((share) => (
                  <p key={share.id} className="muted">
                    {t('peer.sharedScopes', { scopes: share.scopes.map((scope) => sharedScopeName(t, scope)).join(', ') })} ·{' '}
                    {share.access === 'comment' ? t('peer.sharedComment') : t('peer.sharedRead')}
                    {share.endsAt ? ` · ${t('peer.sharedUntil', { date: formatDate(locale, share.endsAt) })}` : ''}
                    {share.excludeDomains.length > 0 ? (
                      <>
                        <br />
                        {t('peer.sharedLeftOut', { domains: share.excludeDomains.map((d) => domainLabel(t, d)).join(', ') })}
                      </>
                    ) : null}
                  </p>
                ))}
              </div>
              <SharedWays clientId={client.clientId} name={client.displayName} scopes={sharedScopesOf(client)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * The pages a share opens, each a link: the strengths (the client's page) and the sections beside
 * them. A share that opens none of these pages (a team meeting's) shows no link, never a dead end.
 */
function SharedWays({ clientId, name, scopes }: { clientId: string; name: string; scopes: string[] }) {
  const t = useT()
  const ways = [{ scope: 'inventory', to: '', label: t('peer.openInventory') }, ...sectionLinks(t).map((link) => ({ ...link, to: `/${link.to}` }))].filter((way) =>
    scopes.includes(way.scope),
  )
  if (ways.length === 0) return null
  return (
    <ul className="plain-list shared-ways">
      {ways.map((way) => (
        <li key={way.scope}>
          <Link to={`/clienten/${clientId}${way.to}`} className="button button--small button--secondary">
            {way.label}
            {/* Several people make several links with one label: the name tells them apart when read aloud. */}
            <span className="visually-hidden"> ({name})</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
