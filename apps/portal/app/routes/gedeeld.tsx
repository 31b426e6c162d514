import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { domainLabel } from '@kracht/i18n'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Gedeeld met mij – Kracht' }]

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
                    {t('peer.sharedScopes', { scopes: share.scopes.map((scope) => t(`sharing.scopes.${scope}`)).join(', ') })} ·{' '}
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
              {client.canReadMessages ? (
                <Link to={`/clienten/${client.clientId}/berichten`} className="button button--small button--secondary">
                  {t('peer.openMessages')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
